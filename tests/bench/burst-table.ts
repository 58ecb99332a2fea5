/** The burst's lines in the readable table of `npm run bench`. */
import type { BurstFigures } from './burst';
import type { KindFigures } from './burst-load';

type Row = [string, string, string];

const answers = (k: KindFigures) =>
  `409 ${k.statuses['409']}, 429 ${k.statuses['429']}, 503 ${k.statuses['503']}, other 5xx ${k.statuses.other5xx}, ` +
  `other ${k.statuses.other}, no answer ${k.errors} (timeouts ${k.timeouts})`;

// autocannon reports 0 ms when nothing came back: say so rather than print a fast-looking 0.
const latency = (k: KindFigures) => (k.responses > 0 ? `p50 ${k.p50Ms} ms, p99 ${k.p99Ms} ms` : 'no answer within the window');

function verdict(b: BurstFigures): string {
  if (!b.guaranteesHeld) return `GUARANTEE FAILED (${b.serverErrors.logged} failures logged)`;
  return b.guaranteeTested ? 'guarantees held' : 'no 5xx, but no booking landed: overbooking untested';
}

export function burstRows(b: BurstFigures): Row[] {
  const setup = `${b.driver}, ${b.instances} inst., ${b.connections.peakOpenOnServers}/${b.connections.asked} conn. open`;
  const { availability: a, booking: k } = b.load;
  const db = b.database;
  const peak = Math.max(...b.memory.map((m) => m.peakMb));
  const after = Math.max(...b.memory.map((m) => m.afterMb));
  return [
    [`opening burst (${setup})`, `${b.requestsPerSecond} req/s`, verdict(b)],
    [`  availability (${b.driver})`, `${a.requestsPerSecond} req/s`, `${latency(a)}; 200 ${a.statuses['2xx']}, ${answers(a)}`],
    [`  booking (${b.driver})`, `${k.requestsPerSecond} req/s`, `${latency(k)}; 201 ${k.statuses['2xx']}, ${answers(k)}`],
    [
      `  overbooked slots (${b.driver})`,
      String(db.overbooked),
      `${db.burstAppointments} booked of ${b.seatsOffered} seats offered, ${k.statuses['2xx']} answered in the window; ` +
        `servers ${b.drain.finished ? 'done' : 'still busy'} ${(b.drain.ms / 1000).toFixed(1)} s after it`,
    ],
    [`  server RSS, largest instance (${b.driver})`, `${peak} MB peak`, `${after} MB after the drain`],
  ];
}
