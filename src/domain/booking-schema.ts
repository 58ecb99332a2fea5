/**
 * The booking request, as the island sends it and as the endpoint and the plain HTML form
 * receive it: one schema for all three. Messages are i18n keys (locales/<lang>/booking.json).
 * zod/mini keeps the island small.
 */
import * as z from 'zod/mini';

export const NEEDS = ['interpreter', 'step_free', 'more_time'] as const;
export type Need = (typeof NEEDS)[number];
export const MAX_PERSONS = 6;

const id = (message: string) => z.string({ error: message }).check(z.regex(/^[a-z0-9-]{1,64}$/, { error: message }));

export const bookingRequestSchema = z.object({
  service: id('errors.service'),
  location: id('errors.location'),
  start: z
    .string({ error: 'errors.start' })
    .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { error: 'errors.start' })),
  persons: z._default(
    z.int({ error: 'errors.persons' }).check(z.gte(1, { error: 'errors.persons' }), z.lte(MAX_PERSONS, { error: 'errors.persons' })),
    1,
  ),
  // No control characters in one-line fields: PostgreSQL cannot store NUL, and no name has them.
  name: z
    .string({ error: 'errors.nameRequired' })
    .check(
      z.trim(),
      z.minLength(2, { error: 'errors.nameRequired' }),
      z.maxLength(120, { error: 'errors.nameTooLong' }),
      z.regex(/^\P{Cc}*$/u, { error: 'errors.invalid' }),
    ),
  email: z
    .string({ error: 'errors.email' })
    .check(
      z.trim(),
      z.maxLength(254, { error: 'errors.email' }),
      z.regex(/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u, { error: 'errors.email' }),
    ),
  phone: z.optional(z.string({ error: 'errors.phone' }).check(z.trim(), z.regex(/^$|^\+?[0-9 ()/-]{5,30}$/, { error: 'errors.phone' }))),
  language: z.string({ error: 'errors.language' }).check(z.regex(/^[a-z]{2,3}(-simple)?$/, { error: 'errors.language' })),
  needs: z._default(z.array(z.enum(NEEDS, { error: 'errors.needs' })).check(z.maxLength(NEEDS.length, { error: 'errors.needs' })), []),
  /** Checklist answers the person chose to bring along (see domain/checklists); unknown ones are dropped. */
  checklist: z._default(z.record(z.string().check(z.maxLength(32)), z.string().check(z.maxLength(32)), { error: 'errors.invalid' }), {}),
});

export type BookingRequest = z.infer<typeof bookingRequestSchema>;

/**
 * A volunteer booking for a client: the client's e-mail is optional (mail then goes to the
 * volunteer), and the client's agreement must be confirmed.
 */
export const clientBookingSchema = z.object({
  ...bookingRequestSchema.shape,
  email: z._default(z.union([z.literal(''), bookingRequestSchema.shape.email]), ''),
  consent: z.literal(true, { error: 'errors.consent' }),
});

export const BOOKING_FIELDS = [
  'service',
  'location',
  'start',
  'persons',
  'name',
  'email',
  'phone',
  'language',
  'needs',
  'checklist',
  'consent',
] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];

/** Field -> i18n key of the first problem with it. */
export type FieldErrors = Partial<Record<BookingField | 'form', string>>;

export function parseBookingRequest(
  input: unknown,
  forClient = false,
): { ok: true; value: BookingRequest } | { ok: false; errors: FieldErrors } {
  const result = z.safeParse(forClient ? clientBookingSchema : bookingRequestSchema, input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = (BOOKING_FIELDS as readonly string[]).includes(String(issue.path[0])) ? (issue.path[0] as BookingField) : 'form';
    errors[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
  }
  return { ok: false, errors };
}

/** An appointment lasts the service's time, plus its time per extra person for families. */
export function appointmentMinutes(service: { durationMinutes: number; extraPersonMinutes: number }, persons: number): number {
  return service.durationMinutes + Math.max(0, persons - 1) * service.extraPersonMinutes;
}

export const waitlistRequestSchema = z.object({
  service: id('errors.service'),
  location: z.optional(id('errors.location')),
  email: bookingRequestSchema.shape.email,
  language: bookingRequestSchema.shape.language,
});

export type WaitlistRequest = z.infer<typeof waitlistRequestSchema>;
