/** Loads what availability needs from the database: one service at one location. */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { rowsOf } from '../rate-limit';
import type { Db } from '../../../db/client';
import { closures, counterServices, counters, locations, openingHours, services } from '../../../db/schema';
import type { Closure, CounterLoad, OpeningHours } from '../../domain/availability';

export type ServiceRow = typeof services.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;

export interface ServiceAtLocation {
  service: ServiceRow;
  location: LocationRow;
  openingHours: OpeningHours[];
  closures: Closure[];
  counterIds: number[];
}

const hhmm = (t: string) => t.slice(0, 5);

/**
 * Office data changes rarely (an admin edits it) but is read by every availability request and
 * booking: each process keeps it for a few seconds. Correctness never depends on it: capacity
 * is guarded by the database.
 */
const OFFICE_CACHE_MS = 5000;
const officeCache = new Map<string, { at: number; value: Promise<ServiceAtLocation | undefined> }>();

export function loadServiceAtLocation(db: Db, serviceId: string, locationId: string): Promise<ServiceAtLocation | undefined> {
  const key = `${serviceId}|${locationId}`;
  const hit = officeCache.get(key);
  if (hit && Date.now() - hit.at < OFFICE_CACHE_MS) return hit.value;
  const value = readServiceAtLocation(db, serviceId, locationId);
  officeCache.set(key, { at: Date.now(), value });
  value.catch(() => officeCache.delete(key));
  if (officeCache.size > 1000) officeCache.clear();
  return value;
}

/** Forget cached office data at once (after an admin changed it, and in tests). */
export function forgetOfficeData(): void {
  officeCache.clear();
}

async function readServiceAtLocation(db: Db, serviceId: string, locationId: string): Promise<ServiceAtLocation | undefined> {
  const [service] = await db
    .select()
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.active, true)));
  const [location] = await db.select().from(locations).where(eq(locations.id, locationId));
  if (!service || !location) return undefined;
  const counterRows = await db
    .select({ id: counters.id })
    .from(counters)
    .innerJoin(counterServices, eq(counterServices.counterId, counters.id))
    .where(and(eq(counters.locationId, locationId), eq(counterServices.serviceId, serviceId)));
  if (counterRows.length === 0) return undefined;
  const hours = await db.select().from(openingHours).where(eq(openingHours.locationId, locationId));
  const closed = await db
    .select()
    .from(closures)
    .where(or(isNull(closures.locationId), eq(closures.locationId, locationId)));
  return {
    service,
    location,
    openingHours: hours.map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes) })),
    closures: closed.map((c) => ({ startsOn: c.startsOn, endsOn: c.endsOn })),
    counterIds: counterRows.map((c) => c.id),
  };
}

/**
 * Active appointments on the given counters between two instants. Times come back as epoch
 * milliseconds, not timestamps: availability reads thousands of rows per request, and parsing
 * each timestamp twice (driver, then ORM) was most of its cost.
 */
export async function loadCounterLoads(
  db: Db,
  counterIds: number[],
  from: Date,
  to: Date,
  ignoreAppointmentId?: string,
): Promise<CounterLoad[]> {
  if (counterIds.length === 0) return [];
  const ignore = ignoreAppointmentId ? sql`and id <> ${ignoreAppointmentId}` : sql``;
  const result = await db.execute(sql`
    select counter_id as c, (extract(epoch from starts_at) * 1000)::float8 as s, (extract(epoch from ends_at) * 1000)::float8 as e
    from appointments
    where counter_id in ${counterIds} and status in ('booked', 'checked_in')
      and starts_at < ${to.toISOString()}::timestamptz and ends_at >= ${from.toISOString()}::timestamptz
      -- No appointment lasts a day: this lower bound lets the (counter, start) index skip the past.
      and starts_at > ${from.toISOString()}::timestamptz - interval '1 day' ${ignore}
    order by starts_at`);
  const byCounter = new Map<number, CounterLoad>(counterIds.map((id) => [id, { id, busy: [] }]));
  for (const row of rowsOf<{ c: number; s: number; e: number }>(result)) {
    byCounter.get(Number(row.c))?.busy.push({ start: new Date(Number(row.s)), end: new Date(Number(row.e)) });
  }
  return [...byCounter.values()];
}

/** Bookable services with the locations that offer them (a counter there serves the service). */
export async function loadCatalogue(db: Db): Promise<{ service: ServiceRow; locationIds: string[] }[]> {
  const rows = await db
    .selectDistinct({ serviceId: counterServices.serviceId, locationId: counters.locationId })
    .from(counterServices)
    .innerJoin(counters, eq(counters.id, counterServices.counterId));
  const all = await db
    .select()
    .from(services)
    .where(eq(services.active, true))
    .orderBy(sql`${services.area}, ${services.id}`);
  return all.map((service) => ({
    service,
    locationIds: [...new Set(rows.filter((r) => r.serviceId === service.id).map((r) => r.locationId))].sort(),
  }));
}
