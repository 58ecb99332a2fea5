import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers, redirect: 'manual' });

describe('security headers', () => {
  it.each([
    '/de/',
    '/ar/residence-permit-extension/',
    '/',
    '/language/de/',
    '/de/no-such-page/',
    '/sitemap.xml',
    '/page.js',
    '/pagefind/pagefind.js',
  ])('are on %s', async (path) => {
    const res = await get(path);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // Local http: no HSTS (src/server/security-headers.mjs adds it for https origins).
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('prerendered files', () => {
  it('come brotli-compressed to browsers that take it, plain to others', async () => {
    const br = await get('/uk/', { 'accept-encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const plain = await fetch(base + '/uk/', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const html = await plain.text();
    expect(html).toContain('<html lang="uk"');
    // The compressed copy is what travels: far smaller than the page.
    expect(Number(br.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(html) / 2);
  });
  it('answer a repeat visit with 304 Not Modified', async () => {
    const first = await get('/de/emergency/');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await get('/de/emergency/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });
  it('redirect a page address without its slash', async () => {
    const res = await get('/de/emergency');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/de/emergency/');
  });
  it('never leave the build folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/de/..%2f..%2fpackage.json', '/%00', '/%E0%A4%A']) {
      const res = await get(path);
      expect([301, 400, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('"dependencies"');
    }
  });
});

describe('the contact page', () => {
  it('is rendered from the database (admins change hours and closures) and cached briefly', async () => {
    const res = await fetch(`${inject('baseUrl')}/ar/contact/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('Musterplatz 1');
    expect(html).toMatch(/<table class="hours">/);
  });
});

describe('request bodies', () => {
  it('are refused before reading when they declare more than 256 KB', async () => {
    const res = await fetch(`${inject('baseUrl')}/de/book/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: inject('baseUrl') },
      body: 'name=' + 'x'.repeat(300 * 1024),
    });
    expect(res.status).toBe(413);
  });
});

describe('request bodies to the API', () => {
  it('are refused with JSON when they declare more than 256 KB', async () => {
    const res = await fetch(`${inject('baseUrl')}/api/appointments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('tooLarge');
  });
});
