/**
 * The office's figures, computed from plain rows: waiting time to the next free slot, bookings,
 * cancellations, no-shows, capacity used; referral times. Pure, so tests can check every number.
 */
import { addDays, isoWeekday, toZoned } from './time';

/** Calendar days (Berlin) from today until the day of the next free slot; null when none. */
export function daysUntil(now: Date, next: Date | undefined): number | null {
  if (!next) return null;
  const a = toZoned(now).date;
  const b = toZoned(next).date;
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface AppointmentFact {
  serviceId: string;
  locationId: string;
  status: 'booked' | 'cancelled' | 'checked_in' | 'no_show' | 'done';
  startsAt: Date;
  endsAt: Date;
  walkIn: boolean;
}

export interface AppointmentFigures {
  serviceId: string;
  locationId: string;
  appointments: number;
  walkIns: number;
  cancelled: number;
  noShows: number;
  /** Of the appointments that are over and were not cancelled: how many nobody came to. */
  noShowRate: number | null;
  bookedMinutes: number;
}

/** Per service and location, for appointments that start in [from, to). */
export function appointmentFigures(rows: readonly AppointmentFact[], now: Date): AppointmentFigures[] {
  const groups = new Map<string, AppointmentFigures & { over: number }>();
  for (const r of rows) {
    const key = `${r.serviceId}|${r.locationId}`;
    const g = groups.get(key) ?? {
      serviceId: r.serviceId,
      locationId: r.locationId,
      appointments: 0,
      walkIns: 0,
      cancelled: 0,
      noShows: 0,
      noShowRate: null,
      bookedMinutes: 0,
      over: 0,
    };
    g.appointments++;
    if (r.walkIn) g.walkIns++;
    if (r.status === 'cancelled') g.cancelled++;
    else {
      g.bookedMinutes += (r.endsAt.getTime() - r.startsAt.getTime()) / 60_000;
      if (r.status === 'no_show') g.noShows++;
      if (r.startsAt <= now) g.over++;
    }
    groups.set(key, g);
  }
  return [...groups.values()]
    .map(({ over, ...g }) => ({ ...g, noShowRate: over > 0 ? g.noShows / over : null }))
    .sort((a, b) => a.serviceId.localeCompare(b.serviceId) || a.locationId.localeCompare(b.locationId));
}

export interface OpenInterval {
  weekday: number;
  opens: number; // minutes since midnight
  closes: number;
}

/** Counter-minutes a location is open in [fromDay, toDay] (inclusive), closed days left out. */
export function openCounterMinutes(
  fromDay: string,
  toDay: string,
  hours: readonly OpenInterval[],
  counters: number,
  closedDays: ReadonlySet<string>,
): number {
  let minutes = 0;
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    if (closedDays.has(day)) continue;
    const weekday = isoWeekday(day);
    for (const h of hours) if (h.weekday === weekday) minutes += h.closes - h.opens;
  }
  return minutes * counters;
}

/** The Monday (ISO week start) of a Berlin day. */
export function weekOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** Counts per week for the weeks from `fromDay` to `toDay`, zeros included. */
export function weeklyCounts(days: readonly string[], fromDay: string, toDay: string): { week: string; count: number }[] {
  const weeks: { week: string; count: number }[] = [];
  for (let w = weekOf(fromDay); w <= toDay; w = addDays(w, 7)) weeks.push({ week: w, count: 0 });
  for (const d of days) {
    const entry = weeks.find((x) => x.week === weekOf(d));
    if (entry && d >= fromDay && d <= toDay) entry.count++;
  }
  return weeks;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
