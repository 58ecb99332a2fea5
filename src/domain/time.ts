/**
 * Wall-clock times in the office's time zone, without a date library. Offices think in local
 * times ("opens 08:00"); the database and the API speak instants. These helpers convert between
 * the two and stay right on the days the clocks change.
 */

export const OFFICE_TIME_ZONE = 'Europe/Berlin';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export interface ZonedParts {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  minutes: number; // minutes since local midnight
}

export function toZoned(instant: Date, timeZone = OFFICE_TIME_ZONE): ZonedParts {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  const time = `${p.hour}:${p.minute}`;
  return { date: `${p.year}-${p.month}-${p.day}`, time, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** Offset of the zone from UTC at an instant, in minutes (Berlin: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date, timeZone = OFFICE_TIME_ZONE): number {
  const z = toZoned(instant, timeZone);
  const [y, m, d] = z.date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, Math.floor(z.minutes / 60), z.minutes % 60);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a local date and time denote. Undefined for a time that does not exist (the hour
 * skipped when clocks go forward); an ambiguous time (clocks go back) takes the earlier one.
 */
export function fromZoned(date: string, minutes: number, timeZone = OFFICE_TIME_ZONE): Date | undefined {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, 0, minutes);
  const [before, after] = dayOffsets(date, timeZone);
  // Most days have one offset all day: no need to ask Intl again (availability asks a lot).
  if (before === after && minutes >= 0 && minutes < 24 * 60) return new Date(naive - before * 60_000);
  for (const guessOffset of [before, after]) {
    const candidate = new Date(naive - guessOffset * 60_000);
    const back = toZoned(candidate, timeZone);
    if (back.date === date && back.minutes === minutes) return candidate;
  }
  return undefined;
}

const offsetCache = new Map<string, [number, number]>();

/** The zone's offsets at the start and at the end of a local day (they differ on change days). */
function dayOffsets(date: string, timeZone: string): [number, number] {
  const key = `${timeZone} ${date}`;
  let cached = offsetCache.get(key);
  if (!cached) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const midnight = Date.UTC(y, m - 1, d);
    // Local midnight is at most 14 h away from UTC midnight; look just outside the day.
    cached = [offsetMinutes(new Date(midnight - 14 * 3_600_000), timeZone), offsetMinutes(new Date(midnight + 38 * 3_600_000), timeZone)];
    if (offsetCache.size > 10_000) offsetCache.clear();
    offsetCache.set(key, cached);
  }
  return cached;
}

export function parseClock(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: Monday = 1 ... Sunday = 7. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const hourOffsets = new Map<string, number>();

/** The zone's offset in a given hour; zones change offset only on whole hours (in practice). */
function offsetInHour(instant: Date, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(instant.getTime() / 3_600_000)}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    offset = offsetMinutes(instant, timeZone);
    if (hourOffsets.size > 50_000) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return offset;
}

/** "2026-03-29T08:00:00+02:00": an instant written with the office's local offset. */
export function formatWithOffset(instant: Date, timeZone = OFFICE_TIME_ZONE): string {
  const off = offsetInHour(instant, timeZone);
  const local = new Date(instant.getTime() + off * 60_000).toISOString().slice(0, 19);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
