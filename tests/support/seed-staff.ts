/**
 * One account per role for tests that sign in over HTTP (run before the server starts, since
 * PGlite allows one process). Counsellor and admin have a known TOTP key.
 */
import { encodeBase64 } from '@oslojs/encoding';
import { openDatabase } from '../../db/client';
import { users } from '../../db/schema';
import { hashPassword } from '../../src/server/auth/passwords';
import { loadEnv } from '../../src/server/env';
import { OTHER_VOLUNTEER, TEST_STAFF, TEST_TOTP_KEY } from './staff-accounts';

const env = loadEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
await handle.migrate();
for (const account of [...TEST_STAFF, OTHER_VOLUNTEER]) {
  await handle.db
    .insert(users)
    .values({
      email: account.email,
      name: account.name,
      role: account.role,
      status: 'active',
      passwordHash: await hashPassword(account.password),
      totpKey: account.role === 'counsellor' || account.role === 'admin' ? encodeBase64(TEST_TOTP_KEY) : null,
    })
    .onConflictDoNothing();
}
await handle.close();
