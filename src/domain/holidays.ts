export interface Holiday {
  date: string; // YYYY-MM-DD
  name: string;
}

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Public holidays in North Rhine-Westphalia (Feiertagsgesetz NW § 2). */
export function nrwPublicHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => isoDate(year, easter.month, easter.day + days);
  return [
    { date: isoDate(year, 1, 1), name: 'Neujahr' },
    { date: fromEaster(-2), name: 'Karfreitag' },
    { date: fromEaster(1), name: 'Ostermontag' },
    { date: isoDate(year, 5, 1), name: 'Tag der Arbeit' },
    { date: fromEaster(39), name: 'Christi Himmelfahrt' },
    { date: fromEaster(50), name: 'Pfingstmontag' },
    { date: fromEaster(60), name: 'Fronleichnam' },
    { date: isoDate(year, 10, 3), name: 'Tag der Deutschen Einheit' },
    { date: isoDate(year, 11, 1), name: 'Allerheiligen' },
    { date: isoDate(year, 12, 25), name: '1. Weihnachtstag' },
    { date: isoDate(year, 12, 26), name: '2. Weihnachtstag' },
  ].sort((a, b) => a.date.localeCompare(b.date));
}
