import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, outbox } from '../../db/schema';
import { bookAppointment, bookWalkIn, findByToken, type BookingDeps } from '../../src/server/booking/appointments';
import { applyDeskAction, dayList, dayVersion } from '../../src/server/desk/desk';
import { addClosure, setHours } from '../../src/server/office/setup';
import { hitByClosureList, notifyDisrupted, outsideHoursList } from '../../src/server/office/disruptions';
import { officeFigures, waitingTimes } from '../../src/server/figures/figures';
import { forgetOfficeData } from '../../src/server/booking/office-data';
import { testDatabases } from '../support/databases';
import { movingClock, request, seededDeps } from '../support/booking';

describe.each(testDatabases)('the counter desk and the office set-up on $name', (target) => {
  let handle: Awaited<ReturnType<typeof target.create>>;
  let deps: BookingDeps;
  const clock = movingClock('2026-11-30T07:30:00Z'); // Monday 08:30 in Berlin
  beforeAll(async () => {
    handle = await target.create();
    deps = await seededDeps(handle, clock);
    forgetOfficeData();
  });
  afterAll(async () => handle?.drop());

  const book = async (start: string, email: string) => {
    const outcome = await bookAppointment(
      deps,
      request({ service: 'housing-counselling', location: 'housing-office', start, email }),
      '192.0.2.1',
    );
    if (outcome.kind !== 'booked') throw new Error(outcome.kind);
    return outcome;
  };

  it('lists the day at a place, checks in and marks not come, and the version changes each time', async () => {
    const a = await book('2026-12-02T09:15:00+01:00', 'a@example.org');
    const b = await book('2026-12-02T10:00:00+01:00', 'b@example.org');
    const list = await dayList(handle.db, 'housing-office', '2026-12-02');
    expect(list.map((r) => r.id)).toEqual([a.appointment.id, b.appointment.id]);
    const v1 = await dayVersion(handle.db, 'housing-office', '2026-12-02');
    expect(await applyDeskAction(handle.db, a.appointment.id, 'checkIn', clock.now())).toMatchObject({
      kind: 'done',
      row: { status: 'checked_in' },
    });
    const v2 = await dayVersion(handle.db, 'housing-office', '2026-12-02');
    expect(v2).not.toBe(v1);
    expect(await applyDeskAction(handle.db, a.appointment.id, 'noShow', clock.now())).toEqual({ kind: 'notAllowed' });
    expect(await applyDeskAction(handle.db, b.appointment.id, 'noShow', clock.now())).toMatchObject({
      kind: 'done',
      row: { status: 'no_show' },
    });
    expect(await dayList(handle.db, 'housing-office', '2026-12-02', 'b@')).toHaveLength(0);
    expect((await dayList(handle.db, 'housing-office', '2026-12-02', a.appointment.reference)).map((r) => r.id)).toEqual([
      a.appointment.id,
    ]);
  });

  it('adds walk-ins into free capacity today, never more than the counters hold', async () => {
    const added = [];
    for (let i = 0; i < 40; i++) {
      const outcome = await bookWalkIn(deps, {
        serviceId: 'housing-counselling',
        locationId: 'housing-office',
        name: `Walk-in ${i}`,
        persons: 1,
        language: 'ar',
        needs: [],
      });
      if (outcome.kind !== 'added') {
        expect(outcome.kind).toBe('full');
        break;
      }
      added.push(outcome.appointment);
    }
    // 08:30-15:00 with two counters and 45-minute slots from 08:30: 8 slots a counter.
    expect(added.length).toBe(16);
    expect(added.every((a) => a.status === 'checked_in' && a.walkIn && a.startsAt >= clock.now())).toBe(true);
  });

  it('finds the appointments a closure hits and tells each person once, with a link that works', async () => {
    const c = await book('2026-12-09T09:15:00+01:00', 'c@example.org');
    const d = await book('2026-12-09T10:45:00+01:00', 'd@example.org');
    await book('2026-12-10T09:15:00+01:00', 'e@example.org');
    const closure = await addClosure(handle.db, {
      locationId: 'housing-office',
      startsOn: '2026-12-09',
      endsOn: '2026-12-09',
      reason: 'Wasserschaden',
    });
    const hit = await hitByClosureList(handle.db, closure!, clock.now());
    expect(hit.map((a) => a.id).sort()).toEqual([c.appointment.id, d.appointment.id].sort());
    expect(
      await notifyDisrupted(
        deps,
        hit.map((a) => a.id),
        'Wasserschaden',
      ),
    ).toBe(2);
    expect(
      await notifyDisrupted(
        deps,
        hit.map((a) => a.id),
        'Wasserschaden',
      ),
    ).toBe(0);
    const mails = (await handle.db.select().from(outbox)).filter((m) => m.kind === 'disruption');
    expect(mails.map((m) => m.to).sort()).toEqual(['c@example.org', 'd@example.org']);
    const token = /manage\/\?t=([a-z2-7]+)/.exec(mails[0]!.text)?.[1];
    expect((await findByToken(handle.db, token!))?.email).toBe(mails[0]!.to);
    // The first link still works too.
    expect((await findByToken(handle.db, new URL(c.manageUrl).searchParams.get('t')!))?.id).toBe(c.appointment.id);
  });

  it('finds the appointments new opening hours leave out', async () => {
    const late = await book('2026-12-16T13:45:00+01:00', 'late@example.org'); // Wednesday
    const weekdays = [1, 2, 3, 4].map((weekday) => ({ weekday, opens: '08:30', closes: '13:00' }));
    expect(await setHours(handle.db, 'housing-office', [...weekdays, { weekday: 5, opens: '08:30', closes: '12:00' }])).toBe(true);
    expect((await outsideHoursList(handle.db, 'housing-office', clock.now())).map((a) => a.id)).toContain(late.appointment.id);
    expect(await setHours(handle.db, 'housing-office', [{ weekday: 1, opens: '13:00', closes: '08:00' }])).toBe(false);
  });

  it('computes waiting times and figures from the rows', async () => {
    const waiting = await waitingTimes(handle.db, clock.now());
    expect(waiting.find((w) => w.serviceId === 'housing-counselling' && w.locationId === 'housing-office')?.days).toBeGreaterThanOrEqual(0);
    const figures = await officeFigures(handle.db, { from: '2026-11-30', to: '2026-12-31' }, new Date('2027-01-01T00:00:00Z'));
    const housing = figures.perService.find((f) => f.serviceId === 'housing-counselling' && f.locationId === 'housing-office')!;
    const rows = await handle.db.select().from(appointments).where(eq(appointments.serviceId, 'housing-counselling'));
    expect(housing.appointments).toBe(rows.length);
    expect(housing.walkIns).toBe(16);
    expect(housing.noShows).toBe(1);
    expect(figures.capacity.find((c) => c.locationId === 'housing-office')?.used).toBeGreaterThan(0);
  });
});
