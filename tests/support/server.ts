/** Starts the built portal (dist/) on a free loopback port with its own PGlite folder. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** The folder with this server's PGlite data (`pglite/`) and data-key file. */
  dataDir: string;
  output: () => string;
  /** Stops the server (if it still runs) and deletes its data folder, unless another server took it over. */
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

/** How a server was started, so that another process can be started on the same data. */
interface Launch {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** Whether stop() deletes the data folder: the server that made it does, until a restart takes it over. */
  ownsData: boolean;
}

const launches = new WeakMap<RunningServer, Launch>();

export async function startServer(
  env: Record<string, string> = {},
  fixedPort?: number,
  beforeServe: SetupStep[] = [],
): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wp-server-'));
  const childEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), PGLITE_DIR: path.join(dataDir, 'pglite'), ...env };
  try {
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
    return await serve(childEnv, dataDir, true);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts a new server process on a stopped or killed server's data (same PGlite folder, same
 * environment, a new port), without running the setup again: what a process manager does after
 * a crash. The new server owns the data folder from then on.
 */
export async function restartServer(previous: RunningServer, env: Record<string, string> = {}): Promise<RunningServer> {
  const launch = launches.get(previous);
  if (!launch) throw new Error('restartServer takes a server that startServer or restartServer started');
  // PGlite allows one process on a folder: the previous one must be gone first.
  await exited(previous.process, 5000);
  const owns = launch.ownsData;
  launch.ownsData = false;
  return serve({ ...launch.env, PORT: String(await freePort()), ...env }, launch.dataDir, owns);
}

/**
 * Starts one more server process beside a running one, on the same PostgreSQL database and data
 * keys, without the setup (the first one did it): several instances behind one database. The
 * first server keeps its data folder.
 */
export async function startAnotherServer(first: RunningServer, env: Record<string, string> = {}): Promise<RunningServer> {
  const launch = launches.get(first);
  if (!launch?.env.DATABASE_URL) throw new Error('startAnotherServer takes a server on PostgreSQL (PGlite allows one process)');
  return serve({ ...launch.env, PORT: String(await freePort()), ...env }, launch.dataDir, false);
}

function isRunning(child: ChildProcess): boolean {
  // A process ended by a signal keeps exitCode null; signalCode says it is gone.
  return child.exitCode === null && child.signalCode === null;
}

async function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (!isRunning(child)) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process ${child.pid} still runs after ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function serve(childEnv: NodeJS.ProcessEnv, dataDir: string, ownsData: boolean): Promise<RunningServer> {
  let log = '';
  const child = spawn(process.execPath, ['src/cli/serve.mjs'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${childEnv.PORT}`;
  const launch: Launch = { env: childEnv, dataDir, ownsData };
  const server: RunningServer = {
    url,
    process: child,
    dataDir,
    output: () => log,
    async stop() {
      if (isRunning(child)) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      if (launch.ownsData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  launches.set(server, launch);
  try {
    await answering(url, child, () => log);
  } catch (error) {
    if (isRunning(child)) child.kill('SIGKILL');
    throw error;
  }
  return server;
}

async function answering(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!isRunning(child)) throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it answered:\n${log()}`);
    try {
      const res = await fetch(`${url}/de/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not answer within 30 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
