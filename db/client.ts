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
  /**
   * False for a moment after a connection to PostgreSQL failed: requests should answer "try
   * again" at once instead of queueing for a connection that is not coming (always true on PGlite).
   */
  reachable(): boolean;
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
  return { db, driver: 'pglite', migrate, close: () => client.close(), reachable: () => true };
}

/** After a failed connection attempt: the longest wait before the next, and how long requests are turned away. */
const UNREACHABLE_MS = 1000;

/**
 * How long a pool connection waits before it tries to reach the database again after a failed
 * attempt. postgres.js's default grows to 10-20 s after a handful of refused attempts (a burst
 * makes those within a second), so after a restart of a few seconds requests still waited up
 * to 20 s for a connection. At most a second, with jitter so instances do not retry in step.
 */
function reconnectDelaySeconds(failedAttempts: number): number {
  return (Math.min(50 * 2 ** failedAttempts, UNREACHABLE_MS) / 1000) * (0.5 + Math.random() / 2);
}

/**
 * Notices failed connection attempts. postgres.js calls `backoff` whenever a connection closes,
 * with the count of attempts that failed since the last successful one: a larger count than
 * last time means this one failed. While PostgreSQL is down, queries otherwise queue for a
 * connection and each reconnect turns away only one of them, so people waited many seconds
 * for their "try again" page, and after the restart for the backlog.
 */
function reachability() {
  let lastCount = 0;
  let unreachableUntil = 0;
  return {
    backoff(failedAttempts: number): number {
      if (failedAttempts > lastCount) unreachableUntil = Date.now() + UNREACHABLE_MS;
      lastCount = failedAttempts;
      return reconnectDelaySeconds(failedAttempts);
    },
    reachable: () => Date.now() >= unreachableUntil,
  };
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { backoff, reachable } = reachability();
  const client = postgres(url, { max, onnotice: () => undefined, connect_timeout: 5, backoff });
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
  return { db, driver: 'postgres', migrate, close: () => client.end({ timeout: 5 }), reachable };
}
