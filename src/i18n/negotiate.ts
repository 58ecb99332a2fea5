import { LANGUAGES, SOURCE_LANGUAGE, isLanguageCode } from './languages';

interface Weighted {
  tag: string;
  q: number;
}

/** Parses an Accept-Language header into tags by descending weight; ignores malformed parts. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const parts: Weighted[] = [];
  for (const raw of header.slice(0, 1000).split(',')) {
    const [tagPart, ...params] = raw.trim().split(';');
    const tag = tagPart?.trim().toLowerCase() ?? '';
    if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$|^\*$/.test(tag)) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q=([01](\.\d{0,3})?)\s*$/.exec(p);
      if (m?.[1]) q = Number(m[1]);
    }
    if (q > 0) parts.push({ tag, q });
  }
  return parts.sort((a, b) => b.q - a.q).map((p) => p.tag);
}

/**
 * Picks the portal language for a visitor: an explicit earlier choice (cookie) wins, then the
 * browser's preferences, matching full tags first and then the primary subtag.
 */
export function negotiateLanguage(acceptLanguage: string | null | undefined, chosen?: string): string {
  if (isLanguageCode(chosen)) return chosen;
  for (const wanted of parseAcceptLanguage(acceptLanguage)) {
    const exact = LANGUAGES.find((l) => l.tag.toLowerCase() === wanted || l.code === wanted);
    if (exact) return exact.code;
    // Browsers send Dari as fa-AF.
    if (wanted === 'fa-af') return 'prs';
    const primary = wanted.split('-')[0];
    const byPrimary = LANGUAGES.find((l) => l.tag.toLowerCase() === primary);
    if (byPrimary) return byPrimary.code;
  }
  return SOURCE_LANGUAGE;
}
