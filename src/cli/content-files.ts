/** Reads locales/ and src/content/pages/ from disk, for tests and the content check. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PAGES_DIR = path.join(ROOT, 'src/content/pages');
export const LOCALES_DIR = path.join(ROOT, 'locales');

export interface PageFile {
  lang: string;
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

export function readPage(lang: string, slug: string): PageFile | undefined {
  const file = path.join(PAGES_DIR, lang, `${slug}.md`);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter block (see src/content/README.md)`);
  return { lang, slug, data: (parse(match[1] ?? '') ?? {}) as Record<string, unknown>, body: match[2] ?? '' };
}

export function sourceSlugs(): string[] {
  return readdirSync(path.join(PAGES_DIR, 'de'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export function readLocale(lang: string, ns: string): unknown {
  const file = path.join(LOCALES_DIR, lang, `${ns}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Relative links in a page body, e.g. "../contact/". */
export function relativeLinks(body: string): string[] {
  return [...body.matchAll(/\]\((\.\.\/[^)\s]*)\)/g)].map((m) => m[1] ?? '');
}
