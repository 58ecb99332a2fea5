import { describe, expect, it } from 'vitest';
import { safeNextRoute } from '../../src/i18n/routes';
import { translationStatus } from '../../src/i18n/translation-status';
import { fallbackChain, getLanguage } from '../../src/i18n/languages';

describe('safeNextRoute', () => {
  it('keeps a page route', () => {
    expect(safeNextRoute('residence-permit-extension/')).toBe('residence-permit-extension/');
    expect(safeNextRoute('')).toBe('');
  });
  it.each(['//evil.example/', 'https://evil.example/', '../x/', 'a/b/', '/x/', 'x', '%2F%2Fevil', 'A/'])('refuses %s', (next) => {
    expect(safeNextRoute(next)).toBe('');
  });
});

describe('translationStatus', () => {
  it('tells source, current, outdated and missing apart', () => {
    expect(translationStatus('de', 'de', 3, undefined)).toBe('source');
    expect(translationStatus('ar', 'de', 3, undefined)).toBe('missing');
    expect(translationStatus('ar', 'de', 3, { translatedFrom: 3, translation: 'machine' })).toBe('current');
    expect(translationStatus('ar', 'de', 3, { translatedFrom: 2, translation: 'human' })).toBe('outdated');
  });
});

describe('languages', () => {
  it('takes text direction from the table', () => {
    expect(['ar', 'fa', 'prs'].map((c) => getLanguage(c).dir)).toEqual(['rtl', 'rtl', 'rtl']);
    expect(getLanguage('de-simple').dir).toBe('ltr');
  });
  it('ends every fallback chain with German', () => {
    expect(fallbackChain('prs')).toEqual(['prs', 'fa', 'en', 'de']);
    expect(fallbackChain('de')).toEqual(['de']);
  });
  it('says what to do about an unknown language', () => {
    expect(() => getLanguage('xx')).toThrow(/languages\.ts/);
  });
});
