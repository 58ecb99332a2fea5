import { describe, expect, it } from 'vitest';
import { negotiateLanguage, parseAcceptLanguage } from '../../src/i18n/negotiate';

describe('parseAcceptLanguage', () => {
  it('orders by weight and drops q=0 and garbage', () => {
    expect(parseAcceptLanguage('en;q=0.5, uk-UA, x;q=0, <script>, ar;q=0.8')).toEqual(['uk-ua', 'ar', 'en']);
  });
  it('copes with empty and absurd headers', () => {
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage(';;;,,,q=1')).toEqual([]);
    expect(parseAcceptLanguage('a'.repeat(100_000))).toEqual([]);
  });
});

describe('negotiateLanguage', () => {
  it('prefers an explicit choice', () => {
    expect(negotiateLanguage('uk', 'ar')).toBe('ar');
  });
  it('ignores an unknown cookie value', () => {
    expect(negotiateLanguage('uk', 'xx')).toBe('uk');
  });
  it('matches region variants by primary subtag', () => {
    expect(negotiateLanguage('tr-TR,tr;q=0.9')).toBe('tr');
    expect(negotiateLanguage('fr-CH')).toBe('fr');
  });
  it('sends Afghan Persian to Dari and Iranian Persian to Farsi', () => {
    expect(negotiateLanguage('fa-AF')).toBe('prs');
    expect(negotiateLanguage('fa-IR')).toBe('fa');
  });
  it('falls through unsupported languages to the next one', () => {
    expect(negotiateLanguage('ja, ti;q=0.7')).toBe('ti');
  });
  it('defaults to German', () => {
    expect(negotiateLanguage('ja, zh')).toBe('de');
    expect(negotiateLanguage(null)).toBe('de');
  });
});
