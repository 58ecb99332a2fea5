/**
 * After a burst, straight from the database (not through the app that might be wrong): was any
 * slot overbooked? Run once no server holds the database any more (PGlite is single-process,
 * and requests still in flight when the load stopped have finished by then).
 */
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Db } from '../../db/client';
import { rowsOf } from '../../src/server/rate-limit';

export interface OverbookingCheck {
  /** Active appointments that overlap an earlier one on the same counter. */
  overlappingOnACounter: number;
  /** Start times of a service at a location with more active appointments than counters that offer it there. */
  slotsOverCapacity: number;
  /** Active appointments on a counter that does not offer their service at their location. */
  onAForeignCounter: number;
  /** Rows the burst wrote (to compare with the 201 answers). */
  burstAppointments: number;
}

// Statuses that hold a counter, as the exclusion constraint (migration 0002) counts them.
const ACTIVE = sql`status in ('booked', 'checked_in')`;

// The running maximum of earlier end times per counter: an appointment overlaps an earlier one
// exactly when it starts before that maximum (pairwise comparison would be quadratic).
const OVERLAPPING = sql`select count(*)::int as n from (
  select starts_at, max(ends_at) over (partition by counter_id order by starts_at, ends_at, id
                                       rows between unbounded preceding and 1 preceding) as earlier_end
  from appointments where ${ACTIVE}) a
  where a.earlier_end > a.starts_at`;

const OVER_CAPACITY = sql`select count(*)::int as n from (
  select service_id, location_id, starts_at, count(*) as booked from appointments where ${ACTIVE} group by 1, 2, 3) s
  where s.booked > (select count(*) from counter_services cs join counters c on c.id = cs.counter_id
                    where c.location_id = s.location_id and cs.service_id = s.service_id)`;

const FOREIGN_COUNTER = sql`select count(*)::int as n from appointments a where ${ACTIVE} and not exists (
  select 1 from counter_services cs join counters c on c.id = cs.counter_id
  where c.id = a.counter_id and c.location_id = a.location_id and cs.service_id = a.service_id)`;

async function count(db: Db, query: SQL): Promise<number> {
  return rowsOf<{ n: number }>(await db.execute(query))[0]?.n ?? NaN;
}

export async function checkOverbooking(target: string, burstName: string): Promise<OverbookingCheck> {
  const handle = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
  try {
    return {
      overlappingOnACounter: await count(handle.db, OVERLAPPING),
      slotsOverCapacity: await count(handle.db, OVER_CAPACITY),
      onAForeignCounter: await count(handle.db, FOREIGN_COUNTER),
      burstAppointments: await count(handle.db, sql`select count(*)::int as n from appointments where name = ${burstName}`),
    };
  } finally {
    await handle.close();
  }
}

export const overbooked = (c: OverbookingCheck) => c.overlappingOnACounter + c.slotsOverCapacity + c.onAForeignCounter;
