/**
 * What the servers go through during a burst, read from /proc (Linux): their resident memory
 * and how many connections they really hold: counted among the server process's own sockets, so
 * a client that never got through (backlog full, an HTTP agent's limit) does not count.
 */
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';

export interface Memory {
  /** Resident memory now (VmRSS). */
  rssMb: number;
  /** The most the process ever held (VmHWM). */
  peakMb: number;
}

const mb = (kb: number) => Math.round(kb / 1024);

export function readMemory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: mb(field('VmRSS')), peakMb: mb(field('VmHWM')) };
}

/**
 * Resets VmHWM to the current RSS (Linux ≥ 4.0, our own child's /proc entry), so that the peak
 * read after the burst is the burst's, not the start-up's (PGlite loads its whole database then).
 * Returns false where that is not allowed; VmHWM then counts from the process's start.
 */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const ESTABLISHED = '01';

/** The inodes of the sockets a process has open (its file descriptors pointing at `socket:[n]`). */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // closed between listing and reading
    }
  }
  return inodes;
}

/**
 * Established TCP connections on `ports` that the processes `pids` hold: accepted by the server,
 * not merely waiting in the kernel's backlog, and none of the client side's sockets.
 */
export function openConnections(pids: number[], ports: number[]): number {
  const wanted = new Set(ports.map((p) => p.toString(16).toUpperCase().padStart(4, '0')));
  const held = new Set(pids.flatMap((pid) => [...socketInodes(pid)]));
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue; // no IPv6 on this machine
    }
    for (const line of text.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      const [local, state, inode] = [columns[1], columns[3], columns[9]];
      if (state === ESTABLISHED && wanted.has(local?.split(':').at(-1) ?? '') && held.has(inode ?? '')) count += 1;
    }
  }
  return count;
}

export interface Watched {
  peakOpenConnections: number;
  /** The highest VmRSS seen while sampling, per process. */
  sampledPeakRssMb: number[];
}

/** Samples every `everyMs` until stopped; cheap enough not to disturb the load. */
export function watch(pids: number[], ports: number[], everyMs = 250): { stop: () => Watched } {
  const seen: Watched = { peakOpenConnections: 0, sampledPeakRssMb: pids.map(() => 0) };
  const sample = () => {
    seen.peakOpenConnections = Math.max(seen.peakOpenConnections, openConnections(pids, ports));
    pids.forEach((pid, i) => (seen.sampledPeakRssMb[i] = Math.max(seen.sampledPeakRssMb[i] ?? 0, readMemory(pid).rssMb)));
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return seen;
    },
  };
}

/** CPU time the process has used so far, in clock ticks (utime + stime of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const IDLE_SAMPLE_MS = 500;
/** Ticks per sample below which a process counts as idle: 5 of 50 (at 100 Hz) is 10 % of a core. */
const IDLE_TICKS = 5;

/**
 * Waits until every process has gone quiet, at most `maxMs`. The load generator drops its
 * sockets when the window closes, but the server still works through the requests it had
 * accepted (bookings among them): stopping it at once would kill those half-way, and the
 * database check would miss them. Returns how long that took and whether they went quiet.
 */
export async function waitIdle(pids: number[], maxMs: number): Promise<{ ms: number; finished: boolean }> {
  const began = Date.now();
  let last = pids.map(cpuTicks);
  while (Date.now() - began < maxMs) {
    await new Promise((r) => setTimeout(r, IDLE_SAMPLE_MS));
    const now = pids.map(cpuTicks);
    if (now.every((ticks, i) => ticks - (last[i] ?? 0) <= IDLE_TICKS)) return { ms: Date.now() - began, finished: true };
    last = now;
  }
  return { ms: Date.now() - began, finished: false };
}
