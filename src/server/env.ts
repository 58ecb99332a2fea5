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
