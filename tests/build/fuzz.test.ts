/**
 * Hostile input (issue "Resilience, security and load"): property-based fuzzing of every public
 * endpoint and form of the built portal. fast-check generates the requests: wrong types, huge
 * strings, unicode edge cases (bidi controls, lone surrogates, NUL), SQL and HTML injection,
 * malformed JSON and form encodings, bodies over 16 KB, wrong content types. Whatever comes in,
 * no answer may be a 5xx, an HTML page must keep injected markup inert, an API answer must be
 * JSON and a redirect must stay on the portal. Valid bodies with injection in every text field
 * are booked, referred and registered too, and must come back escaped where they are shown: the
 * form re-rendered, the confirmation mail, the counsellor's and the volunteer's pages.
 *
 * The file starts its own server (own database, staff accounts, an SMTP peer, limits raised,
 * X-Forwarded-For trusted so that the per-address limits of referrals and sign-ins do not stop
 * bodies before the deep code), so the data and limits it uses disturb no other test. The
 * summary at the end gives each route's answers by status and the server's CPU time (the figure
 * to watch when changing the counts). FUZZ_SEED=<n> replays a run; FUZZ_SHRINK=1 lets fast-check
 * shrink a failing batch (slow: it replays requests against a server whose state moved on).
 */
import { generateTOTP } from '@oslojs/otp';
import fc from 'fast-check';
import type { ParsedMail } from 'mailparser';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS } from '../../src/domain/booking-schema';
import { CONTACT_WAYS, TOPICS, URGENCIES } from '../../src/domain/referrals/referral-schema';
import { LANGUAGE_CODES } from '../../src/i18n/languages';
import { freePort, startServer, type RunningServer } from '../support/server';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';
import { TEST_STAFF, TEST_TOTP_KEY } from '../support/staff-accounts';

/** Every injection payload carries this mark, so a payload that comes back can be traced. */
const MARK = 'fz7331';
/** Requests in flight at once: one batch of a property run. */
const BATCH = 12;
const MIN_TOTAL = 10_000;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

// ---------------------------------------------------------------------------------------------
// Is this HTML inert? A small tokenizer: tags, attributes, raw-text elements, comments.
// ---------------------------------------------------------------------------------------------

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'background', 'xlink:href', 'ping', 'cite']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'cid']);
/** Attributes where a person's own words may show up (escaped), e.g. a form field's value. */
const TEXT_ATTRIBUTES = new Set(['value', 'title', 'alt', 'placeholder', 'aria-label']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** Elements the portal never renders: one showing up was injected. */
const FOREIGN = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'math']);
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n' };

interface Tag {
  name: string;
  attributes: [string, string][];
  start: number;
  end: number;
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, entity: string) => {
    if (!entity.startsWith('#')) return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
  });
}

/**
 * Browsers drop control characters and whitespace inside a scheme ("java\tscript:" runs). An
 * image may be a data: URL (the mails' QR code, as the mail parser inlines it): no script runs.
 */
function unsafeUrl(tag: string, value: string): boolean {
  const url = decodeEntities(value).replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme === null || SAFE_SCHEMES.has((scheme[1] ?? '').toLowerCase())) return false;
  return !(tag === 'img' && /^data:image\/(png|gif|jpeg|webp);/i.test(url));
}

