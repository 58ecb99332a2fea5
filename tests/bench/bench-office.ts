/**
 * A large office for the booking benchmarks: one location with many counters, open long hours,
 * and a year of appointments (default 50,000) already booked on it. Written straight with SQL.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export const BENCH = { service: 'bench-service', location: 'bench-office', counters: 25, minutes: 20, horizonDays: 84 };

export async function seedBenchOffice(db: Db, appointments: number, now: Date): Promise<void> {
  await db.execute(sql`insert into services (id, area, page, duration_minutes, extra_person_minutes, lead_time_hours, horizon_days, staff_languages)
    values (${BENCH.service}, 'migration', 'residence-permit-extension', ${BENCH.minutes}, 0, 1, ${BENCH.horizonDays}, '{de,en}') on conflict do nothing`);
  await db.execute(sql`insert into locations (id, area, street, postcode, city, phone, email, step_free)
    values (${BENCH.location}, 'migration', 'Benchweg 1', '00009', 'Musterstadt', '+49 0', 'bench@musterstadt.example', true) on conflict do nothing`);
  for (let weekday = 1; weekday <= 6; weekday++) {
    await db.execute(
      sql`insert into opening_hours (location_id, weekday, opens, closes) values (${BENCH.location}, ${weekday}, '07:00', '19:00')`,
    );
  }
  await db.execute(
    sql`insert into counters (location_id, name) select ${BENCH.location}, 'Bench ' || g from generate_series(1, ${BENCH.counters}) g`,
  );
  await db.execute(
    sql`insert into counter_services (counter_id, service_id) select id, ${BENCH.service} from counters where location_id = ${BENCH.location}`,
  );
  // Every 20-minute slot of a year on every counter, a deterministic pseudo-random share of them booked.
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 180 * 86_400_000).toISOString();
  await db.execute(sql`
    with slots as (
      select c.id as counter_id, d + make_interval(mins => m) as starts_at
      from counters c,
           generate_series(${start}::timestamptz, ${start}::timestamptz + interval '365 days', interval '1 day') d,
           generate_series(0, 700, ${BENCH.minutes}) m
      where c.location_id = ${BENCH.location} and extract(isodow from d) <= 6
    ), picked as (
      select counter_id, starts_at from slots order by md5(counter_id::text || starts_at::text) limit ${appointments}
    )
    insert into appointments (reference, service_id, location_id, counter_id, starts_at, ends_at, name, email, language, manage_token_hash)
    select 'B-' || row_number() over (), ${BENCH.service}, ${BENCH.location}, counter_id, starts_at + interval '6 hours', starts_at + interval '6 hours' + make_interval(mins => ${BENCH.minutes}),
           'Bench Person', 'bench' || row_number() over () || '@example.org', 'de', md5(random()::text || clock_timestamp()::text)
    from picked`);
  // Fresh statistics, as autovacuum would keep them on a running PostgreSQL.
  await db.execute(sql`analyze`);
}
