import { describe, expect, it } from 'vitest';
import { LANGUAGES, SOURCE_LANGUAGE } from '../../src/i18n/languages';
import { NAMESPACES } from '../../src/i18n/namespaces';
import { flatten, localeProblems } from '../../src/i18n/locale-parity';
import { readLocale } from '../../src/cli/content-files';

describe.each(LANGUAGES.filter((l) => l.code !== SOURCE_LANGUAGE))('UI strings in $code', ({ code, tag }) => {
  it.each([...NAMESPACES])('%s.json has every key and placeholder of the German source', (ns) => {
    const source = flatten(readLocale(SOURCE_LANGUAGE, ns));
    const target = readLocale(code, ns);
    expect(target, `locales/${code}/${ns}.json is missing`).toBeDefined();
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    expect(localeProblems(source, flatten(target), categories)).toEqual([]);
  });
});

describe('localeProblems', () => {
  const source = new Map([
    ['a', 'Hello {{name}}'],
    ['n_one', '{{count}} page'],
    ['n_other', '{{count}} pages'],
  ]);
  it('reports a lost placeholder, a missing key and a missing plural form', () => {
    const target = new Map([['n_one', '{{count}} x']]);
    expect(localeProblems(source, target, ['one', 'few', 'other'])).toEqual([
      'missing key "a"',
      'missing plural form "n_few"',
      'missing plural form "n_other"',
    ]);
    expect(localeProblems(source, new Map([['a', 'Hallo']]), [])).toContain('"a" must have the placeholders {{name}}');
  });
  it('refuses plural forms the language does not have', () => {
    const target = new Map([
      ['a', '{{name}}'],
      ['n_one', '1'],
      ['n_two', '2'],
      ['n_other', 'x'],
    ]);
    expect(localeProblems(source, target, ['one', 'other'])).toEqual([
      'unexpected key "n_two" (not in the source, or not a plural form of this language)',
    ]);
  });
});