const TAG_HEAD = /<([a-zA-Z][^\s/>]*)/y;
const TAG_CLOSE = /[\s/]*>/y;
const ATTRIBUTE = /[\s/]*([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/y;
const CLOSING = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

function readTag(html: string, start: number): Tag | undefined {
  TAG_HEAD.lastIndex = start;
  const name = TAG_HEAD.exec(html)?.[1]?.toLowerCase();
  if (name === undefined) return undefined;
  const attributes: [string, string][] = [];
  let i = TAG_HEAD.lastIndex;
  for (;;) {
    TAG_CLOSE.lastIndex = i;
    if (TAG_CLOSE.exec(html)) return { name, attributes, start, end: TAG_CLOSE.lastIndex };
    ATTRIBUTE.lastIndex = i;
    const found = ATTRIBUTE.exec(html);
    if (!found || ATTRIBUTE.lastIndex === i) return { name, attributes, start, end: html.length };
    attributes.push([(found[1] ?? '').toLowerCase(), found[2] ?? found[3] ?? found[4] ?? '']);
    i = ATTRIBUTE.lastIndex;
  }
}

function tagProblem(tag: Tag): string | undefined {
  if (FOREIGN.has(tag.name)) return `a <${tag.name}> element`;
  for (const [name, value] of tag.attributes) {
    if (name.startsWith('on')) return `an event handler attribute ${name}= on <${tag.name}>`;
    if (name.includes(MARK)) return `an injected attribute ${name} on <${tag.name}>`;
    if (URL_ATTRIBUTES.has(name)) {
      if (unsafeUrl(tag.name, value)) return `a ${name}="${value.slice(0, 80)}" on <${tag.name}>`;
    } else if (value.includes(MARK) && !TEXT_ATTRIBUTES.has(name) && !/^(data|aria)-/.test(name))
      return `injected text in the ${name}= attribute of <${tag.name}>`;
  }
  return undefined;
}

/** Scripts are either JSON data (which must still parse) or same-origin files: nothing inline. */
function rawTextProblem(tag: Tag, content: string): string | undefined {
  const attrs = new Map(tag.attributes);
  if (tag.name === 'script') {
    if (attrs.get('type') === 'application/json') {
      try {
        JSON.parse(content);
        return undefined;
      } catch {
        return 'a JSON data block that no longer parses (something broke out of it)';
      }
    }
    const src = attrs.get('src') ?? '';
    if (!src.startsWith('/') || src.startsWith('//')) return `a script that is not one of the portal's files (src="${src}")`;
    if (content.trim()) return 'inline script content';
  }
  if (tag.name === 'style' && content.includes(MARK)) return 'injected text in a <style> element';
  return undefined;
}

function excerpt(html: string, at: number): string {
  return JSON.stringify(html.slice(Math.max(0, at - 60), at + 140));
}

/** Undefined when the page is inert, else what is wrong and where. */
function unsafeMarkup(html: string): string | undefined {
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (html.slice(i, end === -1 ? undefined : end).includes(MARK)) return `an injected comment at ${excerpt(html, i)}`;
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = readTag(html, i);
    if (!tag) {
      i += 1;
      continue;
    }
    const problem = tagProblem(tag);
    if (problem) return `${problem} at ${excerpt(html, i)}`;
    i = tag.end;
    if (!RAW_TEXT.has(tag.name)) continue;
    const closing = CLOSING.get(tag.name) ?? /$/g;
    closing.lastIndex = i;
    const end = closing.exec(html)?.index ?? html.length;
    const raw = rawTextProblem(tag, html.slice(i, end));
    if (raw) return `${raw} at ${excerpt(html, tag.start)}`;
    i = end;
  }
  return undefined;
}

/** CPU seconds the server process used (Linux); a figure that does not depend on other load. */
function serverCpuSeconds(): number {
  try {
    const fields = readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The payload as it may appear escaped: each of < > " ' & as an entity (or > and quotes as is). */
function escapedPattern(payload: string): RegExp {
  const forms: Record<string, string> = {
    '<': '(?:&lt;|&#0*60;|&#x0*3c;|\\\\u003c)',
    '>': '(?:>|&gt;|&#0*62;|&#x0*3e;)',
    '"': '(?:"|&quot;|&#0*34;|&#x0*22;)',
    "'": "(?:'|&apos;|&#0*39;|&#x0*27;)",
    '&': '(?:&amp;|&#0*38;|&#x0*26;)',
  };
  const source = [...payload].map((c) => forms[c] ?? c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('');
  return new RegExp(source, 'i');
}

// ---------------------------------------------------------------------------------------------
// What is sent: probes, and how one is checked.
// ---------------------------------------------------------------------------------------------

interface Payload {
  contentType?: string;
  body: string | Uint8Array<ArrayBuffer>;
  /** Sent as a stream, without Content-Length (chunked), to reach the streaming size limit. */
  chunked?: boolean;
}

interface Probe {
  /** The route, as the report names it ("POST /api/waitlist"). */
  endpoint: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  payload?: Payload;
  /** An API route: the answer must be JSON, whatever came in. */
  json: boolean;
}

interface Verdict {
  probe: Probe;
  status: number;
  problem: string | undefined;
}

let server: RunningServer;
let smtp: SmtpPeer;
/**
 * Per endpoint: bodies sent, time spent waiting, the server's CPU time (the figure to watch when
 * tuning the counts: it does not depend on other load), answers by status (how many got past
 * validation).
 */
const stats = new Map<string, { sent: number; ms: number; cpu: number; statuses: Map<number, number> }>();

function tally(endpoint: string, status: number, ms: number): void {
  const entry = stats.get(endpoint) ?? { sent: 0, ms: 0, cpu: 0, statuses: new Map<number, number>() };
  entry.sent += 1;
  entry.ms += ms;
  entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
  stats.set(endpoint, entry);
}

function summary(): string {
  const rows = [...stats.entries()].map(([endpoint, { sent, ms, cpu, statuses }]) => {
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    const perBody = `${String(Math.round(ms / sent)).padStart(4)} ms, server CPU ${cpu.toFixed(1).padStart(4)} s`;
    return `${String(sent).padStart(6)}  ${endpoint.padEnd(42)} ${perBody}  ${byStatus.join(' ')}`;
  });
  return rows.join('\n');
}

const OVERSIZE = 16 * 1024;
const encode = (text: string) => new TextEncoder().encode(text);
const byteSize = (payload: Payload | undefined) =>
  payload === undefined ? 0 : typeof payload.body === 'string' ? Buffer.byteLength(payload.body) : payload.body.length;

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) goes out as its three
 * WTF-8 bytes: invalid UTF-8 on the wire, as a hostile client would send it.
 */
function enc(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0xd800 || code > 0xdfff) out += encodeURIComponent(char);
    else
      for (const byte of [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)])
        out += `%${byte.toString(16).toUpperCase()}`;
  }
  return out;
}

const query = (values: Record<string, string | undefined>) =>
  Object.entries(values)
    .flatMap(([k, v]) => (v === undefined ? [] : [`${enc(k)}=${enc(v)}`]))
    .join('&');
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

function showBody(payload: Payload | undefined): string {
  if (!payload) return '(none)';
  if (typeof payload.body === 'string') return JSON.stringify(clip(payload.body, 400));
  const hex = Buffer.from(payload.body.subarray(0, 120)).toString('hex');
  return `bytes ${hex}${payload.body.length > 120 ? `… (${payload.body.length} bytes)` : ''}`;
}

function report(verdicts: Verdict[]): string {
  const lines = verdicts.map(({ probe, status, problem }) => {
    const type = probe.payload?.contentType ?? '(no content type)';
    return [
      `${probe.method} ${clip(probe.path, 300)} → ${status || 'no answer'}: ${problem}`,
      `  endpoint: ${probe.endpoint}; content type: ${type}${probe.payload?.chunked ? ' (chunked)' : ''}`,
      `  headers: ${JSON.stringify(probe.headers)}`,
      `  body: ${showBody(probe.payload)}`,
    ].join('\n');
  });
  const log = server
    .output()
    .split('\n')
    .filter((l) => /error|failed/i.test(l))
    .slice(-12)
    .join('\n');
  return `${lines.join('\n')}\n\nserver log (last error lines):\n${log || '(none)'}`;
}

function streamOf(body: string | Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  const bytes = typeof body === 'string' ? encode(body) : body;
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.subarray(i, i + 4096));
      controller.close();
    },
  });
}

function requestInit(probe: Probe): RequestInit & { duplex?: 'half' } {
  const headers = { ...probe.headers, ...(probe.payload?.contentType ? { 'Content-Type': probe.payload.contentType } : {}) };
  const init: RequestInit & { duplex?: 'half' } = {
    method: probe.method,
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  };
  if (probe.payload) {
    init.body = probe.payload.chunked ? streamOf(probe.payload.body) : probe.payload.body;
    if (probe.payload.chunked) init.duplex = 'half';
  }
  return init;
}

function problemOf(probe: Probe, response: Response, text: string): string | undefined {
  if (response.status >= 500) return `status ${response.status}`;
  // Node itself refuses headers over 16 KB (a fuzzed URL that long) before the portal sees them.
  if (response.status === 431 && probe.path.length > 8000) return undefined;
  const location = response.headers.get('location');
  if (location !== null && URL.parse(location, server.url)?.origin !== server.url) return `a redirect off the portal to ${location}`;
  const type = response.headers.get('content-type') ?? '';
  if (probe.json && !type.startsWith('application/json')) return `an API answer with Content-Type "${type}"`;
  if (type.startsWith('application/json')) {
    try {
      JSON.parse(text);
    } catch {
      return `JSON that does not parse: ${JSON.stringify(text.slice(0, 200))}`;
    }
  }
  if (type.startsWith('text/html')) return unsafeMarkup(text);
  return undefined;
}

