import { describe, expect, inject, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages';

const base = inject('baseUrl');
const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers, redirect: 'manual' });

describe('the root address', () => {
  it('sends a visitor to the language their browser asks for', async () => {
    const res = await get('/', { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/\/uk\/$/);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/);
  });
  it('falls back to German', async () => {
    expect((await get('/', { 'accept-language': 'ja' })).headers.get('location')).toMatch(/\/de\/$/);
  });
  it('remembers an explicit choice over the browser language', async () => {
    const choose = await get('/language/ar/?next=residence-permit-extension/');
    expect(choose.status).toBe(303);
    expect(choose.headers.get('location')).toBe('/ar/residence-permit-extension/');
    const cookie = choose.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/lang=ar/);
    expect(cookie).toMatch(/HttpOnly/);
    const back = await get('/', { 'accept-language': 'en', cookie: cookie.split(';')[0] ?? '' });
    expect(back.headers.get('location')).toMatch(/\/ar\/$/);
  });
  it('never redirects the language switcher off the site', async () => {
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await get(`/language/en/?next=${encodeURIComponent(next)}`);
      expect(res.headers.get('location')).toBe('/en/');
    }
    expect((await get('/language/xx/')).headers.get('location')).toBe('/');
  });
});

describe('not found', () => {
  it('answers 404 in the language of the address', async () => {
    const res = await get('/ar/no-such-page/');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html).toContain('href="/ar/"');
  });
  it('answers 404 in the browser language elsewhere', async () => {
    const res = await get('/nothing-here/', { 'accept-language': 'tr' });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/<html lang="tr"/);
  });
});

describe('sitemap and robots', () => {
  it('lists every page in every language with alternates', async () => {
    const xml = await (await get('/sitemap.xml')).text();
    expect(xml.match(/<url>/g)?.length).toBeGreaterThan(LANGUAGES.length * 25);
    expect(xml).toContain('/ar/residence-permit-extension/</loc>');
    expect(xml).toContain('hreflang="de-x-simple"');
  });
  it('points crawlers at the sitemap', async () => {
    expect(await (await get('/robots.txt')).text()).toMatch(/Sitemap: .*\/sitemap\.xml/);
  });
});
