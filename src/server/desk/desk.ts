/** The counter desk: a location's day, status changes, finding a person by the check-in code. */
import { and, asc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { appointments, locations } from '../../../db/schema';
import { deskTransition, type DeskAction } from '../../domain/desk';
import { addDays, fromZoned } from '../../domain/time';
import { rowsOf } from '../rate-limit';

export type DeskRow = typeof appointments.$inferSelect;

/** The start and end of a Berlin calendar day as instants (23 or 25 hours on clock-change days). */
export function dayBounds(day: string): { from: Date; to: Date } {
  const from = fromZoned(day, 0);
  const to = fromZoned(addDays(day, 1), 0);
  if (!from || !to) throw new Error(`not a day: ${day}`);
  return { from, to };
}

export async function deskLocations(db: Db) {
  return db.select({ id: locations.id }).from(locations).orderBy(asc(locations.id));
}

export async function dayList(db: Db, locationId: string, day: string, search = ''): Promise<DeskRow[]> {
  const { from, to } = dayBounds(day);
  const rows = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.locationId, locationId),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
        ne(appointments.status, 'cancelled'),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.name));
  const wanted = search.trim().toLocaleLowerCase('de');
  return wanted ? rows.filter((r) => r.name.toLocaleLowerCase('de').includes(wanted) || r.reference === search.trim().toUpperCase()) : rows;
}

/** Changes on the day at the location, as one short value: the desk reloads its list when it changes. */
export async function dayVersion(db: Db, locationId: string, day: string): Promise<string> {
  const { from, to } = dayBounds(day);
  const [row] = rowsOf<{ v: string | null }>(
    await db.execute(sql`
      select md5(coalesce(string_agg(id::text || status || updated_at::text, ',' order by id), '')) as v
      from appointments where location_id = ${locationId} and starts_at >= ${from.toISOString()} and starts_at < ${to.toISOString()}`),
  );
  return row?.v ?? '';
}

export async function findByReference(db: Db, reference: string): Promise<DeskRow | undefined> {
  if (!/^T-[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(reference)) return undefined;
  const [row] = await db.select().from(appointments).where(eq(appointments.reference, reference));
  return row;
}

export type DeskOutcome = { kind: 'done'; row: DeskRow } | { kind: 'notFound' } | { kind: 'notAllowed' };

export async function applyDeskAction(db: Db, id: string, action: DeskAction, now: Date): Promise<DeskOutcome> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return { kind: 'notFound' };
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
    if (!row) return { kind: 'notFound' };
    const next = deskTransition(row.status, action);
    if (!next) return { kind: 'notAllowed' };
    const [updated] = await tx
      .update(appointments)
      .set({ status: next, updatedAt: now, checkedInAt: next === 'checked_in' ? now : next === 'booked' ? null : row.checkedInAt })
      .where(eq(appointments.id, id))
      .returning();
    return updated ? { kind: 'done', row: updated } : { kind: 'notFound' };
  });
}