async function send(probe: Probe): Promise<Verdict> {
  const started = performance.now();
  try {
    const response = await fetch(server.url + probe.path, requestInit(probe));
    const text = await response.text();
    tally(probe.endpoint, response.status, performance.now() - started);
    return { probe, status: response.status, problem: problemOf(probe, response, text) };
  } catch (error) {
    // The server may drop an oversize upload's connection instead of reading it: that request
    // may see a reset (never another one, which the 413's "Connection: close" protects).
    tally(probe.endpoint, 0, performance.now() - started);
    if (byteSize(probe.payload) > OVERSIZE) return { probe, status: 0, problem: undefined };
    const cause = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
    return { probe, status: 0, problem: `no answer: ${cause}` };
  }
}

/**
 * Runs `bodies` generated probes, a batch of BATCH in flight at a time. Without FUZZ_SHRINK a
 * failing batch ends the run at once, reported request by request (shrinking replays requests
 * against a server whose state has moved on, and takes long).
 */
async function fuzz(probes: fc.Arbitrary<Probe>, bodies: number): Promise<void> {
  const property = fc.asyncProperty(fc.array(probes, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
    const failed = (await Promise.all(batch.map(send))).filter((v) => v.problem !== undefined);
    if (failed.length > 0) throw new Error(`${failed.length} of ${batch.length} requests failed:\n${report(failed)}`);
  });
  await fc.assert(property, {
    numRuns: Math.ceil(bodies / BATCH),
    endOnFailure: process.env.FUZZ_SHRINK !== '1',
    ...(SEED !== undefined ? { seed: SEED } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Hostile text and values.
// ---------------------------------------------------------------------------------------------

const INJECTIONS = [
  `<script>alert('${MARK}')</script>`,
  `"><script>alert('${MARK}')</script>`,
  `'><img src=x onerror=alert('${MARK}')>`,
  `<img src="x" onerror="alert('${MARK}')">`,
  `<svg/onload=alert('${MARK}')>`,
  `javascript:alert('${MARK}')`,
  `" onmouseover="alert('${MARK}')" x="`,
  `' autofocus onfocus='alert("${MARK}")`,
  `</script><script>alert('${MARK}')</script>`,
  `</textarea><script>alert('${MARK}')</script>`,
  `</title><script>alert('${MARK}')</script>`,
  `<a href="javascript:alert('${MARK}')">${MARK}</a>`,
  `<a href="jav&#x09;ascript:alert('${MARK}')">${MARK}</a>`,
  `<iframe src="javascript:alert('${MARK}')"></iframe>`,
  `<base href="//evil.example/${MARK}/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('${MARK}')">`,
  `<b data-${MARK}>bold</b>`,
  `<!--${MARK}`,
  `<style>body{background:url("javascript:alert('${MARK}')")}</style>`,
  `{{constructor.constructor('alert("${MARK}")')()}}`,
  `$t(booking:title) {{${MARK}}} \${alert('${MARK}')}`,
  `\u2028\u2029<script>alert('${MARK}')</script>`,
];
const SQL = [
  `' OR '1'='1`,
  `'; DROP TABLE appointments; --`,
  `1; SELECT pg_sleep(10) --`,
  `' UNION SELECT password_hash, email FROM users --`,
  `\\'; --`,
  `$1`,
  `'||(select version())||'`,
  `E'\\x00'`,
  `%27%20OR%201%3D1`,
];
const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0008\u001b\u007f\u0085',
  '\u200f',
  '\u200e',
  '\u202e',
  '\u202d',
  '\u2066\u2067\u2068\u2069',
  '\u061c',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '\ufeff',
  '\uffff\ufffe',
  '\u{1f600}',
  '\u{10ffff}',
  'a\u0301\u0301\u0301\u0301',
  '\u00a0\u2003\u3000',
  'ﷺ',
  'عربي\u202eabc',
  '\r\n',
  '\t',
  '🏳️‍🌈',
  'İı',
  'ß',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const atom = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...SQL) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: loneSurrogate },
);
/** Huge strings: over any field's limit, some over the 16 KB body limit on their own. */
const huge = fc
  .tuple(fc.constantFrom('A', 'ب', '😀', '<', '\u202e', '\u0000', `<script>${MARK}`), fc.integer({ min: 150, max: 12_000 }))
  .map(([unit, n]) => unit.repeat(n));
const hostileText = fc.oneof(
  { weight: 8, arbitrary: fc.array(atom, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: huge },
);
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
/** A JSON field: mostly a plausible value, often hostile text, sometimes the wrong type. */
const field = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 3, arbitrary: hostileText }, { weight: 2, arbitrary: wrongType });
/** For URLs: mostly short enough for Node to take (16 KB of headers), now and then not. */
const urlText = fc.oneof({ weight: 12, arbitrary: hostileText.map((t) => t.slice(0, 1000)) }, { weight: 1, arbitrary: hostileText });
/** A query parameter: mostly plausible, often hostile. */
const queryField = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 5, arbitrary: valid }, { weight: 4, arbitrary: urlText });
/** A form field is always text: mostly plausible, often hostile. */
const formField = (valid: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: fc.integer().map(String) });
/** Header values must be byte strings without CR, LF or NUL; anything else goes. */
const headerText = fc
  .string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 60,
  })
  .map((s) => s.trim());
