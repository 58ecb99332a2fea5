import { getCollection, type CollectionEntry } from 'astro:content';
import { LANGUAGES, SOURCE_LANGUAGE } from './languages';
import { translationStatus, type TranslationStatus } from './translation-status';

type Entry = CollectionEntry<'pages'>;
export type SourceData = Extract<Entry['data'], { version: number }>;

export interface LocalizedPage {
  slug: string;
  lang: string;
  /** The entry to render: the translation, or the German source when there is none. */
  entry: Entry;
  source: SourceData;
  title: string;
  summary: string;
  status: TranslationStatus;
  machineTranslated: boolean;
}

function split(id: string): { lang: string; slug: string } {
  const [lang = '', slug = ''] = id.split('/');
  return { lang, slug };
}

let cache: Promise<LocalizedPage[]> | undefined;

/** Every page in every language; a page not yet translated falls back to the source. */
export function getAllPages(): Promise<LocalizedPage[]> {
  cache ??= build();
  return cache;
}

async function build(): Promise<LocalizedPage[]> {
  const entries = await getCollection('pages');
  const byId = new Map(entries.map((e) => [e.id, e]));
  const sources = entries.filter((e) => split(e.id).lang === SOURCE_LANGUAGE);
  const pages: LocalizedPage[] = [];
  for (const sourceEntry of sources) {
    const source = sourceEntry.data as SourceData;
    const { slug } = split(sourceEntry.id);
    for (const { code } of LANGUAGES) {
      const translated = byId.get(`${code}/${slug}`);
      const data = translated?.data;
      const meta = data && 'translatedFrom' in data ? data : undefined;
      const entry = translated ?? sourceEntry;
      pages.push({
        slug,
        lang: code,
        entry,
        source,
        title: entry.data.title,
        summary: entry.data.summary,
        status: translationStatus(code, SOURCE_LANGUAGE, source.version, meta),
        machineTranslated: meta?.translation === 'machine',
      });
    }
  }
  return pages;
}

export async function pagesIn(lang: string): Promise<LocalizedPage[]> {
  return (await getAllPages()).filter((p) => p.lang === lang);
}

/** Path of a page, always with a trailing slash; the start page is /<lang>/. */
export function pagePath(lang: string, slug: string): string {
  return slug === 'index' ? `/${lang}/` : `/${lang}/${slug}/`;
}

/**
 * The page's HTML, rendered from Markdown at build time. Page files link to each other as
 * "../slug/" (src/content/README.md), which is only right below /<lang>/<slug>/: links become
 * "/<lang>/slug/" so they hold on the start page too, and stay in the reader's language.
 */
export function pageHtml(page: LocalizedPage): string {
  const html = page.entry.rendered?.html ?? '';
  return html.replace(/href="\.\.\/([^"]*)"/g, (_, rest: string) => `href="/${page.lang}/${rest}"`);
}
