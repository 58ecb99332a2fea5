/**
 * Booking, moving and cancelling appointments. The database guards capacity (the exclusion
 * constraint on counters); this code only chooses which free counter to try and writes the
 * mails to the outbox in the same transaction.
 */
import { checkInUrl } from '../qr';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { appointments, users, waitlist } from '../../../db/schema';
import { freeSlots, type AvailabilityRequest, type CounterLoad, type Slot } from '../../domain/availability';
import { appointmentMinutes, type BookingRequest, type FieldErrors } from '../../domain/booking-schema';
import { answersToQuery, parseAnswers } from '../../domain/checklists/checklist';
import { addDays, fromZoned, toZoned } from '../../domain/time';
import { isLanguageCode } from '../../i18n/languages';
import { DEADLOCK_DETECTED, EXCLUSION_VIOLATION, pgError, UNIQUE_VIOLATION } from '../errors';
import { appointmentMail, freedTimeMail, type AppointmentMailKind } from '../mail/appointment-mails';
import { dropPendingMail, enqueueMail } from '../mail/outbox';
import { hitAll, rowsOf } from '../rate-limit';
import { generateReference, generateSecretToken, hashToken } from '../tokens';
import { forgetAvailability } from './availability-cache';
import { loadCounterLoads, loadServiceAtLocation, type ServiceAtLocation } from './office-data';

export type AppointmentRow = typeof appointments.$inferSelect;

export interface BookingDeps {
  db: Db;
  now: () => Date;
  origin: string;
  limits: { perEmailPerDay: number; perAddressPerHour: number };
}

export type BookingOutcome =
  | { kind: 'booked'; appointment: AppointmentRow; manageUrl: string }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'taken'; next: Slot[] }
  | { kind: 'duplicate' }
  | { kind: 'limited' };

const NEXT_FREE_COUNT = 5;

export function manageUrl(origin: string, lang: string, token: string): string {
  return `${origin}/${lang}/manage/?t=${encodeURIComponent(token)}`;
}

/** Free times for a service at a location; the appointment being moved does not block itself. */
export async function availableSlots(
  db: Db,
  data: ServiceAtLocation,
  now: Date,
  from: string,
  days: number,
  persons: number,
  ignoreAppointmentId?: string,
): Promise<Slot[]> {
  const start = new Date(`${from}T00:00:00Z`).getTime() - 86_400_000;
  const end = new Date(`${addDays(from, days)}T00:00:00Z`).getTime() + 86_400_000;
  const loads = await loadCounterLoads(db, data.counterIds, new Date(start), new Date(end), ignoreAppointmentId);
  return freeSlots(slotRequest(data, now, from, days, persons, loads));
}

/** The service's and the location's rules as the availability function takes them. */
function slotRequest(
  data: ServiceAtLocation,
  now: Date,
  from: string,
  days: number,
  persons: number,
  counters: CounterLoad[],
): AvailabilityRequest {
  return {
    now,
    from,
    days,
    durationMinutes: appointmentMinutes(data.service, persons),
    stepMinutes: data.service.durationMinutes,
    leadTimeHours: data.service.leadTimeHours,
    horizonDays: data.service.horizonDays,
    openingHours: data.openingHours,
    closures: data.closures,
    counters,
  };
}

/** The next free times from now on, for a "just taken" answer. */
export async function nextFreeSlots(db: Db, data: ServiceAtLocation, now: Date, persons: number): Promise<Slot[]> {
  return firstFreeSlots(db, data, now, persons, NEXT_FREE_COUNT);
}

const SEARCH_WINDOW_DAYS = 7;

/**
 * The first `count` free times within the horizon, searched a week at a time: usually the first
 * week has them, and reading a week of appointments is far cheaper than the whole horizon (a
 * "just taken" answer in an opening-minute rush must not cost a full scan).
 */
export async function firstFreeSlots(db: Db, data: ServiceAtLocation, now: Date, persons: number, count: number): Promise<Slot[]> {
  const found: Slot[] = [];
  const today = toZoned(now).date;
  for (let offset = 0; offset <= data.service.horizonDays && found.length < count; offset += SEARCH_WINDOW_DAYS) {
    const days = Math.min(SEARCH_WINDOW_DAYS, data.service.horizonDays + 1 - offset);
    found.push(...(await availableSlots(db, data, now, addDays(today, offset), days, persons)));
  }
  return found.slice(0, count);
}

