/**
 * A request for a referral to KIM case management, as the island sends it and as the endpoint
 * and the plain HTML form receive it. Messages are i18n keys (locales/<lang>/referral.json).
 */
import * as z from 'zod/mini';

export const TOPICS = ['residence', 'housing', 'work', 'language', 'health', 'family', 'education', 'money', 'other'] as const;
export type Topic = (typeof TOPICS)[number];
export const URGENCIES = ['normal', 'soon', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const CONTACT_WAYS = ['phone', 'email', 'visit'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];

/**
 * The consent text people agree to. Its words live in referral.json under consent.v<N>; a new
 * wording gets a new version, and every referral stores the version it was given under.
 */
export const CONSENT_VERSION = 1;
export const CONSENT_VERSIONS = [1] as const;
export const MAX_MESSAGE = 4000;

const email = z.string({ error: 'errors.email' }).check(
  z.trim(),
  z.maxLength(254, { error: 'errors.email' }),
  // No control characters: the receipt's address goes to PostgreSQL, which cannot store NUL.
  z.regex(/^$|^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u, { error: 'errors.email' }),
);
const phone = z.string({ error: 'errors.phone' }).check(z.trim(), z.regex(/^$|^\+?[0-9 ()/-]{5,30}$/, { error: 'errors.phone' }));

export const referralRequestSchema = z
  .object({
    topics: z
      .array(z.enum(TOPICS, { error: 'errors.topics' }), { error: 'errors.topics' })
      .check(z.minLength(1, { error: 'errors.topics' }), z.maxLength(TOPICS.length, { error: 'errors.topics' })),
    urgency: z.enum(URGENCIES, { error: 'errors.urgency' }),
    language: z.string({ error: 'errors.language' }).check(z.regex(/^[a-z]{2,3}(-simple)?$/, { error: 'errors.language' })),
    contactWay: z.enum(CONTACT_WAYS, { error: 'errors.contactWay' }),
    /** For a visit: the urban intercultural centre (a location id) the person can come to. */
    centre: z._default(z.string({ error: 'errors.centre' }).check(z.regex(/^$|^[a-z0-9-]{1,64}$/, { error: 'errors.centre' })), ''),
    interpreter: z._default(z.boolean({ error: 'errors.invalid' }), false),
    name: z.string({ error: 'errors.name' }).check(
      z.trim(),
      z.minLength(2, { error: 'errors.name' }),
      z.maxLength(120, { error: 'errors.nameTooLong' }),
      // No control characters, as in the booking's name.
      z.regex(/^\P{Cc}*$/u, { error: 'errors.invalid' }),
    ),
    email: z._default(email, ''),
    phone: z._default(phone, ''),
    message: z._default(z.string({ error: 'errors.message' }).check(z.trim(), z.maxLength(MAX_MESSAGE, { error: 'errors.message' })), ''),
    consent: z.literal(true, { error: 'errors.consent' }),
    consentVersion: z.literal(CONSENT_VERSIONS, { error: 'errors.invalid' }),
  })
  .check(
    z.refine((r) => r.contactWay !== 'phone' || r.phone !== '', { error: 'errors.phoneNeeded', path: ['phone'] }),
    z.refine((r) => r.contactWay !== 'email' || r.email !== '', { error: 'errors.emailNeeded', path: ['email'] }),
    z.refine((r) => r.contactWay !== 'visit' || r.phone !== '' || r.email !== '', { error: 'errors.reachNeeded', path: ['phone'] }),
    z.refine((r) => r.contactWay !== 'visit' || r.centre !== '', { error: 'errors.centre', path: ['centre'] }),
    z.refine((r) => new Set(r.topics).size === r.topics.length, { error: 'errors.topics', path: ['topics'] }),
  );

export type ReferralRequest = z.infer<typeof referralRequestSchema>;

export const REFERRAL_FIELDS = [
  'topics',
  'urgency',
  'language',
  'contactWay',
  'centre',
  'interpreter',
  'name',
  'email',
  'phone',
  'message',
  'consent',
] as const;
export type ReferralField = (typeof REFERRAL_FIELDS)[number];
export type ReferralErrors = Partial<Record<ReferralField | 'form', string>>;

export function parseReferralRequest(input: unknown): { ok: true; value: ReferralRequest } | { ok: false; errors: ReferralErrors } {
  const result = z.safeParse(referralRequestSchema, input);
  if (result.success) return { ok: true, value: result.data };
  const errors: ReferralErrors = {};
  for (const issue of result.error.issues) {
    const head = String(issue.path[0]);
    const field = (REFERRAL_FIELDS as readonly string[]).includes(head) ? (head as ReferralField) : 'form';
    errors[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
  }
  return { ok: false, errors };
}
