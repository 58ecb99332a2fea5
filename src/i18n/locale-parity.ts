/** Checks that one language's UI strings match the source's: same keys, same placeholders. */

export type Dictionary = Map<string, string>;

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

export function flatten(value: unknown, prefix = ''): Dictionary {
  const out: Dictionary = new Map();
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (child && typeof child === 'object') for (const [k, v] of flatten(child, `${prefix}${key}.`)) out.set(k, v);
      else out.set(`${prefix}${key}`, String(child));
    }
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/**
 * `pluralCategories` are the language's own (Intl.PluralRules): a plural key must have exactly
 * those forms, which is how Arabic gets six and Turkish two.
 */
export function localeProblems(source: Dictionary, target: Dictionary, pluralCategories: readonly string[]): string[] {
  const problems: string[] = [];
  const pluralBases = new Map<string, string>();
  for (const [key, text] of source) {
    const plural = PLURAL.exec(key);
    if (plural?.[1]) {
      pluralBases.set(plural[1], text);
      continue;
    }
    const translated = target.get(key);
    if (translated === undefined) problems.push(`missing key "${key}"`);
    else if (translated.trim() === '') problems.push(`empty text for "${key}"`);
    else if (placeholders(text) !== placeholders(translated))
      problems.push(`"${key}" must have the placeholders {{${placeholders(text)}}}`);
  }
  for (const [base, text] of pluralBases) {
    for (const category of pluralCategories) {
      const translated = target.get(`${base}_${category}`);
      if (translated === undefined) problems.push(`missing plural form "${base}_${category}"`);
      else if (
        !placeholders(translated)
          .split(',')
          .every((p) => p === '' || placeholders(text).includes(p))
      )
        problems.push(`"${base}_${category}" has an unknown placeholder`);
    }
  }
  for (const key of target.keys()) {
    const plural = PLURAL.exec(key);
    const known = plural?.[1] ? pluralBases.has(plural[1]) && pluralCategories.includes(plural[2] ?? '') : source.has(key);
    if (!known) problems.push(`unexpected key "${key}" (not in the source, or not a plural form of this language)`);
  }
  return problems;
}