const acceptLanguage = fc.oneof(
  fc.constantFrom('ar', 'fa-IR,fa;q=0.9', 'de-simple', '*', 'xx', 'en;q=abc', ',,;;q=', 'ar;q=1e309'),
  headerText,
);
const injection = fc.constantFrom(...INJECTIONS);
/** An injection that still passes as a name (2 to 120 characters). */
const injectedName = fc.oneof(
  injection,
  fc.tuple(injection, fc.constantFrom(...UNICODE)).map(([a, b]) => `${a}${b}`),
);
const injectedEmail = fc.tuple(injection, fc.nat()).map(([payload, n]) => `${payload.replace(/[\s@]/g, '').slice(0, 80)}.${n}@example.org`);
const isoLike = fc.oneof(
  fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/),
  fc.constantFrom('2026-02-30T10:00:00+01:00', '9999-12-31T23:59:00-23:59', '0000-01-01T00:00Z', '2026-03-29T02:30:00+01:00', ''),
);
const DAY_MS = 86_400_000;
const dateLike = fc.oneof(
  // Days around now, where there are free times to compute.
  fc
    .date({ min: new Date(Date.now() - 10 * DAY_MS), max: new Date(Date.now() + 120 * DAY_MS), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('9999-12-31', '9999-09-30', '2028-02-29', '2026-02-29', '0000-00-00', '2026-13-01', '1000-01-01', '0100-01-01'),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
);
const numberLike = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 6 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 130 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-0', '1e2', '0x10', ' 7', '7.5', 'NaN', 'Infinity', '', '9'.repeat(400), '1e309') },
);
const randomIp = fc.ipV4();

// ---------------------------------------------------------------------------------------------
// Bodies: JSON (with the wrong ways to send it) and forms.
// ---------------------------------------------------------------------------------------------

const MALFORMED_JSON = [
  '{"service":',
  "{'service':'blue-card'}",
  '{"a":1,}',
  'NaN',
  'undefined',
  '\ufeff{}',
  '{"a":1}{"b":2}',
  '',
  ' ',
  '[' + '['.repeat(6000),
  '['.repeat(5000) + ']'.repeat(5000),
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
  '"\\u0000"',
  '{"name":"\\ud800\\udc00\\ud800"}',
];

const json = (value: unknown): Payload => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' });

/** The shapes a JSON endpoint may be sent, around a generator of (mostly plausible) objects. */
function jsonPayloads(objects: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Payload> {
  const truncated = fc.tuple(objects, fc.nat()).map(([o, n]) => {
    const text = JSON.stringify(o);
    return { contentType: 'application/json', body: text.slice(0, n % Math.max(1, text.length)) };
  });
  const withExtras = fc
    .tuple(objects, fc.dictionary(fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor')), wrongType, { maxKeys: 3 }))
    .map(([o, extra]) => json({ ...extra, ...o }));
  const oversize = fc.tuple(objects, fc.integer({ min: 16_400, max: 40_000 }), fc.boolean()).map(([o, n, chunked]) => ({
    ...json({ ...o, padding: 'x'.repeat(n) }),
    ...(chunked ? { chunked: true } : {}),
  }));
  const wrongContentType = fc
    .tuple(
      objects,
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'text/json',
        'APPLICATION/JSON',
        'application/json; charset=utf-16',
        '',
      ),
    )
    .map(([o, type]) => (type ? { contentType: type, body: JSON.stringify(o) } : { body: encode(JSON.stringify(o)) }));
  const badBytes = fc.uint8Array({ maxLength: 300 }).map((bytes) => ({
    contentType: 'application/json',
    body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, ...bytes]),
  }));
  return fc.oneof(
    { weight: 10, arbitrary: objects.map(json) },
    { weight: 3, arbitrary: withExtras },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
    { weight: 1, arbitrary: truncated },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON).map((body) => ({ contentType: 'application/json', body })) },
    { weight: 1, arbitrary: oversize },
    { weight: 2, arbitrary: wrongContentType },
    { weight: 1, arbitrary: badBytes },
  );
}

type FormFields = Record<string, fc.Arbitrary<string>>;

/** Field name → one or two values (repeated fields), any field possibly missing, extra junk fields. */
function formPairs(fields: FormFields): fc.Arbitrary<[string, string][]> {
  const present = fc.record(
    Object.fromEntries(Object.entries(fields).map(([name, valid]) => [name, fc.array(formField(valid), { minLength: 1, maxLength: 2 })])),
    { requiredKeys: [] },
  );
  const extras = fc.array(fc.tuple(hostileText, hostileText), { maxLength: 2 });
  return fc
    .tuple(present, extras)
    .map(([values, junk]) => [
      ...Object.entries(values).flatMap(([name, list]) => (list ?? []).map((v): [string, string] => [name, v])),
      ...junk,
    ]);
}

const MALFORMED_FORMS = ['%', '%zz', 'name=%E0%A4%A', 'name=%ED%A0%80', '&&==&=', '=x', 'name', 'a=1&a=2&a=3', 'name=%00%00', '%%%%'];

function multipart(pairs: [string, string][], boundary: string, broken: boolean): Payload {
  const parts = pairs.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: `${parts.join('')}${broken ? '' : `--${boundary}--\r\n`}` };
}

/** The shapes a form may be posted: urlencoded (also broken), multipart, JSON, oversize. */
function formPayloads(pairs: fc.Arbitrary<[string, string][]>): fc.Arbitrary<Payload> {
  const encoded = (p: [string, string][]) => p.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const urlencoded = (p: [string, string][]): Payload => ({ contentType: 'application/x-www-form-urlencoded', body: encoded(p) });
  const oversize = fc
    .tuple(pairs, fc.integer({ min: 17_000, max: 60_000 }))
    .map(([p, n]) => urlencoded([...p, ['padding', 'x'.repeat(n)]]));
  return fc.oneof(
    { weight: 12, arbitrary: pairs.map(urlencoded) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...MALFORMED_FORMS), pairs)
        .map(([junk, p]) => ({ contentType: 'application/x-www-form-urlencoded', body: `${junk}&${encoded(p)}` })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(pairs, fc.oneof(fc.constant('fz'), headerText), fc.boolean()).map(([p, b, broken]) => multipart(p, b, broken)),
    },
    { weight: 1, arbitrary: pairs.map((p) => ({ contentType: 'text/plain', body: encoded(p) })) },
    { weight: 1, arbitrary: pairs.map((p) => json(Object.fromEntries(p))) },
    { weight: 1, arbitrary: oversize },
  );
}

// ---------------------------------------------------------------------------------------------
// The portal as the fuzzer sees it: ids, free times and manage tokens from the running server.
// ---------------------------------------------------------------------------------------------

interface World {
  services: string[];
  locations: string[];
  /** Free (service, location, start) triples to book. */
  slots: { service: string; location: string; start: string }[];
  /** Manage tokens: `keep` is never cancelled (moves only), `cancel` may be. */
  keep: string;
  cancel: string[];
}

let world: World;
/** A stand-in to list the plan's names before the server runs (never sent). */
const EMPTY_WORLD: World = {
  services: ['x'],
  locations: ['x'],
  slots: [{ service: 'x', location: 'x', start: 'x' }],
  keep: 'x',
  cancel: ['x'],
};

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

/**
 * Same-origin (as a browser posting the portal's own form sends), a client address per request
 * (TRUST_PROXY is on: per-address limits must not stop bodies before the deep code), and now
 * and then a hostile Accept-Language.
 */
function baseHeaders(): fc.Arbitrary<Record<string, string>> {
  return fc.tuple(fc.option(acceptLanguage, { nil: undefined }), randomIp).map(([language, ip]) => ({
    Origin: server.url,
    'X-Forwarded-For': ip,
    ...(language ? { 'Accept-Language': language } : {}),
  }));
}

function post(endpoint: string, path: fc.Arbitrary<string>, payloads: fc.Arbitrary<Payload>, isJson: boolean): fc.Arbitrary<Probe> {
  return fc
    .tuple(path, payloads, baseHeaders())
    .map(([p, payload, headers]) => ({ endpoint, method: 'POST' as const, path: p, headers, payload, json: isJson }));
}

