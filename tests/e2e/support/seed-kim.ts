/**
 * KIM counsellors for the browser suite, one per team, with a known second factor (run before
 * the server starts, since PGlite allows one process). The housing counsellor leads that team;
 * an admin with the same known second factor reads the read log.
 */
import { encodeBase64 } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../db/client';
import { kimTeams, teamMembers, users } from '../../../db/schema';
import { hashPassword } from '../../../src/server/auth/passwords';
import { loadEnv } from '../../../src/server/env';
import { E2E_AUDITOR, E2E_COUNSELLORS, E2E_TOTP_KEY } from '../ports';

const env = loadEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
for (const person of Object.values(E2E_COUNSELLORS)) {
  const [row] = await handle.db
    .insert(users)
    .values({
      email: person.email,
      name: person.name,
      role: 'counsellor',
      status: 'active',
      language: 'de',
      passwordHash: await hashPassword(person.password),
      totpKey: encodeBase64(E2E_TOTP_KEY),
    })
    .returning();
  await handle.db.insert(teamMembers).values({ teamId: person.team, userId: row!.id });
  if (person.team === 'kim-housing') await handle.db.update(kimTeams).set({ leadUserId: row!.id }).where(eq(kimTeams.id, person.team));
}
await handle.db.insert(users).values({
  email: E2E_AUDITOR.email,
  name: E2E_AUDITOR.name,
  role: 'admin',
  status: 'active',
  passwordHash: await hashPassword(E2E_AUDITOR.password),
  totpKey: encodeBase64(E2E_TOTP_KEY),
});
await handle.close();
