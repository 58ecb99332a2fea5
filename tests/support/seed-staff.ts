/**
 * One account per role for tests that sign in over HTTP (run before the server starts, since
 * PGlite allows one process). Counsellors and the admin have a known TOTP key; the counsellors
 * belong to KIM teams (tests/support/staff-accounts.ts).
 */
import { encodeBase64 } from '@oslojs/encoding';
import { openDatabase } from '../../db/client';
import { teamMembers, users } from '../../db/schema';
import { hashPassword } from '../../src/server/auth/passwords';
import { loadEnv } from '../../src/server/env';
import { OTHER_COUNSELLOR, OTHER_VOLUNTEER, TEST_STAFF, TEST_TEAMS, TEST_TOTP_KEY } from './staff-accounts';

const env = loadEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
await handle.migrate();
for (const account of [...TEST_STAFF, OTHER_VOLUNTEER, OTHER_COUNSELLOR]) {
  const [row] = await handle.db
    .insert(users)
    .values({
      email: account.email,
      name: account.name,
      role: account.role,
      status: 'active',
      passwordHash: await hashPassword(account.password),
      totpKey: account.role === 'counsellor' || account.role === 'admin' ? encodeBase64(TEST_TOTP_KEY) : null,
    })
    .onConflictDoNothing()
    .returning();
  const team = TEST_TEAMS[account.email];
  if (row && team) await handle.db.insert(teamMembers).values({ teamId: team, userId: row.id });
}
await handle.close();
