/** The prerendered pages in dist/client, by URL path. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const CLIENT_DIR = path.resolve('dist/client');

export interface BuiltPage {
  path: string;
  html: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? [] : walk(full);
    return e.name === 'index.html' ? [full] : [];
  });
}

export function builtPages(): BuiltPage[] {
  return walk(CLIENT_DIR)
    .map((file) => ({ path: `/${path.relative(CLIENT_DIR, path.dirname(file))}/`.replace('//', '/'), html: readFileSync(file, 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function attribute(html: string, tag: string, name: string): string | undefined {
  const element = new RegExp(`<${tag}\\b[^>]*>`, 'i').exec(html)?.[0] ?? '';
  return new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(element)?.[1];
}
