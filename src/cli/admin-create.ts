/**
 * `npm run admin:create -- --email admin@city.example --name "Ada Admin"`: the first admin.
 * The password is read from standard input (typed, or piped), never from a default or the
 * command line; the admin sets up the second factor at the first sign-in.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { users } from '../../db/schema';
import { passwordProblem } from '../domain/session-expiry';
import { hashPassword } from '../server/auth/passwords';
import { loadEnv } from '../server/env';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, language: { type: 'string', default: 'de' } },
});
const email = values.email?.trim() ?? '';
const name = values.name?.trim() ?? '';
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || name.length < 2) {
  process.stderr.write('Usage: npm run admin:create -- --email admin@city.example --name "Full Name"  (password on standard input)\n');
  process.exit(2);
}

const input = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
if (process.stdin.isTTY) process.stdout.write('Password (at least 12 characters): ');
const password = ((await input.question('')) ?? '').trim();
input.close();
const problem = passwordProblem(password, email);
if (problem) {
  process.stderr.write(`The password is not accepted (${problem}): use at least 12 characters, not your e-mail name.\n`);
  process.exit(2);
}

const env = loadEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
try {
  await handle.migrate();
  const [existing] = await handle.db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (existing) {
    process.stderr.write(`An account for ${email} exists already.\n`);
    process.exitCode = 1;
  } else {
    await handle.db.insert(users).values({
      email,
      name,
      role: 'admin',
      status: 'active',
      language: values.language ?? 'de',
      passwordHash: await hashPassword(password),
    });
    process.stdout.write(`Admin ${email} created. Sign in at /${values.language}/staff/login/ and set up the second factor.\n`);
  }
} finally {
  await handle.close();
}
