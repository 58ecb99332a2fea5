import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from 'i18next';

type LocaleFiles = Record<string, { default: Record<string, unknown> }>;

/**
 * Vite bundles every locale file at build time; nothing is read from disk at run time. The
 * background jobs (dist/jobs.mjs, bundled by esbuild, which has no import.meta.glob) compose
 * mails too: they read the same files from the project's locales/ folder instead.
 */
function localeFiles(): LocaleFiles {
  try {
    return import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', { eager: true });
  } catch {
    const root = path.resolve('locales');
    const files: LocaleFiles = {};
    for (const lang of readdirSync(root, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? [d.name] : [])))
      for (const file of readdirSync(path.join(root, lang)).filter((f) => f.endsWith('.json')))
        files[`locales/${lang}/${file}`] = {
          default: JSON.parse(readFileSync(path.join(root, lang, file), 'utf8')) as Record<string, unknown>,
        };
    return files;
  }
}

export function loadResources(): Resource {
  const resources: Resource = {};
  for (const [file, mod] of Object.entries(localeFiles())) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match?.[1] || !match[2]) continue;
    const [, lang, ns] = match;
    resources[lang] ??= {};
    resources[lang][ns] = mod.default as Record<string, string>;
  }
  return resources;
}
