/**
 * On-demand pages call the database; when it is down they answer with a friendly 503 page in
 * the person's language (and Retry-After) instead of an error, and nothing is half-written.
 */
import type { AstroGlobal } from 'astro';
import { useTranslations } from '../i18n/i18n';
import { getLanguage } from '../i18n/languages';
import { isUnavailable } from './errors';
import { escapeHtml } from './mail/escape';

export function outageResponse(lang: string): Response {
  const t = useTranslations(lang);
  const language = getLanguage(lang);
  const html = `<!doctype html><html lang="${language.tag}" dir="${language.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t('outage.title'))}</title><style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head><body><main><h1>${escapeHtml(t('outage.title'))}</h1><p>${escapeHtml(t('outage.text'))}</p><p><a href="/${lang}/">${escapeHtml(t('nav.home'))}</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '30', 'Cache-Control': 'no-store' },
  });
}

export async function withOutagePage<T extends object>(
  astro: AstroGlobal,
  lang: string,
  work: () => Promise<T>,
): Promise<T | { response: Response }> {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error)) return { response: outageResponse(lang) };
    console.error(`[page] ${astro.request.method} ${astro.url.pathname} failed`, error);
    throw error;
  }
}
