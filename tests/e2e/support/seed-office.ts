/**
 * Seeds what only the past can hold (run before the server starts): counter staff, a past
 * appointment earlier today, and past appointments for the figures (tests/e2e/support/seeded-office.ts).
 */
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../../../db/client';
import { appointments, counterServices, counters, users } from '../../../db/schema';
import { hashPassword } from '../../../src/server/auth/passwords';
import { loadEnv } from '../../../src/server/env';
import { generateReference, generateSecretToken, hashToken } from '../../../src/server/tokens';
import { addDays, fromZoned, toZoned } from '../../../src/domain/time';
import { E2E_COUNTER } from '../ports';
import { FIGURES_SERVICE, NO_SHOW_TODAY, SEEDED_PAST } from './seeded-office';

const env = loadEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
const db = handle.db;
await db.insert(users).values({
  email: E2E_COUNTER.email,
  name: E2E_COUNTER.name,
  role: 'counter',
  status: 'active',
  passwordHash: await hashPassword(E2E_COUNTER.password),
});

async function counterFor(serviceId: string, locationId: string): Promise<number> {
  const [row] = await db
    .select({ id: counters.id })
    .from(counters)
    .innerJoin(counterServices, eq(counterServices.counterId, counters.id))
    .where(and(eq(counters.locationId, locationId), eq(counterServices.serviceId, serviceId)));
  if (!row) throw new Error(`no counter for ${serviceId} at ${locationId}`);
  return row.id;
}

const base = (start: Date, minutes: number, serviceId: string, locationId: string, counterId: number) => ({
  reference: generateReference(),
  serviceId,
  locationId,
  counterId,
  startsAt: start,
  endsAt: new Date(start.getTime() + minutes * 60_000),
  language: 'de',
  manageTokenHash: hashToken(generateSecretToken()),
});

const now = new Date();
const today = toZoned(now).date;
// Earlier today: within the last hour, but never before midnight.
const dayStart = fromZoned(today, 0)!;
const noShowStart = new Date(Math.max(dayStart.getTime() + 60_000, now.getTime() - 60 * 60_000));
await db.insert(appointments).values({
  ...base(
    noShowStart,
    15,
    NO_SHOW_TODAY.serviceId,
    NO_SHOW_TODAY.locationId,
    await counterFor(NO_SHOW_TODAY.serviceId, NO_SHOW_TODAY.locationId),
  ),
  name: NO_SHOW_TODAY.name,
  email: 'nadia.noshow@example.org',
});

const counterId = await counterFor(FIGURES_SERVICE.serviceId, FIGURES_SERVICE.locationId);
for (const [i, a] of SEEDED_PAST.entries()) {
  const start = fromZoned(addDays(today, -a.daysAgo), 9 * 60 + i * 30)!;
  await db.insert(appointments).values({
    ...base(start, a.minutes, FIGURES_SERVICE.serviceId, FIGURES_SERVICE.locationId, counterId),
    name: `Seeded Person ${i + 1}`,
    email: a.walkIn ? null : `seeded${i + 1}@example.org`,
    status: a.status,
    walkIn: a.walkIn ?? false,
    cancelledAt: a.status === 'cancelled' ? start : null,
    createdAt: new Date(start.getTime() - 7 * 86_400_000),
  });
}
await handle.close();
