/**
 * The process's one database handle, opened on first use with the migrations applied. Kept on
 * globalThis because the Astro server bundle and the background jobs bundle both use it, and
 * PGlite must never be opened twice on one data folder.
 */
import { openDatabase, type DatabaseHandle, type Db } from '../../db/client';
import { loadEnv } from './env';

const KEY = Symbol.for('welcome-portal.database');
type Holder = { [KEY]?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const env = loadEnv();
    const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR, maxConnections: env.DATABASE_POOL_SIZE });
    await handle.migrate();
    return handle;
  })().catch((error: unknown) => {
    // Let the next request try again (the database may be back), instead of failing forever.
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

/** The database, or at once the error of an outage when it could not be reached a moment ago. */
export async function getDb(): Promise<Db> {
  const handle = await getDatabase();
  // 08001: the client could not connect; isUnavailable turns it into the "try again" answer.
  if (!handle.reachable()) throw Object.assign(new Error('the database could not be reached a moment ago'), { code: '08001' });
  return handle.db;
}