function get(endpoint: string, path: fc.Arbitrary<string>, isJson = false): fc.Arbitrary<Probe> {
  return fc.tuple(path, baseHeaders()).map(([p, headers]) => ({ endpoint, method: 'GET' as const, path: p, headers, json: isJson }));
}

/** A manage token: a real one, a plausible fake, or hostile text. */
const tokenArb = (real: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: pick(real) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z2-7]{20,64}$/) },
    { weight: 4, arbitrary: urlText },
  );

// --- JSON bodies per endpoint ---

function bookingObjects(w: World): fc.Arbitrary<Record<string, unknown>> {
  const loose = fc.record(
    {
      service: field(pick(w.services)),
      location: field(pick(w.locations)),
      start: field(fc.oneof(pick(w.slots.map((s) => s.start)), isoLike)),
      persons: field(fc.integer({ min: -2, max: 9 })),
      name: field(fc.oneof(injectedName, fc.constant('Ada Lovelace'))),
      email: field(fc.oneof(injectedEmail, fc.constant('fuzz@example.org'))),
      phone: field(fc.constantFrom('+49 170 1234567', '', '(0)30/123-45')),
      language: field(pick(LANGUAGE_CODES)),
      needs: field(fc.subarray([...NEEDS, 'rocket'])),
      checklist: field(
        fc.dictionary(fc.constantFrom('married', 'work', 'x'.repeat(40)), fc.constantFrom('yes', 'employed', 'y'.repeat(40))),
      ),
      website: field(fc.constant('')),
      forClient: field(fc.boolean()),
    },
    { requiredKeys: [] },
  );
  // Bookable bodies with injection in every free text field: they must be stored and shown inert.
  const bookable = fc
    .record({
      slot: pick(w.slots),
      name: injectedName,
      email: injectedEmail,
      language: pick(LANGUAGE_CODES),
      needs: fc.subarray([...NEEDS]),
    })
    .map(({ slot, ...rest }) => ({ service: slot.service, location: slot.location, start: slot.start, ...rest }));
  return fc.oneof({ weight: 7, arbitrary: loose }, { weight: 1, arbitrary: bookable });
}

function waitlistObjects(w: World): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      service: field(pick(w.services)),
      location: field(pick(w.locations)),
      email: field(fc.oneof(injectedEmail, fc.constant('wait@example.org'))),
      language: field(pick(LANGUAGE_CODES)),
    },
    { requiredKeys: [] },
  );
}

function referralObjects(w: World): fc.Arbitrary<Record<string, unknown>> {
  const loose = fc.record(
    {
      topics: field(fc.subarray([...TOPICS, 'rocket'])),
      urgency: field(pick(URGENCIES)),
      language: field(pick(LANGUAGE_CODES)),
      contactWay: field(pick(CONTACT_WAYS)),
      centre: field(pick(w.locations)),
      interpreter: field(fc.boolean()),
      name: field(injectedName),
      email: field(injectedEmail),
      phone: field(fc.constantFrom('+49 170 1234567', '')),
      message: field(fc.oneof(hostileText, injection)),
      consent: field(fc.constant(true)),
      consentVersion: field(fc.constantFrom(1, 2)),
      lang: field(pick(LANGUAGE_CODES)),
      forClient: field(fc.boolean()),
    },
    { requiredKeys: [] },
  );
  // Valid referrals with injection in name, message and e-mail: they reach the database and mails.
  const valid = fc
    .record({
      topics: fc.subarray([...TOPICS], { minLength: 1 }),
      urgency: pick(URGENCIES),
      language: pick(LANGUAGE_CODES),
      name: injectedName,
      email: injectedEmail,
      message: fc.oneof(
        injection,
        hostileText.map((t) => t.slice(0, 3000)),
      ),
    })
    .map((r) => ({ ...r, contactWay: 'email', consent: true, consentVersion: 1 }));
  return fc.oneof({ weight: 3, arbitrary: loose }, { weight: 1, arbitrary: valid });
}

// --- form fields per form ---

function bookingForm(w: World): FormFields {
  return {
    service: pick(w.services),
    location: pick(w.locations),
    start: fc.oneof(pick(w.slots.map((s) => s.start)), isoLike),
    persons: numberLike,
    name: injectedName,
    email: injectedEmail,
    phone: fc.constantFrom('+49 170 1234567', ''),
    language: pick(LANGUAGE_CODES),
    needs: pick([...NEEDS]),
    married: fc.constantFrom('yes', 'no'),
    work: fc.constantFrom('employed', 'none'),
    website: fc.constant(''),
    consent: fc.constant('yes'),
  };
}

/** Sometimes a complete booking form for a free time: the no-JS flow books, then redirects. */
function bookingFormPairs(w: World): fc.Arbitrary<[string, string][]> {
  const complete = fc.tuple(pick(w.slots), injectedName, injectedEmail).map(([slot, name, email]): [string, string][] => [
    ['service', slot.service],
    ['location', slot.location],
    ['start', slot.start],
    ['name', name],
    ['email', email],
  ]);
  return fc.oneof({ weight: 5, arbitrary: formPairs(bookingForm(w)) }, { weight: 1, arbitrary: complete });
}

/** Sometimes a complete, valid request (with injection in name and message): it is sent, then redirects. */
function referralFormPairs(w: World): fc.Arbitrary<[string, string][]> {
  const complete = fc
    .tuple(pick(TOPICS), pick(URGENCIES), injectedName, injectedEmail, fc.oneof(injection, hostileText))
    .map(([topic, urgency, name, email, message]): [string, string][] => [
      ['topics', topic],
      ['urgency', urgency],
      ['contactWay', 'email'],
      ['name', name],
      ['email', email],
      ['message', message],
      ['consent', 'yes'],
      ['consentVersion', '1'],
    ]);
  return fc.oneof({ weight: 4, arbitrary: formPairs(referralForm(w)) }, { weight: 1, arbitrary: complete });
}

