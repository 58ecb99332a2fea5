import { brotliCompressSync, constants } from 'node:zlib';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, getLanguage } from '../../src/i18n/languages';
import { attribute, builtPages, CLIENT_DIR } from '../support/built-pages';

const pages = builtPages();
// Rendered per request by the server (tests/build/server.test.ts and the e2e suite cover them).
const ON_DEMAND = [
  /^\/[a-z-]+\/book\/$/,
  /^\/[a-z-]+\/manage\/$/,
  /^\/[a-z-]+\/referral\/$/,
  /^\/[a-z-]+\/waiting-times\/$/,
  /^\/[a-z-]+\/contact\/$/,
];
const BUDGET_BYTES = 14 * 1024;
const brotli = (html: string) => brotliCompressSync(Buffer.from(html), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

describe('prerendered pages', () => {
  it('exist for every language', () => {
    for (const l of LANGUAGES) expect(pages.some((p) => p.path === `/${l.code}/`)).toBe(true);
    expect(pages.length).toBeGreaterThan(LANGUAGES.length * 25);
  });

  it('have the language and direction of their route', () => {
    const wrong = pages.flatMap((page) => {
      const language = getLanguage(page.path.split('/')[1] ?? '');
      const found = `${attribute(page.html, 'html', 'lang')} ${attribute(page.html, 'html', 'dir')}`;
      return found === `${language.tag} ${language.dir}` ? [] : [`${page.path}: ${found}`];
    });
    expect(wrong).toEqual([]);
  });

  it('ship no JavaScript but the service-worker script (search and checklist pages: their own scripts, none inline)', () => {
    for (const page of pages) {
      const scripts = [...page.html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      const allowed = ['<script src="/page.js" defer>'];
      if (page.path.endsWith('/search/'))
        allowed.push('<script src="/search.js" defer>', '<script type="application/json" id="search-messages">');
      // Checklist pages carry their island (a module file, never inline code) and its data.
      if (/^\/[^/]+\/checklist\/[^/]+\/$/.test(page.path)) {
        allowed.push('<script type="application/json" id="checklist-props">');
        allowed.push(...scripts.filter((s) => /^<script type="module" src="\/_astro\/[^"]+\.js">$/.test(s)));
      }
      expect(
        scripts.filter((s) => !allowed.includes(s)),
        page.path,
      ).toEqual([]);
      expect(page.html).not.toMatch(/<link[^>]+rel="(stylesheet|modulepreload)"/);
    }
  });

  it('name every language version with hreflang', () => {
    for (const page of pages.filter((p) => !p.html.includes('name="robots" content="noindex"'))) {
      const alternates = [...page.html.matchAll(/<link rel="alternate" hreflang="([^"]+)"/g)].map((m) => m[1]);
      expect(alternates.sort(), page.path).toEqual([...LANGUAGES.map((l) => l.tag), 'x-default'].sort());
    }
  });

  // Brotli at quality 11 over some 700 pages takes half a minute on a quiet machine.
  it(`stay within ${BUDGET_BYTES / 1024} KB of HTML and CSS, brotli-compressed`, { timeout: 300_000 }, () => {
    const sizes = pages.map((p) => ({ path: p.path, bytes: brotli(p.html) })).sort((a, b) => b.bytes - a.bytes);
    expect(sizes.filter((s) => s.bytes > BUDGET_BYTES)).toEqual([]);
  });

  it('link only to pages that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const [, href = ''] of page.html.matchAll(/\shref="([^"]+)"/g)) {
        if (/^(https?:|mailto:|tel:|#)/.test(href) || href.startsWith('/language/')) continue;
        const target = new URL(href.replaceAll('&amp;', '&'), `http://x${page.path}`).pathname;
        if (ON_DEMAND.some((r) => r.test(target))) continue;
        const file = target.endsWith('/') ? path.join(CLIENT_DIR, target, 'index.html') : path.join(CLIENT_DIR, target);
        if (!existsSync(file)) broken.push(`${page.path} -> ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
