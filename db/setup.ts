/** `npm run db:setup`: migrate the configured database and load the demo office data if empty. */
import { loadEnv } from '../src/server/env';
import { openDatabase } from './client';
import { seedKimTeams, seedOffice } from './seed';

const env = loadEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
try {
  await handle.migrate();
  const seeded = await seedOffice(handle.db);
  await seedKimTeams(handle.db);
  process.stdout.write(`database ready (${handle.driver}${seeded ? ', demo office data loaded' : ''})\n`);
} finally {
  await handle.close();
}
