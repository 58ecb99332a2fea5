import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, POSTGRES_ADMIN_URL } from '../support/databases';
import { startServer, type RunningServer } from '../support/server';

const BURST = 200;
const LIMITS = { BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '100000', BOOKING_LIMIT_PER_EMAIL_PER_DAY: '100' };

interface Setup {
  name: string;
  servers: RunningServer[];
  drop?: () => Promise<void>;
}

const setups: { name: string; start: () => Promise<Setup> }[] = [
  { name: 'PGlite, one instance', start: async () => ({ name: 'pglite', servers: [await startServer(LIMITS)] }) },
  ...(POSTGRES_ADMIN_URL
    ? [
        {
          name: 'PostgreSQL, two instances on one database',
          start: async () => {
            const { url, drop } = await createPostgresDatabase(POSTGRES_ADMIN_URL ?? '');
            const first = await startServer({ ...LIMITS, DATABASE_URL: url, DATABASE_POOL_SIZE: '20' });
            const second = await startServer({ ...LIMITS, DATABASE_URL: url, DATABASE_POOL_SIZE: '20' });
            return { name: 'postgres', servers: [first, second], drop };
          },
        },
      ]
    : []),
];

describe.each(setups)('$name: the opening-minute race for one slot', ({ start }) => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await start();
  }, 120_000);
  afterAll(async () => {
    for (const s of setup?.servers ?? []) await s.stop();
    await setup?.drop?.();
  });

  it(`${BURST} concurrent bookings for a slot with capacity 1: exactly one wins, the rest hear "just taken"`, async () => {
    const base = setup.servers[0]!.url;
    const availability = (await (
      await fetch(`${base}/api/availability?service=employer-fast-lane&location=immigration-office&days=60`)
    ).json()) as { slots: { start: string; capacityLeft: number }[] };
    const slot = availability.slots.find((s) => s.capacityLeft === 1)!;
    expect(slot).toBeDefined();
    const responses = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        fetch(`${setup.servers[i % setup.servers.length]!.url}/api/appointments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            service: 'employer-fast-lane',
            location: 'immigration-office',
            start: slot.start,
            name: `Racer ${i}`,
            email: `racer${i}@example.org`,
            language: 'tr',
          }),
        }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { error?: { code: string; message: string }; next?: unknown[] },
        })),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const taken = responses.filter((r) => r.status === 409);
    expect(taken.every((r) => r.body.error?.code === 'taken' && (r.body.next?.length ?? 0) > 0)).toBe(true);
    // The message is in the language of the request (Turkish).
    expect(taken[0]?.body.error?.message).not.toMatch(/Someone else|jemand anderem/);
    const after = (await (
      await fetch(`${base}/api/availability?service=employer-fast-lane&location=immigration-office&days=60`)
    ).json()) as { slots: { start: string }[] };
    expect(after.slots.some((s) => s.start === slot.start)).toBe(false);
  });
});
