/**
 * Which booked appointments a change to the office hits: a closure covering their day, or new
 * opening hours that no longer contain their time. Berlin wall-clock, like everything else.
 */
import { isoWeekday, parseClock, toZoned } from './time';

export interface BookedTime {
  id: string;
  locationId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ClosureSpan {
  locationId: string | null;
  startsOn: string;
  endsOn: string;
}

export interface HoursRow {
  weekday: number;
  opens: string; // HH:MM
  closes: string;
}

export function hitByClosure(a: BookedTime, closure: ClosureSpan): boolean {
  if (closure.locationId !== null && closure.locationId !== a.locationId) return false;
  const day = toZoned(a.startsAt).date;
  return day >= closure.startsOn && day <= closure.endsOn;
}

/** True when the appointment no longer lies wholly inside one opening interval of its weekday. */
export function outsideHours(a: BookedTime, hours: readonly HoursRow[]): boolean {
  const start = toZoned(a.startsAt);
  const end = toZoned(a.endsAt);
  const weekday = isoWeekday(start.date);
  const endMinutes = end.date === start.date ? end.minutes : 24 * 60;
  return !hours.some((h) => h.weekday === weekday && parseClock(h.opens) <= start.minutes && endMinutes <= parseClock(h.closes));
}

/** Opening hours as an admin types them: per weekday up to two intervals ("08:00"-"12:00"). */
export function validHours(rows: readonly HoursRow[]): boolean {
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!rows.every((r) => r.weekday >= 1 && r.weekday <= 7 && clock.test(r.opens) && clock.test(r.closes) && r.opens < r.closes))
    return false;
  for (let day = 1; day <= 7; day++) {
    const sorted = rows.filter((r) => r.weekday === day).sort((a, b) => a.opens.localeCompare(b.opens));
    for (let i = 1; i < sorted.length; i++) if (sorted[i]!.opens < sorted[i - 1]!.closes) return false;
  }
  return true;
}
