/**
 * The databases the db suites run on: the embedded PGlite always, and a real PostgreSQL when
 * TEST_POSTGRES_URL names a server (src/cli/test.sh sets it when 127.0.0.1:5432 answers). Each
 * PostgreSQL test database is created fresh and dropped afterwards, so runs never collide.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../db/client';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database, and how to throw it away. */
  create(): Promise<DatabaseHandle & { url?: string; drop(): Promise<void> }>;
}

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL || undefined;

export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const testDatabases: TestDatabase[] = [
  {
    name: 'pglite',
    async create() {
      const handle = await openDatabase({ dataDir: 'memory://' });
      await handle.migrate();
      return { ...handle, drop: () => handle.close() };
    },
  },
  ...(POSTGRES_ADMIN_URL
    ? [
        {
          name: 'postgres' as const,
          async create() {
            const { url, drop } = await createPostgresDatabase(POSTGRES_ADMIN_URL);
            const handle = await openDatabase({ url, maxConnections: 20 });
            await handle.migrate();
            return {
              ...handle,
              url,
              drop: async () => {
                await handle.close();
                await drop();
              },
            };
          },
        },
      ]
    : []),
];
