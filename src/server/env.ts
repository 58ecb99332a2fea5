import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** postgres://user:pass@host:5432/db; unset means the embedded PGlite. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Where PGlite keeps its data. */
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  /** smtp(s)://user:pass@host:port; unset means the local dev mailbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The address people reach the portal at, used in mails. */
  PUBLIC_ORIGIN: z.url().default('http://localhost:4321'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Abuse limits for booking, per e-mail address and per client address. */
  BOOKING_LIMIT_PER_EMAIL_PER_DAY: z.coerce.number().int().min(1).default(5),
  BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** Sender of the portal's mails. */
  MAIL_FROM: z.string().min(3).default('Willkommensportal Musterstadt <no-reply@musterstadt.example>'),
  /** How often the mail worker looks at the outbox, in milliseconds. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /**
   * Keys that seal personal data at rest (referrals, second-factor keys; AES-256-GCM): "id:base64key,id:base64key", the first
   * seals, all open. Unset: a key file beside the data (DATA_KEY_FILE), made on first use.
   */
  DATA_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{43,44}(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{43,44})*$/,
      'id:base64 of 32 bytes, comma-separated',
    )
    .optional(),
  DATA_KEY_FILE: z.string().min(1).optional(),
  /** Closed referrals lose their personal data after this many days. */
  REFERRAL_RETENTION_DAYS: z.coerce.number().positive().default(180),
  /** A referral nobody claimed goes to the team lead after this many hours. */
  REFERRAL_ESCALATE_HOURS: z.coerce.number().positive().default(48),
  /** How often the retention and escalation job runs, in milliseconds. */
  RETENTION_POLL_MS: z.coerce.number().int().min(100).default(300_000),
});

export type Env = z.infer<typeof schema>;

/** Reads the environment once; a bad value stops the start with a message that says what to fix. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`The environment is not valid; fix these variables (see .env.example):\n${problems}`);
  }
  return parsed.data;
}