const answersQuery = (answers: Record<string, string>) => {
  const query = answersToQuery(parseAnswers(answers));
  return query ? `?${query}` : '';
};

/**
 * The order in which to try the free counters: each once without waiting (a counter another
 * booking is writing to right now is skipped), then each again waiting its turn. Two racing
 * inserts under an exclusion constraint would otherwise wait for each other until PostgreSQL
 * breaks the deadlock, a second later.
 */
function attempts(counterIds: number[]): { counterId: number; wait: boolean }[] {
  const order = shuffled(counterIds);
  return [...order.map((counterId) => ({ counterId, wait: false })), ...order.map((counterId) => ({ counterId, wait: true }))];
}

class CounterBusy extends Error {
  override name = 'CounterBusy';
}

/** Takes the counter's write lock for this transaction; without `wait`, gives up at once. */
async function lockCounter(tx: Tx, counterId: number, wait: boolean): Promise<void> {
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(${COUNTER_LOCK_SPACE}, ${counterId})`);
    return;
  }
  const [row] = rowsOf<{ locked: boolean }>(
    await tx.execute(sql`select pg_try_advisory_xact_lock(${COUNTER_LOCK_SPACE}, ${counterId}) as locked`),
  );
  if (!row?.locked) throw new CounterBusy();
}

const COUNTER_LOCK_SPACE = 4_711_002;

/**
 * People booking the same time at once should not all queue for the first free counter (each
 * would wait for the other's transaction, then try the next): a random order spreads them.
 */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

type StartCheck = { ok: true; counterIds: number[]; end: Date } | { ok: false; outcome: BookingOutcome };

/** Is `start` a bookable time at all (opening hours, lead time, horizon) and is it free now? */
async function checkStart(
  deps: BookingDeps,
  data: ServiceAtLocation,
  start: Date,
  persons: number,
  ignoreAppointmentId?: string,
): Promise<StartCheck> {
  const now = deps.now();
  if (Number.isNaN(start.getTime())) return { ok: false, outcome: { kind: 'invalid', errors: { start: 'errors.start' } } };
  if (start.getTime() < now.getTime()) return { ok: false, outcome: { kind: 'invalid', errors: { start: 'errors.startPast' } } };
  const date = toZoned(start).date;
  // The bookable grid of that day, as if every counter were free.
  const grid = freeSlots(slotRequest(data, now, date, 1, persons, [{ id: 0, busy: [] }]));
  if (!grid.some((s) => s.start.getTime() === start.getTime()))
    return { ok: false, outcome: { kind: 'invalid', errors: { start: 'errors.startUnavailable' } } };
  const free = (await availableSlots(deps.db, data, now, date, 1, persons, ignoreAppointmentId)).find(
    (s) => s.start.getTime() === start.getTime(),
  );
  if (!free) return { ok: false, outcome: { kind: 'taken', next: await nextFreeSlots(deps.db, data, now, persons) } };
  return { ok: true, counterIds: free.freeCounterIds, end: free.end };
}

/** Limits per e-mail address and per client address, counted together in one statement. */
async function withinLimits(deps: BookingDeps, email: string, clientAddress: string): Promise<boolean> {
  return hitAll(
    deps.db,
    [
      { key: `book:email:${hashToken(email.toLowerCase())}`, max: deps.limits.perEmailPerDay, windowSeconds: 86_400 },
      { key: `book:addr:${hashToken(clientAddress)}`, max: deps.limits.perAddressPerHour, windowSeconds: 3600 },
    ],
    deps.now(),
  );
}

function mailFacts(row: AppointmentRow, data: ServiceAtLocation) {
  return { ...row, location: data.location, servicePage: data.service.page };
}

function mailUrls(deps: BookingDeps, row: AppointmentRow, token: string | undefined, data: ServiceAtLocation) {
  return {
    manage: token ? manageUrl(deps.origin, row.language, token) : `${deps.origin}/${row.language}/`,
    checklist: `${deps.origin}/${row.language}/checklist/${data.service.id}/${answersQuery(row.checklistAnswers)}`,
    book: `${deps.origin}/${row.language}/book/?service=${data.service.id}`,
    checkIn: checkInUrl(deps.origin, row.reference),
  };
}

/** The reminder goes out at 10:00 the day before; none when that time has already passed. */
export function reminderTime(start: Date, now: Date): Date | undefined {
  const at = fromZoned(addDays(toZoned(start).date, -1), 10 * 60);
  return at && at > now ? at : undefined;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The person's mails go to their address; for a client booked by a volunteer, also (or, when
 * the client gave no address, only) to the volunteer, in the volunteer's language.
 */
async function queueAppointmentMails(
  tx: Tx,
  deps: BookingDeps,
  kind: AppointmentMailKind,
  row: AppointmentRow,
  token: string | undefined,
  data: ServiceAtLocation,
) {
  const now = deps.now();
  const urls = mailUrls(deps, row, token, data);
  const [volunteer] = row.bookedBy
    ? await tx.select({ email: users.email, language: users.language }).from(users).where(eq(users.id, row.bookedBy))
    : [];
  const recipients = [
    ...(row.email ? [{ to: row.email, facts: mailFacts(row, data), urls }] : []),
    ...(volunteer
      ? [
          {
            to: volunteer.email,
            facts: { ...mailFacts(row, data), language: volunteer.language },
            urls: mailUrls(deps, { ...row, language: volunteer.language }, token, data),
          },
        ]
      : []),
  ];
  await dropPendingMail(tx, row.id, 'reminder');
  const remindAt = kind === 'cancelled' ? undefined : reminderTime(row.startsAt, now);
  for (const r of recipients) {
    await enqueueMail(tx, { kind, now, to: r.to, appointmentId: row.id, mail: appointmentMail(kind, r.facts, r.urls, now) });
    if (remindAt)
      await enqueueMail(tx, {
        kind: 'reminder',
        now,
        to: r.to,
        appointmentId: row.id,
        notBefore: remindAt,
        mail: appointmentMail('reminder', r.facts, r.urls, now),
      });
  }
}

/** A volunteer booking for a client who agreed to it. */
export interface OnBehalf {
  volunteerId: string;
  consentAt: Date;
}

export async function bookAppointment(
  deps: BookingDeps,
  request: BookingRequest,
  clientAddress: string,
  onBehalf?: OnBehalf,
): Promise<BookingOutcome> {
  if (!isLanguageCode(request.language)) return { kind: 'invalid', errors: { language: 'errors.language' } };
  // A volunteer's bookings count against the volunteer, whatever the client's address.
  if (!(await withinLimits(deps, onBehalf ? `volunteer:${onBehalf.volunteerId}` : request.email, clientAddress)))
    return { kind: 'limited' };
  const data = await loadServiceAtLocation(deps.db, request.service, request.location);
  if (!data) return { kind: 'invalid', errors: { location: 'errors.notOffered' } };
  const start = new Date(request.start);
  const check = await checkStart(deps, data, start, request.persons);
  if (!check.ok) return check.outcome;
  for (const { counterId, wait } of attempts(check.counterIds)) {
    const token = generateSecretToken();
    try {
      const row = await deps.db.transaction(async (tx) => {
        await lockCounter(tx, counterId, wait);
        const [inserted] = await tx
          .insert(appointments)
          .values({
            reference: generateReference(),
            serviceId: data.service.id,
            locationId: data.location.id,
            counterId,
            startsAt: start,
            endsAt: check.end,
            persons: request.persons,
            name: request.name,
            email: request.email || null,
            phone: request.phone || null,
            bookedBy: onBehalf?.volunteerId ?? null,
            clientConsentAt: onBehalf?.consentAt ?? null,
            language: request.language,
            needs: request.needs,
            checklistAnswers: parseAnswers(request.checklist),
            manageTokenHash: hashToken(token),
          })
          .returning();
        if (!inserted) throw new Error('insert returned no appointment');
        await queueAppointmentMails(tx, deps, 'confirmation', inserted, token, data);
        return inserted;
      });
      forgetAvailability(row.serviceId, row.locationId);
      return { kind: 'booked', appointment: row, manageUrl: manageUrl(deps.origin, row.language, token) };
    } catch (error) {
      const { code, constraint } = pgError(error);
      // Someone else took (or is taking) this counter a moment ago: try the next.
      if (error instanceof CounterBusy || code === EXCLUSION_VIOLATION || code === DEADLOCK_DETECTED) continue;
      if (code === UNIQUE_VIOLATION && constraint === 'appointments_one_open_per_service') return { kind: 'duplicate' };
      throw error;
    }
  }
  return { kind: 'taken', next: await nextFreeSlots(deps.db, data, deps.now(), request.persons) };
}

export async function findByToken(db: Db, token: string): Promise<AppointmentRow | undefined> {
  if (!/^[a-z2-7]{20,64}$/.test(token)) return undefined;
  const [row] = await db
    .select()
    .from(appointments)
    .where(or(eq(appointments.manageTokenHash, hashToken(token)), eq(appointments.moveTokenHash, hashToken(token))));
  return row;
}

export type ChangeOutcome =
  | { kind: 'done'; appointment: AppointmentRow }
  | { kind: 'notFound' }
  | { kind: 'notChangeable' }
  | Exclude<BookingOutcome, { kind: 'booked' }>;

function changeable(row: AppointmentRow, now: Date): boolean {
  return row.status === 'booked' && row.startsAt > now;
}

export async function moveAppointment(deps: BookingDeps, token: string, newStart: Date): Promise<ChangeOutcome> {
  const row = await findByToken(deps.db, token);
  return row ? moveRow(deps, row, token, newStart) : { kind: 'notFound' };
}

/** A volunteer moves a booking they made; another volunteer's is simply not found. */
export async function moveOwnedAppointment(
  deps: BookingDeps,
  volunteerId: string,
  appointmentId: string,
  newStart: Date,
): Promise<ChangeOutcome> {
  const row = await findOwned(deps.db, volunteerId, appointmentId);
  return row ? moveRow(deps, row, undefined, newStart) : { kind: 'notFound' };
}

async function moveRow(deps: BookingDeps, row: AppointmentRow, token: string | undefined, newStart: Date): Promise<ChangeOutcome> {
  if (!changeable(row, deps.now())) return { kind: 'notChangeable' };
  const data = await loadServiceAtLocation(deps.db, row.serviceId, row.locationId);
  if (!data) return { kind: 'notChangeable' };
  const check = await checkStart(deps, data, newStart, row.persons, row.id);
  if (!check.ok) return check.outcome as ChangeOutcome;
  for (const { counterId, wait } of attempts(check.counterIds)) {
    try {
      const moved = await deps.db.transaction(async (tx) => {
        await lockCounter(tx, counterId, wait);
        const [updated] = await tx
          .update(appointments)
          .set({ startsAt: newStart, endsAt: check.end, counterId, updatedAt: deps.now() })
          .where(and(eq(appointments.id, row.id), eq(appointments.status, 'booked')))
          .returning();
        if (!updated) throw new Error('appointment changed meanwhile');
        await queueAppointmentMails(tx, deps, 'moved', updated, token, data);
        await tellWaitingPerson(tx, deps, data);
        return updated;
      });
      forgetAvailability(moved.serviceId, moved.locationId);
      return { kind: 'done', appointment: moved };
    } catch (error) {
      if (error instanceof CounterBusy || [EXCLUSION_VIOLATION, DEADLOCK_DETECTED].includes(pgError(error).code ?? '')) continue;
      throw error;
    }
  }
  return { kind: 'taken', next: await nextFreeSlots(deps.db, data, deps.now(), row.persons) };
}

/** A volunteer's own booking for a client; another volunteer's is simply not found. */
export async function findOwned(db: Db, volunteerId: string, appointmentId: string): Promise<AppointmentRow | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(appointmentId)) return undefined;
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.bookedBy, volunteerId)));
  return row;
}

export async function cancelOwnedAppointment(deps: BookingDeps, volunteerId: string, appointmentId: string): Promise<ChangeOutcome> {
  const row = await findOwned(deps.db, volunteerId, appointmentId);
  return row ? cancelRow(deps, row) : { kind: 'notFound' };
}

export async function cancelAppointment(deps: BookingDeps, token: string): Promise<ChangeOutcome> {
  const row = await findByToken(deps.db, token);
  return row ? cancelRow(deps, row) : { kind: 'notFound' };
}

async function cancelRow(deps: BookingDeps, row: AppointmentRow): Promise<ChangeOutcome> {
  if (!changeable(row, deps.now())) return { kind: 'notChangeable' };
  const data = await loadServiceAtLocation(deps.db, row.serviceId, row.locationId);
  if (!data) return { kind: 'notChangeable' };
  const cancelled = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(appointments)
      .set({ status: 'cancelled', updatedAt: deps.now(), cancelledAt: deps.now() })
      .where(and(eq(appointments.id, row.id), eq(appointments.status, 'booked')))
      .returning();
    if (!updated) return undefined;
    await queueAppointmentMails(tx, deps, 'cancelled', updated, undefined, data);
    await tellWaitingPerson(tx, deps, data);
    return updated;
  });
  if (!cancelled) return { kind: 'notChangeable' };
  forgetAvailability(cancelled.serviceId, cancelled.locationId);
  return { kind: 'done', appointment: cancelled };
}

/** A time freed up: the first person waiting for this service (here or anywhere) is told. */
async function tellWaitingPerson(tx: Tx, deps: BookingDeps, data: ServiceAtLocation): Promise<void> {
  const [first] = await tx
    .select()
    .from(waitlist)
    .where(
      and(
        eq(waitlist.serviceId, data.service.id),
        isNull(waitlist.notifiedAt),
        or(isNull(waitlist.locationId), eq(waitlist.locationId, data.location.id)),
      ),
    )
    .orderBy(asc(waitlist.createdAt), asc(waitlist.id))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!first) return;
  await tx.update(waitlist).set({ notifiedAt: deps.now() }).where(eq(waitlist.id, first.id));
  const bookUrl = `${deps.origin}/${first.language}/book/?service=${data.service.id}&location=${data.location.id}`;
  await enqueueMail(tx, {
    kind: 'waitlist',
    now: deps.now(),
    to: first.email,
    mail: freedTimeMail(first.language, data.service.id, bookUrl),
  });
}

export type WaitlistOutcome = { kind: 'added' } | { kind: 'already' } | { kind: 'invalid'; errors: FieldErrors } | { kind: 'limited' };

export async function joinWaitlist(
  deps: BookingDeps,
  input: { service: string; location?: string | undefined; email: string; language: string },
  clientAddress: string,
): Promise<WaitlistOutcome> {
  if (!isLanguageCode(input.language)) return { kind: 'invalid', errors: { language: 'errors.language' } };
  if (!(await withinLimits(deps, input.email, clientAddress))) return { kind: 'limited' };
  try {
    await deps.db
      .insert(waitlist)
      .values({ serviceId: input.service, locationId: input.location ?? null, email: input.email, language: input.language });
    return { kind: 'added' };
  } catch (error) {
    const { code } = pgError(error);
    if (code === UNIQUE_VIOLATION) return { kind: 'already' };
    if (code === '23503') return { kind: 'invalid', errors: { service: 'errors.service' } };
    throw error;
  }
}

export type WalkInOutcome = { kind: 'added'; appointment: AppointmentRow } | { kind: 'full' } | { kind: 'notOffered' };

/**
 * A person at the counter without a booking: the next free time today (no lead time), checked
 * in at once. Same counters and locks as a booking, so a walk-in never overbooks; no mails.
 */
export async function bookWalkIn(
  deps: BookingDeps,
  input: { serviceId: string; locationId: string; name: string; persons: number; language: string; needs: string[] },
): Promise<WalkInOutcome> {
  const loaded = await loadServiceAtLocation(deps.db, input.serviceId, input.locationId);
  if (!loaded) return { kind: 'notOffered' };
  const data = { ...loaded, service: { ...loaded.service, leadTimeHours: 0 } };
  const now = deps.now();
  for (let round = 0; round < 3; round++) {
    const [slot] = await availableSlots(deps.db, data, now, toZoned(now).date, 1, input.persons);
    if (!slot) return { kind: 'full' };
    for (const { counterId, wait } of attempts(slot.freeCounterIds)) {
      try {
        const row = await deps.db.transaction(async (tx) => {
          await lockCounter(tx, counterId, wait);
          const [inserted] = await tx
            .insert(appointments)
            .values({
              reference: generateReference(),
              serviceId: data.service.id,
              locationId: data.location.id,
              counterId,
              startsAt: slot.start,
              endsAt: slot.end,
              persons: input.persons,
              name: input.name,
              language: input.language,
              needs: input.needs,
              status: 'checked_in',
              checkedInAt: now,
              walkIn: true,
              // Walk-ins get no link; the hash of an unsent random token keeps the column unique.
              manageTokenHash: hashToken(generateSecretToken()),
            })
            .returning();
          if (!inserted) throw new Error('insert returned no appointment');
          return inserted;
        });
        forgetAvailability(row.serviceId, row.locationId);
        return { kind: 'added', appointment: row };
      } catch (error) {
        const { code } = pgError(error);
        if (error instanceof CounterBusy || code === EXCLUSION_VIOLATION || code === DEADLOCK_DETECTED) continue;
        throw error;
      }
    }
  }
  return { kind: 'full' };
}
