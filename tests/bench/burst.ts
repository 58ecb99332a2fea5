/**
 * The opening-minute burst: booking opens, ~1,000 people at once look at the free times and
 * book the first ones. Measures what they get (speed, answers by kind), what it costs the
 * server (memory), and checks in the database afterwards that no slot was overbooked.
 * PGlite runs one instance; PostgreSQL two instances on one database, the clients spread over both.
 */
import { startServer, type RunningServer } from '../support/server';
import { prepareBenchDatabase, type Driver } from './bench-db';
import { BENCH } from './bench-office';
import { LIMITS } from './booking-load';
import { burstLoad, type BurstLoad } from './burst-load';
import { readMemory, resetPeak, waitIdle, watch, type Memory } from './burst-watch';
import { checkOverbooking, overbooked, type OverbookingCheck } from './overbooking';

/** How many of the first free times the bookings aim at: the crowd wants the earliest ones. */
const FIRST_SLOTS = 10;
const BURST_NAME = 'Burst Person';
/** The longest wait, after the window, for the servers to finish the requests they had accepted. */
const DRAIN_MAX_MS = 30_000;

export interface BurstFigures {
  driver: Driver;
  instances: number;
  seconds: number;
  appointmentsSeeded: number;
  /** Seats free on the aimed-at times before the burst (their capacity left, summed). */
  seatsOffered: number;
  connections: { asked: number; peakOpenOnServers: number };
  /** After the window: how long the servers took to finish what they had accepted (at most DRAIN_MAX_MS). */
  drain: { ms: number; finished: boolean };
  requestsPerSecond: number;
  load: BurstLoad;
  database: OverbookingCheck & { overbooked: number };
  /**
   * Per instance: RSS before, peak (VmHWM, reset just before the burst where Linux allows it:
   * `peakSinceBurst`), the highest RSS sampled during the burst, and after the drain.
   */
  memory: { beforeMb: number; peakMb: number; peakSinceBurst: boolean; sampledPeakMb: number; afterMb: number }[];
  /**
   * Failures the servers logged ("[api] … failed": each became a 500), counted too for
   * requests whose client had already gone when the answer came; the first kept as an example.
   */
  serverErrors: { logged: number; first?: string };
  /** False when no booking landed: then "not overbooked" says nothing. */
  guaranteeTested: boolean;
  /** No slot overbooked, not one 5xx answer, nothing failed in the log. */
  guaranteesHeld: boolean;
}

/**
 * fetch reuses the keep-alive connection of startServer's readiness check; the server may close
 * it (keepAliveTimeout) just as the request goes out, which ends in ECONNRESET: ask once more.
 */
async function fetchAgain(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}

async function firstFreeStarts(base: string): Promise<{ starts: string[]; seats: number }> {
  const from = new Date().toISOString().slice(0, 10);
  const res = await fetchAgain(`${base}/api/availability?service=${BENCH.service}&location=${BENCH.location}&from=${from}&days=14`);
  const slots = ((await res.json()) as { slots: { start: string; capacityLeft: number }[] }).slots.slice(0, FIRST_SLOTS);
  return { starts: slots.map((s) => s.start), seats: slots.reduce((sum, s) => sum + s.capacityLeft, 0) };
}

async function startInstances(count: number, env: Record<string, string>): Promise<RunningServer[]> {
  const servers: RunningServer[] = [];
  // One after the other: both run db:setup first, and the second finds it done.
  for (let i = 0; i < count; i++) servers.push(await startServer({ ...LIMITS, ...env }));
  return servers;
}

const FAILURE_LINE = /^\[(api|page)\] .* failed/gm;

function serverErrors(servers: RunningServer[]): BurstFigures['serverErrors'] {
  const lines = servers.flatMap((s) => s.output().match(FAILURE_LINE) ?? []);
  return lines[0] ? { logged: lines.length, first: lines[0].slice(0, 200) } : { logged: 0 };
}

const portOf = (s: RunningServer) => Number(new URL(s.url).port);
const pidOf = (s: RunningServer) => s.process.pid ?? NaN;

interface Measured {
  load: BurstLoad;
  seatsOffered: number;
  peakOpen: number;
  drain: BurstFigures['drain'];
  memory: BurstFigures['memory'];
}

async function measure(servers: RunningServer[], seconds: number, connections: number): Promise<Measured> {
  const { starts, seats } = await firstFreeStarts(servers[0]?.url ?? '');
  const pids = servers.map(pidOf);
  const reset = pids.map(resetPeak);
  const before = pids.map(readMemory);
  const watching = watch(pids, servers.map(portOf));
  const load = await burstLoad(
    servers.map((s) => s.url),
    starts,
    seconds,
    connections,
  );
  const seen = watching.stop();
  const drain = await waitIdle(pids, DRAIN_MAX_MS);
  const after: Memory[] = pids.map(readMemory);
  const memory = after.map((a, i) => ({
    beforeMb: before[i]?.rssMb ?? NaN,
    peakMb: a.peakMb,
    peakSinceBurst: reset[i] ?? false,
    sampledPeakMb: seen.sampledPeakRssMb[i] ?? NaN,
    afterMb: a.rssMb,
  }));
  return { load, seatsOffered: seats, peakOpen: seen.peakOpenConnections, drain, memory };
}

export async function openingBurst(
  driver: Driver,
  seconds: number,
  options: { appointments: number; connections: number; adminUrl?: string },
): Promise<BurstFigures> {
  const prepared = await prepareBenchDatabase(driver, options.appointments, options.adminUrl);
  try {
    const servers = await startInstances(driver === 'pglite' ? 1 : 2, prepared.env);
    let measured: Measured;
    try {
      measured = await measure(servers, seconds, options.connections);
    } finally {
      for (const s of servers) await s.stop();
    }
    const logged = serverErrors(servers);
    const check = await checkOverbooking(prepared.target, BURST_NAME);
    const { load } = measured;
    const fiveHundreds = [load.availability, load.booking].reduce((n, k) => n + k.statuses['503'] + k.statuses.other5xx, 0);
    return {
      driver,
      instances: servers.length,
      seconds,
      appointmentsSeeded: options.appointments,
      seatsOffered: measured.seatsOffered,
      connections: { asked: options.connections, peakOpenOnServers: measured.peakOpen },
      drain: measured.drain,
      requestsPerSecond: load.availability.requestsPerSecond + load.booking.requestsPerSecond,
      load,
      database: { ...check, overbooked: overbooked(check) },
      memory: measured.memory,
      serverErrors: logged,
      guaranteeTested: check.burstAppointments > 0,
      guaranteesHeld: overbooked(check) === 0 && fiveHundreds === 0 && logged.logged === 0,
    };
  } finally {
    await prepared.cleanup();
  }
}
