import { describe, expect, it } from 'vitest';
import { addDays, formatWithOffset, fromZoned, isIsoDate, isoWeekday, offsetMinutes, toZoned } from '../../src/domain/time';

describe('Berlin wall-clock times', () => {
  it('knows winter and summer offsets', () => {
    expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120);
  });
  it.each([
    // 2026: clocks go forward on 29 March, back on 25 October; 2027: 28 March and 31 October.
    ['2026-03-28', 8 * 60, '2026-03-28T07:00:00.000Z'],
    ['2026-03-29', 8 * 60, '2026-03-29T06:00:00.000Z'],
    ['2026-10-24', 8 * 60, '2026-10-24T06:00:00.000Z'],
    ['2026-10-25', 8 * 60, '2026-10-25T07:00:00.000Z'],
    ['2027-03-28', 9 * 60, '2027-03-28T07:00:00.000Z'],
    ['2027-10-31', 9 * 60, '2027-10-31T08:00:00.000Z'],
  ])('%s at minute %i is %s', (date, minutes, iso) => {
    expect(fromZoned(date, minutes)?.toISOString()).toBe(iso);
  });
  it('has no 02:30 on the morning clocks go forward', () => {
    expect(fromZoned('2026-03-29', 150)).toBeUndefined();
    expect(fromZoned('2027-03-28', 150)).toBeUndefined();
  });
  it('takes the earlier 02:30 on the morning clocks go back', () => {
    expect(fromZoned('2026-10-25', 150)?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
  it('round-trips every quarter hour of the year', () => {
    for (let day = 0; day < 366; day += 1) {
      const date = addDays('2026-01-01', day);
      for (let m = 6 * 60; m < 20 * 60; m += 15) {
        const instant = fromZoned(date, m);
        expect(instant && toZoned(instant)).toMatchObject({ date, minutes: m });
      }
    }
  });
  it('writes instants with the local offset', () => {
    expect(formatWithOffset(new Date('2026-03-30T06:00:00Z'))).toBe('2026-03-30T08:00:00+02:00');
    expect(formatWithOffset(new Date('2026-12-01T07:30:00Z'))).toBe('2026-12-01T08:30:00+01:00');
  });
  it('validates and walks calendar dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});
