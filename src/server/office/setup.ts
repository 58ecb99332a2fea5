/** Admins keep the office: closures, opening hours, services, counters. Every change clears the office cache. */
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { closures, counterServices, counters, locations, openingHours, services } from '../../../db/schema';
import { validHours, type HoursRow } from '../../domain/disruptions';
import { forgetOfficeData } from '../booking/office-data';

export async function officeOverview(db: Db, today: string) {
  return {
    locations: await db.select().from(locations).orderBy(asc(locations.id)),
    services: await db.select().from(services).orderBy(asc(services.area), asc(services.id)),
    closures: await db.select().from(closures).where(gte(closures.endsOn, today)).orderBy(asc(closures.startsOn), asc(closures.id)),
    hours: await db.select().from(openingHours).orderBy(asc(openingHours.locationId), asc(openingHours.weekday), asc(openingHours.opens)),
    counters: await db.select().from(counters).orderBy(asc(counters.locationId), asc(counters.id)),
    counterServices: await db.select().from(counterServices),
  };
}

export async function addClosure(db: Db, c: { locationId: string | null; startsOn: string; endsOn: string; reason: string }) {
  const [row] = await db.insert(closures).values(c).returning();
  forgetOfficeData();
  return row;
}

export async function removeClosure(db: Db, id: number) {
  await db.delete(closures).where(eq(closures.id, id));
  forgetOfficeData();
}

export async function findClosure(db: Db, id: number) {
  const [row] = await db.select().from(closures).where(eq(closures.id, id));
  return row;
}

/** Replaces a location's opening hours; false when they do not make sense. */
export async function setHours(db: Db, locationId: string, rows: HoursRow[]): Promise<boolean> {
  if (!validHours(rows)) return false;
  await db.transaction(async (tx) => {
    await tx.delete(openingHours).where(eq(openingHours.locationId, locationId));
    if (rows.length > 0) await tx.insert(openingHours).values(rows.map((r) => ({ ...r, locationId })));
  });
  forgetOfficeData();
  return true;
}

export interface ServiceSettings {
  durationMinutes: number;
  extraPersonMinutes: number;
  leadTimeHours: number;
  horizonDays: number;
  staffLanguages: string[];
  active: boolean;
}

export async function updateService(db: Db, id: string, s: ServiceSettings) {
  await db.update(services).set(s).where(eq(services.id, id));
  forgetOfficeData();
}

/** Which services a counter serves (the desks' skills); a new counter when `counterId` is null. */
export async function setCounter(db: Db, locationId: string, counterId: number | null, name: string, serviceIds: string[]) {
  await db.transaction(async (tx) => {
    const id = counterId ?? (await tx.insert(counters).values({ locationId, name }).returning({ id: counters.id }))[0]?.id ?? Number.NaN;
    const [own] = await tx
      .select({ id: counters.id })
      .from(counters)
      .where(and(eq(counters.id, id), eq(counters.locationId, locationId)));
    if (!own) return;
    await tx.update(counters).set({ name }).where(eq(counters.id, id));
    await tx.delete(counterServices).where(eq(counterServices.counterId, id));
    if (serviceIds.length > 0) await tx.insert(counterServices).values(serviceIds.map((serviceId) => ({ counterId: id, serviceId })));
  });
  forgetOfficeData();
}

export interface LocationDetails {
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  stepFree: boolean;
}

/** Address and contact of a location, as mails and the manage page show them. */
export async function updateLocation(db: Db, id: string, details: LocationDetails) {
  await db.update(locations).set(details).where(eq(locations.id, id));
  forgetOfficeData();
}