/** Mostly broken registrations; now and then a complete one (argon2 and all) with injected name and address. */
const registerPairs = fc.oneof(
  {
    weight: 3,
    arbitrary: formPairs({
      email: injectedEmail,
      name: injectedName,
      password: fc.constantFrom('a long and strong passphrase 2026', 'short'),
      language: pick(LANGUAGE_CODES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(injectedEmail, injectedName, pick(LANGUAGE_CODES)).map(([email, name, language]): [string, string][] => [
      ['email', email],
      ['name', name],
      ['password', 'a long and strong passphrase 2026'],
      ['language', language],
    ]),
  },
);

function referralForm(w: World): FormFields {
  return {
    topics: pick(TOPICS),
    urgency: pick(URGENCIES),
    language: pick(LANGUAGE_CODES),
    contactWay: pick(CONTACT_WAYS),
    centre: pick(w.locations),
    interpreter: fc.constant('yes'),
    name: injectedName,
    email: injectedEmail,
    phone: fc.constantFrom('+49 170 1234567', ''),
    message: fc.oneof(injection, hostileText),
    consent: fc.constant('yes'),
    consentVersion: fc.constantFrom('1', '2'),
  };
}

// --- the plan: every public route, with how many bodies each gets ---

/** A manage-token route; "." and ".." are dot segments the URL drops, so they reach other routes. */
function tokenProbes(
  endpoint: string,
  method: 'GET' | 'POST',
  tokens: fc.Arbitrary<string>,
  suffix: string,
  payloads?: fc.Arbitrary<Payload>,
): fc.Arbitrary<Probe> {
  return fc.tuple(tokens, payloads ?? fc.constant(undefined), baseHeaders()).map(([token, payload, headers]) => ({
    endpoint,
    method,
    path: `/api/appointments/${enc(token)}${suffix}`,
    headers,
    ...(payload ? { payload } : {}),
    json: !['', '.', '..'].includes(enc(token)),
  }));
}

function apiProbes(w: World): Record<string, [number, fc.Arbitrary<Probe>]> {
  const starts = fc.oneof(pick(w.slots.map((s) => s.start)), isoLike);
  const anyQuery = fc.record(
    {
      service: queryField(pick(w.services)),
      location: queryField(pick(w.locations)),
      from: fc.oneof(dateLike, urlText),
      days: numberLike,
      persons: numberLike,
      lang: fc.oneof(pick(LANGUAGE_CODES), urlText),
    },
    { requiredKeys: [] },
  );
  // A service at a place that offers it, with plausible dates and numbers: free times get computed.
  const offered = fc
    .tuple(pick(w.slots), dateLike, numberLike, numberLike)
    .map(([slot, from, days, persons]) => ({ service: slot.service, location: slot.location, from, days, persons }));
  const availability = fc.oneof(anyQuery, offered).map((q) => `/api/availability?${query(q)}`);
  const moveBodies = jsonPayloads(fc.record({ start: field(starts) }, { requiredKeys: [] }));
  return {
    'POST /api/appointments': [
      1500,
      post('POST /api/appointments', fc.constant('/api/appointments'), jsonPayloads(bookingObjects(w)), true),
    ],
    'POST /api/waitlist': [1300, post('POST /api/waitlist', fc.constant('/api/waitlist'), jsonPayloads(waitlistObjects(w)), true)],
    'POST /api/referrals': [900, post('POST /api/referrals', fc.constant('/api/referrals'), jsonPayloads(referralObjects(w)), true)],
    'GET /api/appointments/{token}': [800, tokenProbes('GET /api/appointments/{token}', 'GET', tokenArb([w.keep]), '')],
    'POST /api/appointments/{token}/move': [
      700,
      tokenProbes('POST /api/appointments/{token}/move', 'POST', tokenArb([w.keep]), '/move', moveBodies),
    ],
    'POST /api/appointments/{token}/cancel': [
      500,
      tokenProbes('POST /api/appointments/{token}/cancel', 'POST', tokenArb(w.cancel), '/cancel', jsonPayloads(fc.constant({}))),
    ],
    'GET /api/availability': [1200, get('GET /api/availability', availability, true)],
    'GET /api/services': [
      120,
      get(
        'GET /api/services',
        fc.oneof(pick(LANGUAGE_CODES), urlText).map((lang) => `/api/services?lang=${enc(lang)}`),
        true,
      ),
    ],
  };
}

function formProbes(w: World): Record<string, [number, fc.Arbitrary<Probe>]> {
  const form = (endpoint: string, path: fc.Arbitrary<string>, pairs: fc.Arbitrary<[string, string][]>) =>
    post(endpoint, path, formPayloads(pairs), false);
  const manageAction = fc.oneof(
    fc.record({ t: fc.constant(w.keep), action: fc.oneof(fc.constant('move'), hostileText), start: fc.oneof(isoLike, hostileText) }),
    fc.record({ t: pick(w.cancel), action: fc.constant('cancel'), start: fc.constant('') }),
    fc.record({ t: urlText, action: fc.constantFrom('move', 'cancel'), start: isoLike }),
  );
  return {
    'POST /{de,ar}/book/': [300, form('POST /{de,ar}/book/', fc.constantFrom('/de/book/', '/ar/book/'), bookingFormPairs(w))],
    'POST /de/book/waitlist/': [
      450,
      form(
        'POST /de/book/waitlist/',
        fc.constant('/de/book/waitlist/'),
        formPairs({ service: pick(w.services), location: pick(w.locations), email: injectedEmail }),
      ),
    ],
    'POST /fa/referral/': [300, form('POST /fa/referral/', fc.constant('/fa/referral/'), referralFormPairs(w))],
    'POST /de/manage/?t=': [
      250,
      fc.tuple(manageAction, baseHeaders(), fc.boolean()).map(([{ t, action, start }, headers, broken]) => ({
        endpoint: 'POST /de/manage/?t=',
        method: 'POST' as const,
        path: `/de/manage/?t=${enc(t)}`,
        headers,
        payload: broken
          ? { contentType: 'multipart/form-data; boundary=zz', body: `action=${action}` }
          : { contentType: 'application/x-www-form-urlencoded', body: query({ action, start }) },
        json: false,
      })),
    ],
    'POST /de/staff/login/': [
      80,
      form(
        'POST /de/staff/login/',
        fc.oneof(
          fc.constant('/de/staff/login/'),
          urlText.map((n) => `/de/staff/login/?next=${enc(n)}`),
        ),
        formPairs({
          email: fc.oneof(pick(TEST_STAFF.map((s) => s.email)), injectedEmail),
          password: fc.oneof(hostileText, fc.constant('wrong password 2026')),
        }),
      ),
    ],
    'POST /de/staff/reset/': [
      350,
      form(
        'POST /de/staff/reset/',
        fc.oneof(
          fc.constant('/de/staff/reset/'),
          fc.stringMatching(/^[a-z2-7]{20,64}$/).map((t) => `/de/staff/reset/?t=${t}`),
          urlText.map((t) => `/de/staff/reset/?t=${enc(t)}`),
        ),
        formPairs({ email: fc.oneof(pick(TEST_STAFF.map((s) => s.email)), injectedEmail), password: hostileText }),
      ),
    ],
    'POST /de/staff/register/': [150, form('POST /de/staff/register/', fc.constant('/de/staff/register/'), registerPairs)],
  };
}

function pageProbes(w: World): Record<string, [number, fc.Arbitrary<Probe>]> {
  const bookQuery = fc
    .record(
      {
        service: queryField(pick(w.services)),
        location: queryField(pick(w.locations)),
        day: fc.oneof(dateLike, urlText),
        start: fc.oneof(pick(w.slots.map((s) => s.start)), isoLike, urlText),
        persons: numberLike,
        married: queryField(fc.constant('yes')),
        work: queryField(fc.constant('employed')),
      },
      { requiredKeys: [] },
    )
    .map((q) => query(q));
  const segment = fc.oneof(
    urlText.map((s) => enc(s.slice(0, 300))),
    fc.constantFrom('%E0%A4%A', '%00', '..%2F..%2Fetc%2Fpasswd', '%2F%2Fevil.example', '%C0%AE%C0%AE'),
  );
  const pages = fc.oneof(
    bookQuery.map((q) => `/de/book/?${q}`),
    bookQuery.map((q) => `/ar/book/?${q}`),
    fc
      .tuple(tokenArb([w.keep]), fc.oneof(dateLike, urlText))
      .map(([t, day]) => `/de/manage/?${query({ t, day, booked: '1', moved: day })}`),
    urlText.map((t) => `/de/staff/reset/?t=${enc(t)}`),
    fc
      .oneof(fc.stringMatching(/^K-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/), urlText)
      .map((ref) => `/fa/referral/sent/?${query({ ref, mail: '1' })}`),
    fc
      .tuple(
        fc.oneof(pick(LANGUAGE_CODES), segment),
        fc.oneof(fc.constantFrom('book/', 'referral/', '//evil.example/', 'https://evil.example'), urlText),
      )
      .map(([code, next]) => `/language/${code}?next=${enc(next)}`),
    fc.tuple(pick(w.services), bookQuery).map(([s, q]) => `/de/checklist/${s}/?${q}`),
    fc.tuple(fc.oneof(pick(LANGUAGE_CODES), segment), segment).map(([lang, slug]) => `/${lang}/${slug}/`),
    segment.map((s) => `/${s}/book/`),
    urlText.map((q) => `/de/search/?q=${enc(q)}`),
    fc.tuple(segment, urlText).map(([id, t]) => `/de/staff/referral/?id=${id}&team=${enc(t)}`),
    fc.tuple(segment, urlText).map(([id, format]) => `/api/kim/referrals/${id}?format=${enc(format)}`),
    segment.map((team) => `/api/kim/teams/${team}/referrals`),
    fc.tuple(fc.oneof(pick(LANGUAGE_CODES), segment), bookQuery).map(([lang, q]) => `/${lang}/waiting-times/?${q}`),
    fc.tuple(fc.oneof(pick(LANGUAGE_CODES), segment), bookQuery).map(([lang, q]) => `/${lang}/contact/?${q}`),
    fc.oneof(fc.stringMatching(/^[tT]-[2-9A-Z]{4}-[2-9A-Z]{4}$/), segment).map((ref) => `/staff/checkin/${ref}`),
    fc.tuple(urlText, fc.oneof(dateLike, urlText)).map(([location, day]) => `/api/desk/version?${query({ location, day })}`),
    fc.tuple(fc.oneof(dateLike, urlText), fc.oneof(dateLike, urlText)).map(([from, to]) => `/api/figures.csv?${query({ from, to })}`),
    fc.constantFrom('/', '/api/openapi.json', '/robots.txt', '/sitemap.xml', '/de/', '/fa/', '/de/checklist/'),
  );
  // "/" picks the language from the cookie and Accept-Language: fuzz both.
  const root = fc.tuple(acceptLanguage, headerText).map(([language, cookie]) => ({
    endpoint: 'GET / (language negotiation)',
    method: 'GET' as const,
    path: '/',
    headers: { 'Accept-Language': language, Cookie: `lang=${cookie.replace(/[;,]/g, '')}` },
    json: false,
  }));
  return {
    'GET pages with fuzzed paths and queries': [1900, get('GET pages with fuzzed paths and queries', pages)],
    'GET / (language negotiation)': [400, root],
  };
}

// ---------------------------------------------------------------------------------------------
// Set-up: the server, a few bookings whose tokens the fuzzer may use, staff sign-in.
// ---------------------------------------------------------------------------------------------

async function postJson(path: string, body: unknown, cookie = ''): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url, cookie },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function postForm(path: string, form: Record<string, string>, cookie = ''): Promise<Response> {
  return fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, cookie },
    body: new URLSearchParams(form),
  });
}

