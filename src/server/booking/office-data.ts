/** Loads what availability needs from the database: one service at one location. */
import { and, eq, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { appointments, closures, counterServices, counters, locations, openingHours, services } from '../../../db/schema';
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

export async function loadServiceAtLocation(db: Db, serviceId: string, locationId: string): Promise<ServiceAtLocation | undefined> {
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

/** Active appointments on the given counters between two instants. */
export async function loadCounterLoads(
  db: Db,
  counterIds: number[],
  from: Date,
  to: Date,
  ignoreAppointmentId?: string,
): Promise<CounterLoad[]> {
  if (counterIds.length === 0) return [];
  const rows = await db
    .select({ counterId: appointments.counterId, start: appointments.startsAt, end: appointments.endsAt })
    .from(appointments)
    .where(
      and(
        inArray(appointments.counterId, counterIds),
        inArray(appointments.status, ['booked', 'checked_in']),
        lt(appointments.startsAt, to),
        gte(appointments.endsAt, from),
        ignoreAppointmentId ? ne(appointments.id, ignoreAppointmentId) : undefined,
      ),
    )
    .orderBy(appointments.startsAt);
  return counterIds.map((id) => ({ id, busy: rows.filter((r) => r.counterId === id).map((r) => ({ start: r.start, end: r.end })) }));
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
