/**
 * Data keys (README, "Data keys"):
 *   npm run data-keys -- new <id>   prints a new key "id:base64" to put first in DATA_KEYS
 *   npm run data-keys -- reseal     re-seals all data with the first (current) key
 */
import { openDatabase } from '../../db/client';
import { dataKeyring } from '../server/crypto/keyring';
import { newKeySpec } from '../server/crypto/sealed';
import { loadEnv } from '../server/env';
import { resealAll } from '../server/crypto/reseal';

const [command, id] = process.argv.slice(2);
if (command === 'new') {
  if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id)) {
    process.stderr.write('Usage: npm run data-keys -- new <id>  (letters, digits, - and _; e.g. 2027-01)\n');
    process.exit(2);
  }
  process.stdout.write(`${newKeySpec(id)}\n`);
} else if (command === 'reseal') {
  const env = loadEnv();
  const ring = dataKeyring(env);
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
  try {
    const counts = await resealAll(handle.db, ring);
    process.stdout.write(
      `re-sealed with key "${ring.current}": ${counts.referrals} referrals, ${counts.events} notes and reasons, ${counts.totpKeys} second-factor keys\n`,
    );
  } finally {
    await handle.close();
  }
} else {
  process.stderr.write('Usage: npm run data-keys -- new <id> | reseal\n');
  process.exit(2);
}