async function getText(path: string, cookie = ''): Promise<{ status: number; text: string }> {
  const response = await fetch(server.url + path, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, text: await response.text() };
}

async function loadWorld(): Promise<World> {
  const catalogue = (await (await fetch(`${server.url}/api/services?lang=de`)).json()) as {
    services: { id: string; locations: { id: string }[] }[];
  };
  const slots: World['slots'] = [];
  for (const service of catalogue.services) {
    for (const { id: location } of service.locations) {
      const free = (await (await fetch(`${server.url}/api/availability?service=${service.id}&location=${location}&days=60`)).json()) as {
        slots: { start: string }[];
      };
      slots.push(...free.slots.map((s) => ({ service: service.id, location, start: s.start })));
    }
  }
  const tokens: string[] = [];
  for (const [i, slot] of slots.slice(0, 4).entries()) {
    const booked = await postJson('/api/appointments', {
      ...slot,
      name: `Token Holder ${i}`,
      email: `holder${i}@example.org`,
      language: 'de',
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    tokens.push(new URL(String(booked.body.manageUrl)).searchParams.get('t') ?? '');
  }
  const [keep = '', ...cancel] = tokens;
  const locations = [...new Set(catalogue.services.flatMap((s) => s.locations.map((l) => l.id)))];
  return { services: catalogue.services.map((s) => s.id), locations, slots: slots.slice(4), keep, cancel };
}

/** Signs a staff account in (with its second factor where the role has one); the session cookie. */
async function signIn(email: string): Promise<string> {
  const account = TEST_STAFF.find((s) => s.email === email);
  if (!account) throw new Error(`no test account ${email}`);
  const login = await postForm('/de/staff/login/', { email, password: account.password });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^session=/);
  if (login.headers.get('location')?.endsWith('/staff/totp/'))
    await postForm('/de/staff/totp/', { code: generateTOTP(TEST_TOTP_KEY, 30, 6) }, cookie);
  return cookie;
}

beforeAll(async () => {
  smtp = await startSmtpPeer();
  const port = await freePort();
  server = await startServer(
    {
      BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '1000000',
      BOOKING_LIMIT_PER_EMAIL_PER_DAY: '1000000',
      TRUST_PROXY: '1',
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      SMTP_URL: smtp.url,
    },
    port,
    [{ args: ['tests/support/seed-staff.ts'] }],
  );
  world = await loadWorld();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

// ---------------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------------

const NAME = `<script>alert('${MARK}')</script>`;
const MESSAGE = `</textarea><img src=x onerror=alert('${MARK}')> "quoted" & <b>bold</b>`;

/** The page shows the payload, escaped, and nowhere raw; the page as a whole is inert. */
function expectShownEscaped(html: string, payload: string, where: string): void {
  expect(unsafeMarkup(html), where).toBeUndefined();
  expect(html.includes(payload), `${where} shows ${payload} raw`).toBe(false);
  expect(escapedPattern(payload).test(html), `${where} shows ${payload} (escaped)`).toBe(true);
}

/** The mail the SMTP peer got for an address (the outbox worker sends within a second or so). */
async function mailTo(address: string, timeoutMs = 20_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = smtp.mails.find((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(address)));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('injection in valid bodies is stored as sent and shown inert', () => {
  it('a booking named <script>: the API returns it as data, the manage page and the mail stay inert', async () => {
    const [slot, other] = world.slots;
    if (!slot || !other) throw new Error('no free times to book');
    // A plain address (so the mail can be delivered and found) ...
    const email = `script.${MARK}@example.org`;
    const booked = await postJson('/api/appointments', { ...slot, name: NAME, email, language: 'ar' });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const manage = new URL(String(booked.body.manageUrl));
    const page = await getText(manage.pathname + manage.search);
    expect(page.status).toBe(200);
    // The page does not show the name; it must stay inert and never carry the name raw.
    expect(unsafeMarkup(page.text)).toBeUndefined();
    expect(page.text.includes(NAME), 'the manage page carries the name raw').toBe(false);
    const mail = await mailTo(email);
    expectShownEscaped(typeof mail.html === 'string' ? mail.html : '', NAME, 'the confirmation mail');
    // ... and an address whose local part is markup: both come back from the API verbatim, as data.
    const markupEmail = `"><svg/onload=alert('${MARK}')>@example.org`;
    const second = await postJson('/api/appointments', { ...other, name: NAME, email: markupEmail, language: 'fa' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const token = new URL(String(second.body.manageUrl)).searchParams.get('t') ?? '';
    const api = await fetch(`${server.url}/api/appointments/${token}`);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    const stored = ((await api.json()) as { appointment: { name: string; email: string } }).appointment;
    expect(stored).toMatchObject({ name: NAME, email: markupEmail });
  });

  it('the no-JS forms show what was typed back escaped (booking with a bad e-mail, referral without consent)', async () => {
    const slot = world.slots[3];
    if (!slot) throw new Error('no free time to book');
    const booking = await postForm('/ar/book/', { ...slot, name: NAME, email: 'not an address' });
    expect(booking.status).toBe(422);
    expectShownEscaped(await booking.text(), NAME, 'the booking form');
    const referral = await postForm('/fa/referral/', {
      topics: 'housing',
      urgency: 'soon',
      contactWay: 'email',
      name: NAME,
      message: MESSAGE,
    });
    expect(referral.status).toBe(422);
    const html = await referral.text();
    expectShownEscaped(html, NAME, 'the referral form');
    expectShownEscaped(html, MESSAGE, 'the referral form');
  });

  it("a referral's injected name and message are inert on the counsellor's page", async () => {
    const sentReferral = await postJson('/api/referrals', {
      topics: ['housing'],
      urgency: 'urgent',
      language: 'fa',
      contactWay: 'phone',
      phone: '+49 170 1234567',
      name: NAME,
      message: MESSAGE,
      consent: true,
      consentVersion: 1,
    });
    expect(sentReferral.status, JSON.stringify(sentReferral.body)).toBe(201);
    const cookie = await signIn('counsellor@test.example');
    const inbox = await getText('/de/staff/referrals/', cookie);
    expect(unsafeMarkup(inbox.text)).toBeUndefined();
    const reference = String(sentReferral.body.reference);
    const id = new RegExp(`/staff/referral/\\?id=([0-9a-f-]{36})"[^>]*>[\\s\\S]{0,200}?${reference}`).exec(inbox.text)?.[1];
    expect(id, `${reference} in the counsellor's inbox`).toBeDefined();
    const detail = await getText(`/de/staff/referral/?id=${id}`, cookie);
    expect(detail.status).toBe(200);
    expectShownEscaped(detail.text, NAME, "the counsellor's referral page");
    expectShownEscaped(detail.text, MESSAGE, "the counsellor's referral page");
  });

  it("a volunteer's client named <script> is inert in the volunteer's list", async () => {
    const cookie = await signIn('volunteer@test.example');
    const slot = world.slots[2];
    if (!slot) throw new Error('no free time to book');
    const booked = await postJson(
      '/api/appointments',
      { ...slot, name: NAME, email: '', language: 'ti', forClient: true, consent: true },
      cookie,
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const list = await getText('/de/staff/appointments/', cookie);
    expect(list.status).toBe(200);
    expectShownEscaped(list.text, NAME, "the volunteer's appointments");
  });
});

describe('fuzzing every public endpoint and form: no 5xx, nothing injected comes back live', () => {
  const groups: [string, (w: World) => Record<string, [number, fc.Arbitrary<Probe>]>][] = [
    ['JSON API', apiProbes],
    ['HTML forms', formProbes],
    ['pages', pageProbes],
  ];
  for (const [group, probesOf] of groups) {
    describe(group, () => {
      // The names (and body counts) are known before the server runs; the arbitraries need it.
      const names = Object.entries(probesOf(EMPTY_WORLD)).map(([name, [bodies]]) => [name, bodies] as const);
      for (const [name, bodies] of names) {
        it(`${name}: ${bodies} bodies`, async () => {
          const entry = probesOf(world)[name];
          if (!entry) throw new Error(`no probes for ${name}`);
          const cpu = serverCpuSeconds();
          await fuzz(entry[1], bodies);
          const counted = stats.get(name);
          if (counted) counted.cpu = serverCpuSeconds() - cpu;
        }, 120_000);
      }
    });
  }

  it(`sent at least ${MIN_TOTAL} fuzzed bodies in all, and the server still runs`, () => {
    const total = [...stats.values()].reduce((sum, s) => sum + s.sent, 0);
    console.info(
      `${summary()}\n${String(total).padStart(6)}  in all; ${serverCpuSeconds().toFixed(1)} s CPU in the server, ${(process.cpuUsage().user / 1e6).toFixed(1)} s in this test`,
    );
    expect(total).toBeGreaterThanOrEqual(MIN_TOTAL);
    expect(server.process.exitCode).toBeNull();
  });
});
