import { describe, expect, it } from 'vitest';
import { easterSunday, nrwPublicHolidays } from '../../src/domain/holidays';

describe('easterSunday', () => {
  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
  ])('%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe('nrwPublicHolidays', () => {
  it('lists the eleven NRW holidays of 2026', () => {
    expect(nrwPublicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-06-04',
      '2026-10-03',
      '2026-11-01',
      '2026-12-25',
      '2026-12-26',
    ]);
  });
  it('moves the Easter-based holidays with Easter', () => {
    const dates = nrwPublicHolidays(2027).map((h) => h.date);
    expect(dates).toContain('2027-03-26'); // Good Friday
    expect(dates).toContain('2027-05-27'); // Corpus Christi
  });
});
