/**
 * `npm run bench`: the portal's budgets and throughput figures, printed as one JSON object and a
 * readable table. Loopback only, every load bounded in time. Needs a build (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { pageSizes } from './page-sizes';
import { staticThroughput } from './static-throughput';

if (!existsSync('dist/server/entry.mjs')) {
  process.stderr.write('No build in dist/: run `npm run build` first.\n');
  process.exit(1);
}

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const figures = {
  pageSizes: pageSizes(),
  staticThroughput: await staticThroughput(seconds),
};

process.stdout.write(`${JSON.stringify(figures, null, 2)}\n\n`);
const rows: [string, string, string][] = [
  ['info page HTML+CSS, brotli: largest', `${(figures.pageSizes.largestBytes / 1024).toFixed(1)} KB`, figures.pageSizes.largestPath],
  [
    'info page HTML+CSS, brotli: median',
    `${(figures.pageSizes.medianBytes / 1024).toFixed(1)} KB`,
    `budget ${figures.pageSizes.budgetBytes / 1024} KB, ${figures.pageSizes.overBudget.length} over`,
  ],
  [
    'prerendered page, Node server',
    `${figures.staticThroughput.node.requestsPerSecond} req/s`,
    `p50 ${figures.staticThroughput.node.p50Ms} ms, p99 ${figures.staticThroughput.node.p99Ms} ms`,
  ],
  [
    'same file, nginx',
    `${figures.staticThroughput.nginx.requestsPerSecond} req/s`,
    `p50 ${figures.staticThroughput.nginx.p50Ms} ms, p99 ${figures.staticThroughput.nginx.p99Ms} ms`,
  ],
  ['Node / nginx', figures.staticThroughput.ratio.toFixed(2), 'goal >= 0.5'],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(width)}  ${value.padStart(12)}  ${note}\n`);
const failed = figures.pageSizes.overBudget.length > 0;
process.exit(failed ? 1 : 0);
