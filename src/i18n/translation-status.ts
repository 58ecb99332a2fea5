export type TranslationStatus =
  /** The German source itself. */
  | 'source'
  /** A translation made from the current source version. */
  | 'current'
  /** A translation made from an older source version. */
  | 'outdated'
  /** No translation yet: the source is shown with a notice. */
  | 'missing';

export interface TranslationMeta {
  translatedFrom: number;
  translation: 'machine' | 'human';
}

export function translationStatus(
  lang: string,
  sourceLang: string,
  sourceVersion: number,
  meta: TranslationMeta | undefined,
): TranslationStatus {
  if (lang === sourceLang) return 'source';
  if (!meta) return 'missing';
  return meta.translatedFrom < sourceVersion ? 'outdated' : 'current';
}
