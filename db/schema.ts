import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Something a person can book, e.g. extending a residence permit. */
export const services = pgTable(
  'services',
  {
    id: text('id').primaryKey(),
    area: text('area').notNull(),
    page: text('page').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    extraPersonMinutes: integer('extra_person_minutes').notNull().default(0),
    leadTimeHours: integer('lead_time_hours').notNull(),
    horizonDays: integer('horizon_days').notNull(),
    staffLanguages: text('staff_languages').array().notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    check('services_duration_positive', sql`${t.durationMinutes} > 0`),
    check('services_horizon_positive', sql`${t.horizonDays} > 0`),
  ],
);

export const locations = pgTable('locations', {
  id: text('id').primaryKey(),
  area: text('area').notNull(),
  street: text('street').notNull(),
  postcode: text('postcode').notNull(),
  city: text('city').notNull(),
  phone: text('phone').notNull(),
  email: text('email').notNull(),
  stepFree: boolean('step_free').notNull(),
});

/** Several rows per weekday allow a lunch break. Times are wall-clock times in Europe/Berlin. */
export const openingHours = pgTable(
  'opening_hours',
  {
    id: serial('id').primaryKey(),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [
    check('opening_hours_weekday', sql`${t.weekday} between 1 and 7`),
    check('opening_hours_order', sql`${t.opens} < ${t.closes}`),
    index('opening_hours_location').on(t.locationId),
  ],
);

/** A holiday or an ad-hoc closure; no location means every location. */
export const closures = pgTable(
  'closures',
  {
    id: serial('id').primaryKey(),
    locationId: text('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [check('closures_order', sql`${t.startsOn} <= ${t.endsOn}`)],
);

export const counters = pgTable('counters', {
  id: serial('id').primaryKey(),
  locationId: text('location_id')
    .notNull()
    .references(() => locations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
});

export const counterServices = pgTable(
  'counter_services',
  {
    counterId: integer('counter_id')
      .notNull()
      .references(() => counters.id, { onDelete: 'cascade' }),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.serviceId] })],
);

const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'checked_in', 'no_show', 'done'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * A service at a location, at a time, for a person. Each appointment holds one counter for its
 * time; an exclusion constraint (migration 0001) forbids two active appointments on one counter
 * at overlapping times, so a slot's capacity holds whatever the concurrency.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id),
    counterId: integer('counter_id')
      .notNull()
      .references(() => counters.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    during: tstzrange('during').generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    persons: smallint('persons').notNull().default(1),
    name: text('name').notNull(),
    /** Empty when a volunteer booked for a client who gave no e-mail address. */
    email: text('email'),
    phone: text('phone'),
    language: text('language').notNull(),
    needs: text('needs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The person's answers to the service's checklist questions, if they gave any. */
    checklistAnswers: jsonb('checklist_answers').$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull().default('booked'),
    /** The volunteer who booked for the client, and when the client agreed to it. */
    bookedBy: uuid('booked_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    clientConsentAt: timestamp('client_consent_at', { withTimezone: true }),
    manageTokenHash: text('manage_token_hash').notNull().unique(),
    /** A second manage link, sent when a closure or new opening hours hit the appointment. */
    moveTokenHash: text('move_token_hash').unique(),
    /** When the people were told that a closure or new opening hours hit their appointment. */
    disruptionNoticeAt: timestamp('disruption_notice_at', { withTimezone: true }),
    /** Came to the counter without booking; added into free capacity by counter staff. */
    walkIn: boolean('walk_in').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('appointments_order', sql`${t.startsAt} < ${t.endsAt}`),
    check('appointments_persons', sql`${t.persons} between 1 and 6`),
    check('appointments_status', sql`${t.status} in ('booked', 'cancelled', 'checked_in', 'no_show', 'done')`),
    index('appointments_counter_time').on(t.counterId, t.startsAt),
    index('appointments_location_time').on(t.locationId, t.startsAt),
    // One open appointment per person and service.
    uniqueIndex('appointments_one_open_per_service')
      .on(t.serviceId, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'booked'`),
  ],
);

/** Transactional outbox: a mail is written in the same transaction as what caused it. */
export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    appointmentId: uuid('appointment_id').references(() => appointments.id, { onDelete: 'cascade' }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** [{ filename, contentType, content }] with text content (.ics). */
    attachments: jsonb('attachments')
      .$type<{ filename: string; contentType: string; content: string; encoding?: 'base64'; cid?: string }[]>()
      .notNull()
      .default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Not before this time (reminders wait for the day before; retries back off). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    /** A worker's claim: only the claimer marks the row sent; an expired claim may be taken over. */
    claimToken: text('claim_token'),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_due')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null`),
  ],
);

/** What would have been sent while no SMTP server is configured (the dev mailbox page shows it). */
export const devMailbox = pgTable('dev_mailbox', {
  id: serial('id').primaryKey(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  /** The plain-text part, for reading on the dev mailbox page. */
  text: text('text').notNull().default(''),
  raw: text('raw').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window counters for rate limits, shared by every instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});

/** People who asked to be told when a time frees up; the first to ask are told first. */
export const waitlist = pgTable(
  'waitlist',
  {
    id: serial('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    locationId: text('location_id').references(() => locations.id),
    email: text('email').notNull(),
    language: text('language').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [
    index('waitlist_waiting')
      .on(t.serviceId, t.createdAt)
      .where(sql`${t.notifiedAt} is null`),
    uniqueIndex('waitlist_once')
      .on(t.serviceId, sql`coalesce(${t.locationId}, '')`, sql`lower(${t.email})`)
      .where(sql`${t.notifiedAt} is null`),
  ],
);

export const ROLES = ['volunteer', 'counter', 'counsellor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const USER_STATUSES = ['invited', 'pending', 'active', 'disabled'] as const;

/** Staff and volunteers. Newcomers never need an account. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    status: text('status', { enum: USER_STATUSES }).notNull(),
    language: text('language').notNull().default('de'),
    passwordHash: text('password_hash'),
    /** The TOTP key (base64); set once the second factor is enrolled. */
    totpKey: text('totp_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email').on(sql`lower(${t.email})`),
    check('users_role', sql`${t.role} in ('volunteer', 'counter', 'counsellor', 'admin')`),
    check('users_status', sql`${t.status} in ('invited', 'pending', 'active', 'disabled')`),
  ],
);

/** Sessions the Lucia way: the id is the SHA-256 of the token in the cookie, never the token. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    twoFactorVerified: boolean('two_factor_verified').notNull().default(false),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** One-time recovery codes for a lost second factor, stored hashed. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

/** An admin's invitation: the link (token stored hashed) lets the person set a password once. */
export const invitations = pgTable(
  'invitations',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    language: text('language').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [check('invitations_role', sql`${t.role} in ('volunteer', 'counter', 'counsellor', 'admin')`)],
);

/** A password-reset link (token stored hashed), valid for an hour, once. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_resets_user').on(t.userId)],
);

export const REFERRAL_STATUS_LIST = ['new', 'claimed', 'in_progress', 'forwarded', 'closed'] as const;

/** A KIM case-management team; referrals are routed to teams, counsellors belong to teams. */
export const kimTeams = pgTable('kim_teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Gets the escalation mail when a referral waits unclaimed too long. */
  leadUserId: uuid('lead_user_id').references(() => users.id, { onDelete: 'set null' }),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => kimTeams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user').on(t.userId)],
);

/** Topic -> team, kept by admins. The lowest priority number among a referral's topics wins. */
export const routingRules = pgTable('routing_rules', {
  topic: text('topic').primaryKey(),
  teamId: text('team_id')
    .notNull()
    .references(() => kimTeams.id),
  priority: integer('priority').notNull().default(100),
});

/**
 * A referral to KIM case management. Special-category data: everything that names or describes
 * the person is in `personal`, sealed with AES-256-GCM (src/server/crypto/sealed.ts); the plain
 * columns are what routing, the inbox filters and the anonymous figures need.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    teamId: text('team_id')
      .notNull()
      .references(() => kimTeams.id),
    status: text('status', { enum: REFERRAL_STATUS_LIST }).notNull().default('new'),
    topics: text('topics').array().notNull(),
    urgency: text('urgency').notNull(),
    language: text('language').notNull(),
    contactWay: text('contact_way').notNull(),
    interpreter: boolean('interpreter').notNull().default(false),
    /** Sealed JSON: name, e-mail, phone, centre, free text. Null once anonymised. */
    personal: text('personal'),
    consentVersion: integer('consent_version').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    /** The volunteer who asked for a client, if any: they see the status, never the content. */
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    routedAt: timestamp('routed_at', { withTimezone: true }).notNull(),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    firstClaimedAt: timestamp('first_claimed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    index('referrals_team_status').on(t.teamId, t.status),
    index('referrals_submitted_by').on(t.submittedBy),
    check('referrals_status', sql`${t.status} in ('new', 'claimed', 'in_progress', 'forwarded', 'closed')`),
  ],
);

/** The timeline of a referral: created, claimed, status changes, notes, forwards. Notes and reasons are sealed. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: serial('id').primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    fromTeam: text('from_team'),
    toTeam: text('to_team'),
    /** Sealed text (a note or a forwarding reason); null once anonymised. */
    detail: text('detail'),
  },
  (t) => [index('referral_events_referral').on(t.referralId, t.at)],
);

/** Who read which referral, when (GDPR Art. 9 data): kept apart from the referral so it outlives it. */
export const referralReads = pgTable(
  'referral_reads',
  {
    id: serial('id').primaryKey(),
    referralId: uuid('referral_id').notNull(),
    reference: text('reference').notNull(),
    userId: uuid('user_id').notNull(),
    userEmail: text('user_email').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** view, export-json, export-csv, team-list */
    action: text('action').notNull(),
  },
  (t) => [index('referral_reads_at').on(t.at), index('referral_reads_referral').on(t.referralId)],
);
