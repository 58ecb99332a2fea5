// @ts-check
/**
 * Serves the prerendered site (dist/client) from memory: every file read once at start, with
 * the brotli and gzip copies the build made beside it, an ETag and a cache policy. People on
 * metered data get the smallest copy their browser takes; no disk access per request.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** @typedef {{ body: Buffer, br: Buffer | undefined, gzip: Buffer | undefined, type: string, etag: string, cacheControl: string }} StaticFile */

/** @param {string} urlPath */
function cacheControlFor(urlPath) {
  // Hashed names never change (Astro's assets, Pagefind's index pieces); the rest is
  // revalidated with its ETag, so a changed page is seen at once.
  if (urlPath.startsWith('/_astro/') || /\.pf_(fragment|index|meta)$/.test(urlPath)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=0, must-revalidate';
}

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** @param {string} file */
function readIfExists(file) {
  try {
    return statSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** @param {string} root @returns {Map<string, StaticFile>} */
export function loadStaticFiles(root) {
  /** @type {Map<string, StaticFile>} */
  const files = new Map();
  for (const file of walk(root)) {
    if (file.endsWith('.br') || file.endsWith('.gz')) continue;
    const urlPath = '/' + path.relative(root, file).split(path.sep).join('/');
    const body = readFileSync(file);
    files.set(urlPath, {
      body,
      br: readIfExists(`${file}.br`),
      gzip: readIfExists(`${file}.gz`),
      type: TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file))] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
      cacheControl: cacheControlFor(urlPath),
    });
  }
  return files;
}

/**
 * @param {Map<string, StaticFile>} files
 * @param {string} pathname a decoded URL path
 * @returns {{ file: StaticFile } | { redirect: string } | undefined}
 */
export function lookup(files, pathname) {
  const direct = pathname.endsWith('/') ? files.get(`${pathname}index.html`) : files.get(pathname);
  if (direct) return { file: direct };
  if (!pathname.endsWith('/') && files.has(`${pathname}/index.html`)) return { redirect: `${pathname}/` };
  return undefined;
}

/**
 * Answers the request when a static file matches; returns false to let the app handle it.
 * @param {Map<string, StaticFile>} files
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function serveStatic(files, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let url;
  try {
    url = new URL(req.url ?? '/', 'http://portal');
  } catch {
    // "//" and a host that is no host ("//%ED%BB%90/"): no file, and never a crash.
    return false;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  const found = lookup(files, pathname);
  if (!found) return false;
  if ('redirect' in found) {
    res.writeHead(301, { Location: found.redirect + url.search });
    res.end();
    return true;
  }
  const { file } = found;
  const headers = { 'Content-Type': file.type, ETag: file.etag, 'Cache-Control': file.cacheControl, Vary: 'Accept-Encoding' };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  const accepts = String(req.headers['accept-encoding'] ?? '');
  let body = file.body;
  if (file.br && /\bbr\b/.test(accepts)) {
    body = file.br;
    Object.assign(headers, { 'Content-Encoding': 'br' });
  } else if (file.gzip && /\bgzip\b/.test(accepts)) {
    body = file.gzip;
    Object.assign(headers, { 'Content-Encoding': 'gzip' });
  }
  res.writeHead(200, { ...headers, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
