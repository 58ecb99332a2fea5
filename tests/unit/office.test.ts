import { describe, expect, it } from 'vitest';
import { deskTransition } from '../../src/domain/desk';
import { hitByClosure, outsideHours, validHours } from '../../src/domain/disruptions';
import { appointmentFigures, daysUntil, median, openCounterMinutes, weekOf, weeklyCounts } from '../../src/domain/figures';

const at = (iso: string) => new Date(iso);

describe('the counter desk', () => {
  it('checks in, finishes, marks not come and undoes, and nothing else', () => {
    expect(deskTransition('booked', 'checkIn')).toBe('checked_in');
    expect(deskTransition('checked_in', 'done')).toBe('done');
    expect(deskTransition('booked', 'noShow')).toBe('no_show');
    expect(deskTransition('no_show', 'undo')).toBe('booked');
    expect(deskTransition('cancelled', 'checkIn')).toBeNull();
    expect(deskTransition('done', 'undo')).toBeNull();
    expect(deskTransition('booked', 'done')).toBeNull();
  });
});

describe('what a closure or new opening hours hit', () => {
  const a = { id: '1', locationId: 'north', startsAt: at('2026-12-03T08:30:00Z'), endsAt: at('2026-12-03T09:15:00Z') }; // Thu 09:30 Berlin
  it('hits appointments on the closed days at that place (or everywhere)', () => {
    expect(hitByClosure(a, { locationId: 'north', startsOn: '2026-12-03', endsOn: '2026-12-03' })).toBe(true);
    expect(hitByClosure(a, { locationId: null, startsOn: '2026-12-01', endsOn: '2026-12-05' })).toBe(true);
    expect(hitByClosure(a, { locationId: 'south', startsOn: '2026-12-03', endsOn: '2026-12-03' })).toBe(false);
    expect(hitByClosure(a, { locationId: 'north', startsOn: '2026-12-04', endsOn: '2026-12-06' })).toBe(false);
  });
  it('uses the Berlin day, also just after midnight', () => {
    const early = { ...a, startsAt: at('2026-12-03T23:30:00Z'), endsAt: at('2026-12-04T00:00:00Z') }; // 00:30 on the 4th
    expect(hitByClosure(early, { locationId: null, startsOn: '2026-12-04', endsOn: '2026-12-04' })).toBe(true);
  });
  it('finds appointments the new hours no longer contain', () => {
    expect(outsideHours(a, [{ weekday: 4, opens: '08:00', closes: '12:30' }])).toBe(false);
    expect(outsideHours(a, [{ weekday: 4, opens: '10:00', closes: '12:30' }])).toBe(true);
    expect(outsideHours(a, [{ weekday: 4, opens: '08:00', closes: '09:00' }])).toBe(true);
    expect(outsideHours(a, [{ weekday: 3, opens: '08:00', closes: '12:30' }])).toBe(true);
  });
  it('accepts sound hours only', () => {
    expect(
      validHours([
        { weekday: 1, opens: '08:00', closes: '12:00' },
        { weekday: 1, opens: '13:00', closes: '16:00' },
      ]),
    ).toBe(true);
    expect(
      validHours([
        { weekday: 1, opens: '08:00', closes: '12:00' },
        { weekday: 1, opens: '11:00', closes: '16:00' },
      ]),
    ).toBe(false);
    expect(validHours([{ weekday: 8, opens: '08:00', closes: '12:00' }])).toBe(false);
    expect(validHours([{ weekday: 1, opens: '12:00', closes: '08:00' }])).toBe(false);
    expect(validHours([{ weekday: 1, opens: '25:00', closes: '26:00' }])).toBe(false);
  });
});

describe('the figures', () => {
  it('counts calendar days in Berlin until the next free slot', () => {
    expect(daysUntil(at('2026-11-28T23:30:00Z'), at('2026-11-30T08:00:00Z'))).toBe(1); // 00:30 on the 29th in Berlin -> the 30th
    expect(daysUntil(at('2026-11-28T10:00:00Z'), at('2026-11-28T14:00:00Z'))).toBe(0);
    expect(daysUntil(at('2026-03-28T12:00:00Z'), at('2026-03-30T07:00:00Z'))).toBe(2); // across the clock change
    expect(daysUntil(at('2026-11-28T10:00:00Z'), undefined)).toBeNull();
  });
  it('counts appointments, walk-ins, cancellations and no-shows per service and place', () => {
    const now = at('2026-11-28T12:00:00Z');
    const row = (status: 'booked' | 'cancelled' | 'no_show' | 'done', day: string, walkIn = false) => ({
      serviceId: 's',
      locationId: 'l',
      status,
      startsAt: at(`${day}T09:00:00Z`),
      endsAt: at(`${day}T09:30:00Z`),
      walkIn,
    });
    const [f] = appointmentFigures(
      [
        row('done', '2026-11-20'),
        row('no_show', '2026-11-21'),
        row('cancelled', '2026-11-22'),
        row('done', '2026-11-23', true),
        row('booked', '2026-12-01'),
      ],
      now,
    );
    expect(f).toEqual({
      serviceId: 's',
      locationId: 'l',
      appointments: 5,
      walkIns: 1,
      cancelled: 1,
      noShows: 1,
      noShowRate: 1 / 3,
      bookedMinutes: 120,
    });
  });
  it('counts open counter-minutes without closed days', () => {
    const hours = [{ weekday: 1, opens: 8 * 60, closes: 12 * 60 }];
    expect(openCounterMinutes('2026-11-23', '2026-12-06', hours, 2, new Set())).toBe(2 * 240 * 2);
    expect(openCounterMinutes('2026-11-23', '2026-12-06', hours, 2, new Set(['2026-11-30']))).toBe(240 * 2);
  });
  it('buckets by ISO week, zeros included, and takes medians', () => {
    expect(weekOf('2026-11-29')).toBe('2026-11-23');
    expect(weeklyCounts(['2026-11-24', '2026-11-25', '2026-12-08'], '2026-11-23', '2026-12-09')).toEqual([
      { week: '2026-11-23', count: 2 },
      { week: '2026-11-30', count: 0 },
      { week: '2026-12-07', count: 1 },
    ]);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
