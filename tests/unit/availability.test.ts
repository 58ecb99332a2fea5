import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSlots, isClosed, type AvailabilityRequest, type Interval } from '../../src/domain/availability';
import { addDays, toZoned } from '../../src/domain/time';

const weekdays = (opens: string, closes: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

const base: AvailabilityRequest = {
  now: new Date('2026-11-27T12:00:00Z'), // a Friday
  from: '2026-11-30',
  days: 5,
  durationMinutes: 30,
  stepMinutes: 30,
  leadTimeHours: 24,
  horizonDays: 42,
  openingHours: weekdays('08:00', '12:00'),
  closures: [],
  counters: [
    { id: 1, busy: [] },
    { id: 2, busy: [] },
  ],
};

const local = (d: Date) => `${toZoned(d).date} ${toZoned(d).time}`;

describe('freeSlots', () => {
  it('offers every half hour of the opening hours, with both counters free', () => {
    const slots = freeSlots({ ...base, days: 1 });
    expect(slots.map((s) => toZoned(s.start).time)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect(slots.every((s) => s.freeCounterIds.length === 2)).toBe(true);
  });

  it('counts down capacity as counters fill and drops a full slot', () => {
    const at = (h: number, m: number) => new Date(Date.UTC(2026, 10, 30, h - 1, m));
    const busy: Interval[] = [{ start: at(8, 0), end: at(8, 30) }];
    const slots = freeSlots({
      ...base,
      days: 1,
      counters: [
        { id: 1, busy },
        { id: 2, busy: [{ start: at(8, 0), end: at(9, 0) }] },
      ],
    });
    expect(slots.find((s) => toZoned(s.start).time === '08:00')).toBeUndefined();
    expect(slots.find((s) => toZoned(s.start).time === '08:30')?.freeCounterIds).toEqual([1]);
    expect(slots.find((s) => toZoned(s.start).time === '09:00')?.freeCounterIds).toEqual([1, 2]);
  });

  it('respects lead time, weekends, closures and the horizon', () => {
    const slots = freeSlots({
      ...base,
      now: new Date('2026-11-30T08:15:00Z'),
      from: '2026-11-30',
      days: 14,
      horizonDays: 7,
      closures: [{ startsOn: '2026-12-02', endsOn: '2026-12-02' }],
    });
    const dates = [...new Set(slots.map((s) => toZoned(s.start).date))];
    expect(dates).toEqual(['2026-12-01', '2026-12-03', '2026-12-04', '2026-12-07']);
    expect(local(slots[0]!.start)).toBe('2026-12-01 09:30');
  });

  it('never lets a slot run past closing time', () => {
    const slots = freeSlots({ ...base, days: 1, durationMinutes: 50, stepMinutes: 50 });
    expect(slots.map((s) => toZoned(s.end).time).at(-1)).toBe('11:20');
  });

  it.each([
    ['2026-03-27', '2026-03-30'],
    ['2026-10-23', '2026-10-26'],
    ['2027-03-26', '2027-03-29'],
    ['2027-10-29', '2027-11-01'],
  ])('keeps local opening hours across the clock change after %s', (friday, monday) => {
    const now = new Date(`${friday}T06:00:00Z`);
    const slots = freeSlots({
      ...base,
      now,
      from: friday,
      days: 4,
      leadTimeHours: 0,
      openingHours: [1, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '09:00' })),
    });
    const byDate = (d: string) => slots.filter((s) => toZoned(s.start).date === d).map((s) => toZoned(s.start).time);
    for (const d of [addDays(friday, 1), addDays(friday, 2), monday]) expect(byDate(d)).toEqual(['08:00', '08:30']);
    // Each slot lasts its 30 minutes in real time, also on the Sunday of the change.
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 30 * 60_000)).toBe(true);
  });

  it('property: no slot overlaps a closure or an appointment on a counter it offers', () => {
    const instant = fc.integer({ min: 0, max: 14 * 24 * 4 }).map((q) => new Date(Date.UTC(2026, 10, 30) + q * 15 * 60_000));
    const appointment = fc
      .tuple(instant, fc.integer({ min: 1, max: 8 }))
      .map(([start, quarters]) => ({ start, end: new Date(start.getTime() + quarters * 15 * 60_000) }));
    const closure = fc.integer({ min: 0, max: 13 }).map((d) => ({ startsOn: addDays('2026-11-30', d), endsOn: addDays('2026-11-30', d) }));
    fc.assert(
      fc.property(
        fc.array(fc.array(appointment, { maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        fc.array(closure, { maxLength: 4 }),
        fc.constantFrom(15, 20, 30, 45, 60),
        (perCounter, closures, duration) => {
          // A counter's own appointments never overlap each other (the database forbids it).
          const counters = perCounter.map((list, id) => ({ id, busy: nonOverlapping(list) }));
          const slots = freeSlots({
            ...base,
            from: '2026-11-30',
            days: 14,
            durationMinutes: duration,
            stepMinutes: 15,
            closures,
            counters,
          });
          for (const slot of slots) {
            expect(isClosed(toZoned(slot.start).date, closures)).toBe(false);
            expect(slot.freeCounterIds.length).toBeLessThanOrEqual(counters.length);
            for (const id of slot.freeCounterIds) {
              for (const b of counters[id]!.busy) expect(b.start < slot.end && slot.start < b.end).toBe(false);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});

function nonOverlapping(list: Interval[]): Interval[] {
  const kept: Interval[] = [];
  for (const i of [...list].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const last = kept.at(-1);
    if (!last || last.end <= i.start) kept.push(i);
  }
  return kept;
}
