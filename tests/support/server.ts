/** Starts the built portal (dist/) on a free loopback port with its own PGlite folder. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A command to run (with tsx) after the database is set up and before the server starts. */
export interface SetupStep {
  args: string[];
  input?: string;
}

export async function startServer(
  env: Record<string, string> = {},
  fixedPort?: number,
  beforeServe: SetupStep[] = [],
): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wp-server-'));
  let log = '';
  const childEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), PGLITE_DIR: path.join(dataDir, 'pglite'), ...env };
  // As `npm start` does: migrate and load the demo office data, then serve.
  const setup = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'db/setup.ts'], { env: childEnv, encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`db:setup failed:\n${setup.stdout}${setup.stderr}`);
  for (const step of beforeServe) {
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', ...step.args], {
      env: childEnv,
      encoding: 'utf8',
      input: step.input ?? '',
    });
    if (run.status !== 0) throw new Error(`${step.args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  }
  const child = spawn(process.execPath, ['src/cli/serve.mjs'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it answered:\n${log}`);
    try {
      const res = await fetch(`${url}/de/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not answer within 30 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    output: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
