import i18next, { type TFunction } from 'i18next';
import { LANGUAGE_CODES, fallbackChain, SOURCE_LANGUAGE } from './languages';
import { loadResources } from './resources';
import { NAMESPACES } from './namespaces';

const instance = i18next.createInstance();

await instance.init({
  resources: loadResources(),
  lng: SOURCE_LANGUAGE,
  supportedLngs: LANGUAGE_CODES,
  // i18next's default would strip "de-simple" down to "de".
  nonExplicitSupportedLngs: false,
  load: 'currentOnly',
  fallbackLng: (code: string) => (LANGUAGE_CODES.includes(code) ? fallbackChain(code).slice(1) : [SOURCE_LANGUAGE]),
  ns: [...NAMESPACES],
  defaultNS: 'common',
  // Astro and Preact escape on render; escaping here would double-escape.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** A translate function bound to one language. */
export function useTranslations(lang: string): TFunction {
  return instance.getFixedT(lang);
}

export { instance as i18n };
