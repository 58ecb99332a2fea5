import { sql } from 'drizzle-orm';
import { kimTeams as officeTeams, locations as officeLocations, services as officeServices } from '../src/content/office';
import type { Db } from './client';
import { closures, counterServices, counters, kimTeams, locations, openingHours, routingRules, services } from './schema';
import { nrwPublicHolidays } from '../src/domain/holidays';

/**
 * Loads the office's data (src/content/office.ts) into an empty database. Does nothing when
 * services already exist, so restarts never overwrite what admins changed.
 */
export async function seedOffice(db: Db, years: number[] = defaultYears()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(services);
    if ((existing?.n ?? 0) > 0) return false;
    await tx.insert(services).values(officeServices.map((s) => ({ ...s })));
    for (const location of officeLocations) {
      const { openingHours: hours, counters: desks, ...row } = location;
      await tx.insert(locations).values(row);
      await tx.insert(openingHours).values(hours.map((h) => ({ ...h, locationId: location.id })));
      for (const desk of desks) {
        const [counter] = await tx.insert(counters).values({ locationId: location.id, name: desk.name }).returning({ id: counters.id });
        if (!counter) throw new Error('counter insert returned nothing');
        await tx.insert(counterServices).values(desk.services.map((serviceId) => ({ counterId: counter.id, serviceId })));
      }
    }
    const holidays = years.flatMap(nrwPublicHolidays);
    await tx.insert(closures).values(holidays.map((h) => ({ locationId: null, startsOn: h.date, endsOn: h.date, reason: h.name })));
    return true;
  });
}

function defaultYears(): number[] {
  const year = new Date().getUTCFullYear();
  return [year, year + 1];
}

/** Loads the demo KIM teams and routing rules when there are no teams yet. */
export async function seedKimTeams(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(kimTeams);
    if ((existing?.n ?? 0) > 0) return false;
    await tx.insert(kimTeams).values(officeTeams.map((t) => ({ id: t.id, name: t.name })));
    await tx.insert(routingRules).values(officeTeams.flatMap((t) => t.topics.map((r) => ({ ...r, teamId: t.id }))));
    return true;
  });
}
