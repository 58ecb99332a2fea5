/**
 * `npm run bench`: the portal's budgets and load figures, printed as one JSON object and a
 * readable table. Loopback only, every load bounded in time. Needs a build (`npm run build`).
 * BENCH_SECONDS (default 10) sets each load's length; TEST_POSTGRES_URL adds PostgreSQL runs;
 * BENCH_BURST_CONNECTIONS (default 1000) sets the opening-minute burst's clients.
 * Exits non-zero when a budget is exceeded or a guarantee fails (an overbooked slot, a 5xx).
 */
import { existsSync } from 'node:fs';
import { pageSizes } from './page-sizes';
import { staticThroughput } from './static-throughput';
import { islandSizes } from './island-sizes';
import { bookingLoad, type BookingFigures } from './booking-load';
import { openingBurst, type BurstFigures } from './burst';
import { burstRows } from './burst-table';

if (!existsSync('dist/server/entry.mjs')) {
  process.stderr.write('No build in dist/: run `npm run build` first.\n');
  process.exit(1);
}

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const appointments = Number(process.env.BENCH_APPOINTMENTS ?? 50_000);
const postgres = process.env.TEST_POSTGRES_URL || undefined;
const burstConnections = Number(process.env.BENCH_BURST_CONNECTIONS ?? 1000);

// Progress on stderr: a full run takes minutes, and stdout stays one JSON object and the table.
async function stage<T>(name: string, run: () => Promise<T>): Promise<T> {
  process.stderr.write(`bench: ${name}\n`);
  return run();
}
const sizes = pageSizes();
const islands = islandSizes();
const statics = await stage('static page, Node and nginx', () => staticThroughput(seconds));
const booking: BookingFigures[] = [await stage('booking load, PGlite', () => bookingLoad('pglite', seconds, { appointments }))];
if (postgres)
  booking.push(await stage('booking load, PostgreSQL', () => bookingLoad('postgres', seconds, { appointments, adminUrl: postgres })));
const burstOptions = { appointments, connections: burstConnections };
const burst: BurstFigures[] = [await stage('opening burst, PGlite', () => openingBurst('pglite', seconds, burstOptions))];
if (postgres)
  burst.push(await stage('opening burst, PostgreSQL x2', () => openingBurst('postgres', seconds, { ...burstOptions, adminUrl: postgres })));

const figures = { pageSizes: sizes, islands, staticThroughput: statics, booking, burst };
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n\n`);

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const rows: [string, string, string][] = [
  ['info page HTML+CSS, brotli: largest', kb(sizes.largestBytes), sizes.largestPath],
  ['info page HTML+CSS, brotli: median', kb(sizes.medianBytes), `budget ${kb(sizes.budgetBytes)}, ${sizes.overBudget.length} over`],
  ['booking island JS, gzip (with Preact)', kb(islands.bookingIslandGzipBytes), `budget ${kb(islands.bookingIslandBudgetBytes)}`],
  [
    'checklist island JS beyond Preact, gzip',
    kb(islands.checklistIslandBeyondPreactGzipBytes),
    `budget ${kb(islands.checklistIslandBudgetBytes)}`,
  ],
  ['referral island JS, gzip (with Preact)', kb(islands.referralIslandGzipBytes), `budget ${kb(islands.referralIslandBudgetBytes)}`],
  [
    'prerendered page, Node server',
    `${statics.node.requestsPerSecond} req/s`,
    `p50 ${statics.node.p50Ms} ms, p99 ${statics.node.p99Ms} ms`,
  ],
  ['same file, nginx', `${statics.nginx.requestsPerSecond} req/s`, `p50 ${statics.nginx.p50Ms} ms, p99 ${statics.nginx.p99Ms} ms`],
  ['Node / nginx', statics.ratio.toFixed(2), 'goal >= 0.5'],
  ...booking.flatMap((b): [string, string, string][] => [
    [
      `availability (${b.driver}, ${b.appointmentsSeeded} booked, 200 conn.)`,
      `${b.availability.requestsPerSecond} req/s`,
      `p50 ${b.availability.p50Ms} ms, p99 ${b.availability.p99Ms} ms (goal p99 <= 25 ms), ${b.availability.errors + b.availability.non2xx} errors`,
    ],
    [`bookings over HTTP (${b.driver})`, `${b.bookingsPerSecondHttp} /s`, ''],
    [`same inserts, plain SQL loop (${b.driver})`, `${b.bookingsPerSecondSql} /s`, `HTTP / SQL ${b.ratio.toFixed(2)} (goal >= 0.5)`],
  ]),
  ...burst.flatMap(burstRows),
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(width)}  ${value.padStart(12)}  ${note}\n`);
const overBudget =
  sizes.overBudget.length > 0 ||
  islands.bookingIslandGzipBytes > islands.bookingIslandBudgetBytes ||
  islands.checklistIslandBeyondPreactGzipBytes > islands.checklistIslandBudgetBytes ||
  islands.referralIslandGzipBytes > islands.referralIslandBudgetBytes;
const guaranteeFailed = burst.some((b) => !b.guaranteesHeld);
if (burst.some((b) => !b.guaranteeTested))
  process.stderr.write('\nNo booking landed in a burst: its overbooking check had nothing to check.\n');
if (guaranteeFailed) process.stderr.write('\nA guarantee failed under the burst: an overbooked slot or a 5xx answer (see "burst").\n');
process.exit(overBudget || guaranteeFailed ? 1 : 0);
