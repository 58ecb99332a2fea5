/**
 * `npm run bench`: the portal's budgets and load figures, printed as one JSON object and a
 * readable table. Loopback only, every load bounded in time. Needs a build (`npm run build`).
 * BENCH_SECONDS (default 10) sets each load's length; TEST_POSTGRES_URL adds PostgreSQL runs.
 */
import { existsSync } from 'node:fs';
import { pageSizes } from './page-sizes';
import { staticThroughput } from './static-throughput';
import { islandSizes } from './island-sizes';
import { bookingLoad, type BookingFigures } from './booking-load';

if (!existsSync('dist/server/entry.mjs')) {
  process.stderr.write('No build in dist/: run `npm run build` first.\n');
  process.exit(1);
}

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const appointments = Number(process.env.BENCH_APPOINTMENTS ?? 50_000);
const postgres = process.env.TEST_POSTGRES_URL || undefined;

const sizes = pageSizes();
const islands = islandSizes();
const statics = await staticThroughput(seconds);
const booking: BookingFigures[] = [await bookingLoad('pglite', seconds, { appointments })];
if (postgres) booking.push(await bookingLoad('postgres', seconds, { appointments, adminUrl: postgres }));

const figures = { pageSizes: sizes, islands, staticThroughput: statics, booking };
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
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(width)}  ${value.padStart(12)}  ${note}\n`);
const overBudget =
  sizes.overBudget.length > 0 ||
  islands.bookingIslandGzipBytes > islands.bookingIslandBudgetBytes ||
  islands.checklistIslandBeyondPreactGzipBytes > islands.checklistIslandBudgetBytes ||
  islands.referralIslandGzipBytes > islands.referralIslandBudgetBytes;
process.exit(overBudget ? 1 : 0);
