// @ts-check
/**
 * `npm run serve`: the built portal. Prerendered files come from memory (src/server/static-files.mjs),
 * everything else goes to Astro's handler; every response carries the security headers.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { applyPostgresWriteFix } from '../server/postgres-write-fix.mjs';
import { securityHeaders } from '../server/security-headers.mjs';
import { loadStaticFiles, serveStatic } from '../server/static-files.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const entry = path.join(root, 'dist/server/entry.mjs');
if (!existsSync(entry)) {
  process.stderr.write('No build found in dist/. Run `npm run build` first (or `npm start`, which builds).\n');
  process.exit(1);
}

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 4321);
const https = (process.env.PUBLIC_ORIGIN ?? '').startsWith('https:');
const headers = Object.entries(securityHeaders({ https }));
const files = loadStaticFiles(path.join(root, 'dist/client'));
// Before the server bundle loads the database driver: a PostgreSQL restart must not end the process.
applyPostgresWriteFix();
const { handler } = await import(entry);
const { startBackgroundJobs } = await import(path.join(root, 'dist/jobs.mjs'));

// No form or API of the portal takes more than a few kilobytes; refuse big bodies before anything
// reads them (Astro would buffer up to 1 GiB). The JSON API also counts streamed bytes itself.
const MAX_DECLARED_BODY = 256 * 1024;

const server = http.createServer((req, res) => {
  for (const [name, value] of headers) res.setHeader(name, value);
  if (serveStatic(files, req, res)) return;
  if (Number(req.headers['content-length'] ?? 0) > MAX_DECLARED_BODY) {
    const api = (req.url ?? '').startsWith('/api/');
    res.writeHead(413, { 'Content-Type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8', Connection: 'close' });
    res.end(api ? JSON.stringify({ error: { code: 'tooLarge', message: 'Request body too large.' } }) : 'Request body too large.\n');
    req.resume();
    return;
  }
  handler(req, res);
});
server.keepAliveTimeout = 5000;
server.listen(port, host, () => process.stdout.write(`Welcome Portal listening on http://${host}:${port}\n`));

// The mail worker starts once the database answers; until then it keeps trying.
/** @type {undefined | (() => Promise<void>)} */
let stopJobs;
const startJobs = () =>
  startBackgroundJobs().then(
    (/** @type {() => Promise<void>} */ stop) => (stopJobs = stop),
    (/** @type {unknown} */ error) => {
      process.stderr.write(`[jobs] could not start yet (${error instanceof Error ? error.message : error}); retrying in 5 s\n`);
      setTimeout(startJobs, 5000).unref();
    },
  );
startJobs();

// Let requests in flight finish on a normal stop (deploys, Ctrl-C).
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => void (stopJobs?.() ?? Promise.resolve()).finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
