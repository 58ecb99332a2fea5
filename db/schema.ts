import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, primaryKey, serial, smallint, text, time, index } from 'drizzle-orm/pg-core';

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
