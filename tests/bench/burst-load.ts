/**
 * The load of the opening-minute burst: two autocannon instances started in the same tick, one
 * asking for availability, one booking, both for the same service and over every server
 * instance (autocannon spreads its connections over the URLs it is given). autocannon opens its
 * own sockets, one per connection, so no HTTP agent (Node's or undici's) caps the count.
 */
import autocannon from 'autocannon';
import { BENCH } from './bench-office';

/** Responses by kind. Which of 200/201 means success depends on the endpoint. */
export interface StatusSplit {
  '2xx': number;
  '409': number;
  '429': number;
  '503': number;
  /** Every other 5xx (500, 502, …). */
  other5xx: number;
  /** Anything else (400, 404, 422, …). */
  other: number;
}

export interface KindFigures {
  connections: number;
  responses: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: StatusSplit;
  byStatus: Record<string, number>;
  /** Connection errors and timeouts together, then timeouts alone (no answer within 10 s). */
  errors: number;
  timeouts: number;
}

export function splitStatuses(byStatus: Record<string, number>): StatusSplit {
  const split: StatusSplit = { '2xx': 0, '409': 0, '429': 0, '503': 0, other5xx: 0, other: 0 };
  for (const [code, count] of Object.entries(byStatus)) {
    const status = Number(code);
    if (status >= 200 && status < 300) split['2xx'] += count;
    else if (code === '409' || code === '429' || code === '503') split[code] += count;
    else if (status >= 500) split.other5xx += count;
    else split.other += count;
  }
  return split;
}

function figures(result: autocannon.Result, connections: number): KindFigures {
  const byStatus = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  return {
    connections,
    responses: Object.values(byStatus).reduce((a, b) => a + b, 0),
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses: splitStatuses(byStatus),
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const LANGUAGES = ['ar', 'uk', 'tr', 'fa', 'de', 'ru', 'ti', 'en'];

/** Every booking is someone else (its own e-mail address), all aiming at the first free times. */
function bookingRequest(starts: string[]): autocannon.Request {
  const run = Date.now();
  let n = 0;
  return {
    method: 'POST',
    path: '/api/appointments',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => {
      const i = n++;
      const body = {
        service: BENCH.service,
        location: BENCH.location,
        start: starts[i % starts.length],
        name: 'Burst Person',
        email: `burst${i}-${run}@example.org`,
        language: LANGUAGES[i % LANGUAGES.length],
      };
      return { ...request, body: JSON.stringify(body) };
    },
  };
}

export interface BurstLoad {
  availability: KindFigures;
  booking: KindFigures;
}

export async function burstLoad(urls: string[], starts: string[], seconds: number, connections: number): Promise<BurstLoad> {
  const from = new Date().toISOString().slice(0, 10);
  const forAvailability = Math.round(connections / 2);
  const forBooking = connections - forAvailability;
  // autocannon takes several URLs and spreads the connections over them; its types say one.
  const common = { url: urls as unknown as string, duration: seconds, pipelining: 1 };
  const [availability, booking] = await Promise.all([
    autocannon({
      ...common,
      connections: forAvailability,
      // As the booking page asks, and as browsers do (they all accept gzip).
      requests: [
        {
          method: 'GET',
          path: `/api/availability?service=${BENCH.service}&location=${BENCH.location}&from=${from}&days=${BENCH.horizonDays + 1}`,
          headers: { 'accept-encoding': 'gzip' },
        },
      ],
    }),
    autocannon({ ...common, connections: forBooking, requests: [bookingRequest(starts)] }),
  ]);
  return { availability: figures(availability, forAvailability), booking: figures(booking, forBooking) };
}
