import { describe, expect, it } from 'vitest';
import { LANGUAGES, SOURCE_LANGUAGE } from '../../src/i18n/languages';
import { readPage, relativeLinks, sourceSlugs } from '../../src/cli/content-files';

const slugs = sourceSlugs();
const linkTargets = new Set(['../', ...slugs.map((s) => `../${s}/`)]);

describe('German source pages', () => {
  it('cover the office areas and the newcomer topics', () => {
    for (const slug of [
      'index',
      'where-to-start',
      'migration',
      'residence-permit-extension',
      'home',
      'integration',
      'case-management',
      'contact',
      'emergency',
      'accessibility',
    ]) {
      expect(slugs).toContain(slug);
    }
  });
  it.each(slugs)('%s names a version and official sources', (slug) => {
    const page = readPage(SOURCE_LANGUAGE, slug);
    expect(Number(page?.data.version)).toBeGreaterThan(0);
    expect(Array.isArray(page?.data.sources)).toBe(true);
  });
});

describe.each(LANGUAGES.map((l) => l.code))('pages in %s', (lang) => {
  it.each(slugs)('%s exists, names its source version and links only to existing pages', (slug) => {
    const page = readPage(lang, slug);
    expect(page, `src/content/pages/${lang}/${slug}.md is missing`).toBeDefined();
    if (!page) return;
    if (lang !== SOURCE_LANGUAGE) {
      const source = readPage(SOURCE_LANGUAGE, slug);
      // Older is allowed (the page then says so; content:check lists it), newer is a mistake.
      expect(Number(page.data.translatedFrom)).toBeLessThanOrEqual(Number(source?.data.version));
      expect(['machine', 'human']).toContain(page.data.translation);
    }
    expect(relativeLinks(page.body).filter((l) => !linkTargets.has(l))).toEqual([]);
    expect(page.body).not.toMatch(/<[a-z][^>]*>/i);
  });
});
