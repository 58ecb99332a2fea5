import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, outbox, waitlist } from '../../db/schema';
import { bookAppointment, cancelAppointment, joinWaitlist, moveAppointment, type BookingDeps } from '../../src/server/booking/appointments';
import { testDatabases } from '../support/databases';
import { movingClock, request, seededDeps } from '../support/booking';

// Friday 27 November 2026, 10:00 in Berlin. Employer fast lane: one counter at the immigration office.
const clock = movingClock('2026-11-27T09:00:00Z');

describe.each(testDatabases)('booking on $name', (target) => {
  let handle: Awaited<ReturnType<typeof target.create>>;
  let deps: BookingDeps;
  beforeAll(async () => {
    handle = await target.create();
    deps = await seededDeps(handle, clock);
  });
  afterAll(async () => handle?.drop());

  const mailsFor = (appointmentId: string) => handle.db.select().from(outbox).where(eq(outbox.appointmentId, appointmentId));

  it('books a free time and queues the confirmation and the reminder in the same transaction', async () => {
    const outcome = await bookAppointment(deps, request({ language: 'ar', name: 'أمل', needs: ['interpreter'] }), '192.0.2.1');
    expect(outcome.kind).toBe('booked');
    if (outcome.kind !== 'booked') return;
    expect(outcome.appointment.startsAt.toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(outcome.appointment.endsAt.toISOString()).toBe('2026-11-30T07:30:00.000Z');
    expect(outcome.manageUrl).toMatch(/^http:\/\/portal\.test\/ar\/manage\/\?t=[a-z2-7]{32}$/);
    // Only the hash of the link's secret is stored.
    expect(outcome.appointment.manageTokenHash).not.toContain(new URL(outcome.manageUrl).searchParams.get('t'));
    const mails = await mailsFor(outcome.appointment.id);
    expect(mails.map((m) => m.kind).sort()).toEqual(['confirmation', 'reminder']);
    const confirmation = mails.find((m) => m.kind === 'confirmation')!;
    expect(confirmation.html).toContain('dir="rtl"');
    expect(confirmation.text).toContain(outcome.manageUrl);
    expect(confirmation.attachments[0]?.content).toContain('DTSTART:20261130T070000Z');
    // The reminder waits for 10:00 in Berlin the day before.
    expect(mails.find((m) => m.kind === 'reminder')!.nextAttemptAt.toISOString()).toBe('2026-11-29T09:00:00.000Z');
  });

  it('answers "just taken" with the next free times when the only counter is busy', async () => {
    const outcome = await bookAppointment(deps, request(), '192.0.2.2');
    expect(outcome.kind).toBe('taken');
    if (outcome.kind !== 'taken') return;
    expect(outcome.next.length).toBeGreaterThan(0);
    expect(outcome.next[0]!.start.toISOString()).toBe('2026-11-30T07:30:00.000Z');
  });

  it('refuses a second open appointment for the same service and person', async () => {
    const email = 'twice@example.org';
    expect((await bookAppointment(deps, request({ email, start: '2026-11-30T09:00:00+01:00' }), '192.0.2.3')).kind).toBe('booked');
    expect(
      (await bookAppointment(deps, request({ email: 'TWICE@example.org', start: '2026-11-30T10:00:00+01:00' }), '192.0.2.3')).kind,
    ).toBe('duplicate');
  });

  it('refuses times outside the rules with a reason per field', async () => {
    const cases: [string, string][] = [
      ['2026-11-26T08:00:00+01:00', 'errors.startPast'],
      ['2026-11-27T11:00:00+01:00', 'errors.startUnavailable'], // within the lead time
      ['2026-11-29T08:00:00+01:00', 'errors.startUnavailable'], // Sunday
      ['2026-11-30T08:10:00+01:00', 'errors.startUnavailable'], // off the grid
      ['2026-11-30T12:30:00+01:00', 'errors.startUnavailable'], // closing time
      ['2026-12-25T08:00:00+01:00', 'errors.startUnavailable'], // Christmas
      ['2027-06-01T08:00:00+02:00', 'errors.startUnavailable'], // beyond the horizon
    ];
    for (const [start, key] of cases) {
      expect(await bookAppointment(deps, request({ start }), '192.0.2.4'), start).toEqual({ kind: 'invalid', errors: { start: key } });
    }
    expect((await bookAppointment(deps, request({ location: 'housing-office' }), '192.0.2.4')).kind).toBe('invalid');
  });

  it('lengthens a family appointment and blocks the counter for all of it', async () => {
    const family = await bookAppointment(
      deps,
      request({ service: 'housing-counselling', location: 'intercultural-centre-north', start: '2026-12-02T10:00:00+01:00', persons: 4 }),
      '192.0.2.5',
    );
    expect(family.kind).toBe('booked');
    if (family.kind !== 'booked') return;
    expect((family.appointment.endsAt.getTime() - family.appointment.startsAt.getTime()) / 60_000).toBe(45 + 3 * 15);
    // The centre's one counter serves integration counselling too: 10:45 is now inside the family's time.
    const clash = await bookAppointment(
      deps,
      request({ service: 'integration-counselling', location: 'intercultural-centre-north', start: '2026-12-02T10:45:00+01:00' }),
      '192.0.2.5',
    );
    expect(clash.kind).toBe('taken');
  });

  it('never exceeds capacity when many people race for one time', async () => {
    const start = '2026-12-01T09:00:00+01:00';
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => bookAppointment(deps, request({ start }), `198.51.100.${i}`)));
    expect(outcomes.filter((o) => o.kind === 'booked')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind !== 'booked').every((o) => o.kind === 'taken')).toBe(true);
    const [row] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(and(eq(appointments.serviceId, 'employer-fast-lane'), eq(appointments.startsAt, new Date(start))));
    expect(row?.n).toBe(1);
  });

  it('moves an appointment: the old time is free at once, the reminder follows', async () => {
    const booked = await bookAppointment(deps, request({ start: '2026-12-03T08:00:00+01:00' }), '192.0.2.6');
    if (booked.kind !== 'booked') throw new Error(booked.kind);
    const token = new URL(booked.manageUrl).searchParams.get('t')!;
    const moved = await moveAppointment(deps, token, new Date('2026-12-03T08:30:00+01:00'));
    expect(moved.kind).toBe('done');
    const reminders = (await mailsFor(booked.appointment.id)).filter((m) => m.kind === 'reminder' && !m.sentAt);
    expect(reminders).toHaveLength(1);
    expect((await bookAppointment(deps, request({ start: '2026-12-03T08:00:00+01:00' }), '192.0.2.6')).kind).toBe('booked');
  });

  it('cancels: the time is free again and the first person waiting is told', async () => {
    const first = await joinWaitlist(deps, { service: 'employer-fast-lane', email: 'first@example.org', language: 'uk' }, '192.0.2.7');
    clock.advance(1000);
    await joinWaitlist(
      deps,
      { service: 'employer-fast-lane', location: 'immigration-office', email: 'second@example.org', language: 'de' },
      '192.0.2.7',
    );
    expect(first.kind).toBe('added');
    expect(
      (await joinWaitlist(deps, { service: 'employer-fast-lane', email: 'FIRST@example.org', language: 'uk' }, '192.0.2.7')).kind,
    ).toBe('already');

    const booked = await bookAppointment(deps, request({ start: '2026-12-04T08:00:00+01:00' }), '192.0.2.8');
    if (booked.kind !== 'booked') throw new Error(booked.kind);
    const token = new URL(booked.manageUrl).searchParams.get('t')!;
    expect((await cancelAppointment(deps, token)).kind).toBe('done');
    expect((await cancelAppointment(deps, token)).kind).toBe('notChangeable');
    const mails = await mailsFor(booked.appointment.id);
    expect(mails.filter((m) => m.kind === 'reminder')).toHaveLength(0);
    expect(mails.find((m) => m.kind === 'cancelled')?.attachments[0]?.content).toContain('STATUS:CANCELLED');
    const told = await handle.db.select().from(outbox).where(eq(outbox.kind, 'waitlist'));
    expect(told.map((m) => m.to)).toEqual(['first@example.org']);
    expect(told[0]?.subject).toMatch(/[\u0400-\u04FF]/); // in Ukrainian
    const waiting = await handle.db.select().from(waitlist).where(isNull(waitlist.notifiedAt));
    expect(waiting.map((w) => w.email)).toEqual(['second@example.org']);
    expect((await bookAppointment(deps, request({ start: '2026-12-04T08:00:00+01:00' }), '192.0.2.8')).kind).toBe('booked');
  });

  it('ignores unknown and malformed manage tokens', async () => {
    expect((await cancelAppointment(deps, 'a'.repeat(32))).kind).toBe('notFound');
    expect((await cancelAppointment(deps, "' or 1=1 --")).kind).toBe('notFound');
  });

  it('limits bookings per e-mail address and per client address', async () => {
    const strict = { ...deps, limits: { perEmailPerDay: 2, perAddressPerHour: 3 } };
    const email = 'busy@example.org';
    const services = ['settlement-permit', 'blue-card', 'family-reunification'];
    const results = [];
    for (const service of services)
      results.push((await bookAppointment(strict, request({ email, service, start: '2026-12-07T08:00:00+01:00' }), '203.0.113.9')).kind);
    expect(results).toEqual(['booked', 'booked', 'limited']);
    const byAddress = [];
    for (let i = 0; i < 4; i++)
      byAddress.push(
        (await bookAppointment(strict, request({ service: 'settlement-permit', start: '2026-12-08T08:00:00+01:00' }), '203.0.113.10')).kind,
      );
    expect(byAddress.at(-1)).toBe('limited');
  });
});
