import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

/** The one database type the rest of the code sees, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Applies the committed migrations; safe to call from several instances at once. */
  migrate(folder?: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite's data folder; `memory://` keeps everything in memory (tests). */
  dataDir?: string | undefined;
  /** Connections in the postgres pool. */
  maxConnections?: number | undefined;
}

export const MIGRATIONS_FOLDER = path.resolve(process.env.MIGRATIONS_DIR ?? 'db/migrations');

// Keys for pg_advisory_lock: several instances may start at once against one PostgreSQL.
const MIGRATION_LOCK = 4_711_001;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options.maxConnections ?? 10) : openPglite(options.dataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  // btree_gist backs the constraint that keeps a counter from being booked twice.
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const client = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const db = drizzle(client, { schema }) as unknown as Db;
  const migrate = async (folder = MIGRATIONS_FOLDER) => {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(drizzle(client), { migrationsFolder: folder });
  };
  return { db, driver: 'pglite', migrate, close: () => client.close() };
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max, onnotice: () => undefined, connect_timeout: 5 });
  const db = drizzle(client, { schema }) as unknown as Db;
  const migrate = async (folder = MIGRATIONS_FOLDER) => {
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    // An advisory lock belongs to one connection: migrate over a single-connection client so
    // that a second instance starting at the same moment waits, then finds nothing to do.
    const single = postgres(url, { max: 1, onnotice: () => undefined, connect_timeout: 5 });
    try {
      await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await run(drizzle(single), { migrationsFolder: folder });
    } finally {
      await single.end({ timeout: 5 });
    }
  };
  return { db, driver: 'postgres', migrate, close: () => client.end({ timeout: 5 }) };
}
