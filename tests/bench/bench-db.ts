/** A seeded bench database (the busy bench office) on PGlite or on a fresh PostgreSQL database. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostgresDatabase } from '../support/databases';

export type Driver = 'pglite' | 'postgres';

export interface Prepared {
  /** What the server needs to find this database. */
  env: Record<string, string>;
  /** A PGlite folder or a postgres:// URL, for direct queries while no server holds it. */
  target: string;
  cleanup: () => Promise<void>;
}

// In a child process: PGlite is single-process, and the seed's memory should not count as ours.
function seed(target: string, appointments: number) {
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/bench/seed-bench-db.ts', target, String(appointments)], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`seeding the bench database failed:\n${run.stdout}${run.stderr}`);
}

export async function prepareBenchDatabase(driver: Driver, appointments: number, adminUrl?: string): Promise<Prepared> {
  if (driver === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-bench-'));
    const dataDir = path.join(dir, 'pglite');
    seed(dataDir, appointments);
    return { env: { PGLITE_DIR: dataDir }, target: dataDir, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { url, drop } = await createPostgresDatabase(adminUrl ?? '');
  seed(url, appointments);
  return { env: { DATABASE_URL: url, DATABASE_POOL_SIZE: '20' }, target: url, cleanup: drop };
}
