/**
 * The portal's languages. Text direction, the HTML lang tag and fallbacks come from this table
 * and nowhere else. To add a language, see locales/README.md.
 */
export interface Language {
  /** URL segment and locales/ folder name. */
  code: string;
  /** BCP 47 tag for `lang` and `hreflang`. */
  tag: string;
  /** The language's name in itself (shown in the language switcher). */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Tried in order when a string or page is missing; German is always last. */
  fallbacks: string[];
}

export const SOURCE_LANGUAGE = 'de';

export const LANGUAGES: readonly Language[] = [
  { code: 'de', tag: 'de', name: 'Deutsch', dir: 'ltr', fallbacks: [] },
  { code: 'de-simple', tag: 'de-x-simple', name: 'Einfache Sprache', dir: 'ltr', fallbacks: ['de'] },
  { code: 'en', tag: 'en', name: 'English', dir: 'ltr', fallbacks: ['de'] },
  { code: 'ar', tag: 'ar', name: 'العربية', dir: 'rtl', fallbacks: ['en', 'de'] },
  { code: 'fa', tag: 'fa', name: 'فارسی', dir: 'rtl', fallbacks: ['en', 'de'] },
  { code: 'prs', tag: 'prs', name: 'دری', dir: 'rtl', fallbacks: ['fa', 'en', 'de'] },
  { code: 'tr', tag: 'tr', name: 'Türkçe', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'uk', tag: 'uk', name: 'Українська', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'ru', tag: 'ru', name: 'Русский', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'pl', tag: 'pl', name: 'Polski', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'ro', tag: 'ro', name: 'Română', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'bg', tag: 'bg', name: 'Български', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'el', tag: 'el', name: 'Ελληνικά', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'it', tag: 'it', name: 'Italiano', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'fr', tag: 'fr', name: 'Français', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'es', tag: 'es', name: 'Español', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'kmr', tag: 'kmr', name: 'Kurmancî', dir: 'ltr', fallbacks: ['en', 'de'] },
  { code: 'ti', tag: 'ti', name: 'ትግርኛ', dir: 'ltr', fallbacks: ['en', 'de'] },
];

export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code);

const byCode = new Map(LANGUAGES.map((l) => [l.code, l]));

export function isLanguageCode(code: string | undefined): code is string {
  return code !== undefined && byCode.has(code);
}

export function getLanguage(code: string): Language {
  const language = byCode.get(code);
  if (!language) {
    throw new Error(`Unknown language "${code}". Add it to src/i18n/languages.ts first.`);
  }
  return language;
}

/** The language itself, then its fallbacks, always ending with the source language. */
export function fallbackChain(code: string): string[] {
  const chain = [code, ...getLanguage(code).fallbacks];
  if (!chain.includes(SOURCE_LANGUAGE)) chain.push(SOURCE_LANGUAGE);
  return chain;
}

/** A language's own name, or the code itself for one the portal does not ship (old data). */
export function languageName(code: string): string {
  return byCode.get(code)?.name ?? code;
}
