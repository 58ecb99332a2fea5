import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users } from '../../db/schema';
import { parseBookingRequest } from '../../src/domain/booking-schema';
import { bookAppointment, cancelOwnedAppointment, findOwned, type BookingDeps } from '../../src/server/booking/appointments';
import { testDatabases } from '../support/databases';
import { movingClock, request, seededDeps } from '../support/booking';

describe.each(testDatabases)('volunteers booking for clients on $name', (target) => {
  let handle: Awaited<ReturnType<typeof target.create>>;
  let deps: BookingDeps;
  const ids: Record<string, string> = {};
  const clock = movingClock('2026-11-27T09:00:00Z');
  beforeAll(async () => {
    handle = await target.create();
    deps = await seededDeps(handle, clock);
    for (const [key, email, language] of [
      ['vera', 'vera@volunteers.example', 'uk'],
      ['other', 'other@volunteers.example', 'de'],
    ] as const) {
      const [row] = await handle.db.insert(users).values({ email, name: key, role: 'volunteer', status: 'active', language }).returning();
      ids[key] = row!.id;
    }
  });
  afterAll(async () => handle?.drop());

  it('requires the client consent and lets the client e-mail be empty', () => {
    const base = { ...request(), email: '' };
    expect(parseBookingRequest(base, true)).toMatchObject({ ok: false, errors: { consent: 'errors.consent' } });
    expect(parseBookingRequest({ ...base, consent: true }, true).ok).toBe(true);
    expect(parseBookingRequest(base, false).ok).toBe(false);
  });

  it('mails the client and sends the volunteer a copy in the volunteer language', async () => {
    const booked = await bookAppointment(deps, request({ email: 'client@example.org', language: 'ar' }), '192.0.2.1', {
      volunteerId: ids.vera!,
      consentAt: clock.now(),
    });
    if (booked.kind !== 'booked') throw new Error(booked.kind);
    expect(booked.appointment.bookedBy).toBe(ids.vera);
    expect(booked.appointment.clientConsentAt?.toISOString()).toBe(clock.now().toISOString());
    const mails = await handle.db.select().from(outbox).where(eq(outbox.appointmentId, booked.appointment.id));
    const confirmations = mails.filter((m) => m.kind === 'confirmation');
    expect(confirmations.map((m) => m.to).sort()).toEqual(['client@example.org', 'vera@volunteers.example']);
    expect(confirmations.find((m) => m.to === 'client@example.org')?.html).toContain('dir="rtl"');
    expect(confirmations.find((m) => m.to === 'vera@volunteers.example')?.html).toContain('lang="uk"');
  });

  it('mails only the volunteer when the client has no address', async () => {
    const booked = await bookAppointment(deps, request({ email: '', start: '2026-11-30T09:00:00+01:00' }), '192.0.2.1', {
      volunteerId: ids.vera!,
      consentAt: clock.now(),
    });
    if (booked.kind !== 'booked') throw new Error(booked.kind);
    const mails = await handle.db.select().from(outbox).where(eq(outbox.appointmentId, booked.appointment.id));
    expect([...new Set(mails.map((m) => m.to))]).toEqual(['vera@volunteers.example']);
  });

  it('lets only the volunteer who booked see and cancel it', async () => {
    const booked = await bookAppointment(deps, request({ start: '2026-11-30T10:00:00+01:00' }), '192.0.2.1', {
      volunteerId: ids.vera!,
      consentAt: clock.now(),
    });
    if (booked.kind !== 'booked') throw new Error(booked.kind);
    expect(await findOwned(handle.db, ids.other!, booked.appointment.id)).toBeUndefined();
    expect((await cancelOwnedAppointment(deps, ids.other!, booked.appointment.id)).kind).toBe('notFound');
    expect((await cancelOwnedAppointment(deps, ids.vera!, booked.appointment.id)).kind).toBe('done');
  });
});
