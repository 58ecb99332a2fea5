/**
 * Free appointment times: opening hours, closures, counters, existing appointments, lead time
 * and booking horizon in; free start times with the capacity left at each out. Pure: the caller
 * loads the data and passes the clock.
 */
import { addDays, fromZoned, isoWeekday, OFFICE_TIME_ZONE, parseClock, toZoned } from './time';

export interface OpeningHours {
  weekday: number; // ISO, Monday = 1
  opens: string; // HH:MM local
  closes: string;
}

export interface Closure {
  startsOn: string; // YYYY-MM-DD, inclusive
  endsOn: string;
}

export interface Interval {
  start: Date;
  end: Date;
}

export interface CounterLoad {
  id: number;
  /** Active appointments on this counter (any service). */
  busy: Interval[];
}

export interface AvailabilityRequest {
  now: Date;
  /** First local date to look at, and how many days. */
  from: string;
  days: number;
  durationMinutes: number;
  /** Start times lie on this grid from the opening time. */
  stepMinutes: number;
  leadTimeHours: number;
  horizonDays: number;
  openingHours: OpeningHours[];
  closures: Closure[];
  /** Only the counters that serve the service at this location. */
  counters: CounterLoad[];
  timeZone?: string;
}

export interface Slot {
  start: Date;
  end: Date;
  /** Counters free for the whole slot; the capacity left. */
  freeCounterIds: number[];
}

export function isClosed(date: string, closures: Closure[]): boolean {
  return closures.some((c) => c.startsOn <= date && date <= c.endsOn);
}

/**
 * Whether a counter's appointments (sorted, never overlapping each other: the database sees to
 * that) leave the slot free. Binary search, since a year of appointments may be loaded.
 */
export function isFree(sortedBusy: Interval[], slot: Interval): boolean {
  let lo = 0;
  let hi = sortedBusy.length;
  const start = slot.start.getTime();
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sortedBusy[mid]?.end.getTime() ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  const next = sortedBusy[lo];
  return !next || next.start.getTime() >= slot.end.getTime();
}

/** The last local date people may book: today plus the horizon. */
export function horizonEnd(now: Date, horizonDays: number, timeZone = OFFICE_TIME_ZONE): string {
  return addDays(toZoned(now, timeZone).date, horizonDays);
}

export function freeSlots(request: AvailabilityRequest): Slot[] {
  const tz = request.timeZone ?? OFFICE_TIME_ZONE;
  const earliest = new Date(request.now.getTime() + request.leadTimeHours * 3_600_000);
  const lastDate = horizonEnd(request.now, request.horizonDays, tz);
  const busy = request.counters.map((c) => ({ id: c.id, busy: [...c.busy].sort((a, b) => a.start.getTime() - b.start.getTime()) }));
  const slots: Slot[] = [];
  for (let i = 0; i < request.days; i++) {
    const date = addDays(request.from, i);
    if (date > lastDate) break;
    if (isClosed(date, request.closures)) continue;
    const weekday = isoWeekday(date);
    for (const block of request.openingHours.filter((h) => h.weekday === weekday)) {
      const closes = parseClock(block.closes);
      for (let m = parseClock(block.opens); m + request.durationMinutes <= closes; m += request.stepMinutes) {
        const start = fromZoned(date, m, tz);
        const end = fromZoned(date, m + request.durationMinutes, tz);
        if (!start || !end || start < earliest) continue;
        const slot = { start, end };
        const freeCounterIds = busy.filter((c) => isFree(c.busy, slot)).map((c) => c.id);
        if (freeCounterIds.length > 0) slots.push({ start, end, freeCounterIds });
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}
