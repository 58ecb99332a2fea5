/** What the contact page shows of each location, read fresh: admins change hours and closures. */
import { and, asc, gte, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { closures, locations, openingHours } from '../../../db/schema';
import { addDays } from '../../domain/time';

export interface ContactPlace {
  id: string;
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  stepFree: boolean;
  openingHours: { weekday: number; opens: string; closes: string }[];
  /** Closed days in the next four weeks (holidays and closures). */
  closures: { startsOn: string; endsOn: string }[];
}

export async function contactPlaces(db: Db, today: string): Promise<ContactPlace[]> {
  const places = await db.select().from(locations).orderBy(asc(locations.id));
  const hours = await db.select().from(openingHours).orderBy(asc(openingHours.weekday), asc(openingHours.opens));
  const soon = await db
    .select()
    .from(closures)
    .where(and(gte(closures.endsOn, today), lte(closures.startsOn, addDays(today, 28))))
    .orderBy(asc(closures.startsOn));
  return places.map((l) => ({
    ...l,
    openingHours: hours
      .filter((h) => h.locationId === l.id)
      .map((h) => ({ weekday: h.weekday, opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) })),
    closures: soon.filter((c) => c.locationId === null || c.locationId === l.id).map((c) => ({ startsOn: c.startsOn, endsOn: c.endsOn })),
  }));
}
