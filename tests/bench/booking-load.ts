import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { rowsOf } from '../../src/server/rate-limit';
import { startServer } from '../support/server';
import { load, type Load } from './static-throughput';
import { BENCH } from './bench-office';
import { prepareBenchDatabase } from './bench-db';

/** Limits far above the load, so that the figures measure booking, not the abuse limits. */
export const LIMITS = { BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '10000000', BOOKING_LIMIT_PER_EMAIL_PER_DAY: '100' };

/** Free start times far enough apart that each booking below takes its own slot. */
async function freeStarts(base: string, count: number): Promise<string[]> {
  const from = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${base}/api/availability?service=${BENCH.service}&location=${BENCH.location}&from=${from}&days=60`);
  const body = (await res.json()) as { slots: { start: string; capacityLeft: number }[] };
  return body.slots.flatMap((s) => Array.from({ length: s.capacityLeft }, () => s.start)).slice(0, count);
}

async function bookOverHttp(base: string, starts: string[], concurrency: number): Promise<number> {
  let next = 0;
  let booked = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < starts.length) {
        const i = next++;
        const res = await fetch(`${base}/api/appointments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            service: BENCH.service,
            location: BENCH.location,
            start: starts[i],
            name: 'Load Test',
            email: `load${i}-${Date.now()}@example.org`,
            language: 'de',
          }),
        });
        if (res.status === 201) booked += 1;
        await res.arrayBuffer();
      }
    }),
  );
  return Math.round((booked / (performance.now() - began)) * 1000);
}

/** The same writes as a booking (appointment + two outbox rows, one transaction each), no HTTP. */
async function bookOverSql(target: string, count: number, concurrency: number): Promise<number> {
  const handle = await openDatabase(target.startsWith('postgres') ? { url: target, maxConnections: concurrency } : { dataDir: target });
  await handle.migrate();
  const counterRow = rowsOf<{ id: number }>(
    await handle.db.execute(sql`select min(id) as id from counters where location_id = ${BENCH.location}`),
  )[0]!;
  const startAt = Date.UTC(2031, 0, 1);
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const starts = new Date(startAt + i * BENCH.minutes * 60_000);
        const ends = new Date(starts.getTime() + BENCH.minutes * 60_000);
        await handle.db.transaction(async (tx) => {
          const inserted =
            await tx.execute(sql`insert into appointments (reference, service_id, location_id, counter_id, starts_at, ends_at, name, email, language, manage_token_hash)
            values (${`S-${i}-${Date.now()}`}, ${BENCH.service}, ${BENCH.location}, ${counterRow.id}, ${starts.toISOString()}, ${ends.toISOString()}, 'Sql Loop', ${`sql${i}@example.org`}, 'de', md5(random()::text)) returning id`);
          const id = rowsOf<{ id: string }>(inserted)[0]?.id;
          for (const kind of ['confirmation', 'reminder']) {
            await tx.execute(
              sql`insert into outbox (kind, appointment_id, "to", subject, text) values (${kind}, ${id}, ${`sql${i}@example.org`}, 'x', 'x')`,
            );
          }
        });
      }
    }),
  );
  const perSecond = Math.round((count / (performance.now() - began)) * 1000);
  await handle.close();
  return perSecond;
}

export interface BookingFigures {
  driver: string;
  appointmentsSeeded: number;
  availability: Load & { connections: number };
  bookingsPerSecondHttp: number;
  bookingsPerSecondSql: number;
  ratio: number;
}

export async function bookingLoad(
  driver: 'pglite' | 'postgres',
  seconds: number,
  options: { appointments: number; adminUrl?: string },
): Promise<BookingFigures> {
  const prepared = await prepareBenchDatabase(driver, options.appointments, options.adminUrl);
  try {
    const server = await startServer({ ...LIMITS, ...prepared.env, OUTBOX_POLL_MS: '60000' });
    let availability: Load;
    let http: number;
    try {
      const from = new Date().toISOString().slice(0, 10);
      availability = await load(
        `${server.url}/api/availability?service=${BENCH.service}&location=${BENCH.location}&from=${from}&days=${BENCH.horizonDays + 1}`,
        seconds,
        200,
        { 'accept-encoding': 'gzip' },
      );
      const starts = await freeStarts(server.url, 1500);
      http = await bookOverHttp(server.url, starts, 20);
    } finally {
      await server.stop();
    }
    const viaSql = await bookOverSql(prepared.target, 1500, driver === 'pglite' ? 1 : 20);
    return {
      driver,
      appointmentsSeeded: options.appointments,
      availability: { ...availability, connections: 200 },
      bookingsPerSecondHttp: http,
      bookingsPerSecondSql: viaSql,
      ratio: Math.round((http / viaSql) * 100) / 100,
    };
  } finally {
    await prepared.cleanup();
  }
}
