import type { APIRoute } from 'astro';
import { LANGUAGES } from '../i18n/languages';
import { getAllPages, pagePath } from '../i18n/pages';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Every information page in every language, with its language alternates. */
export const GET: APIRoute = async ({ site }) => {
  const origin = site?.origin ?? '';
  const slugs = [...new Set((await getAllPages()).map((p) => p.slug))];
  const urls = slugs.flatMap((slug) =>
    LANGUAGES.map((l) => {
      const alternates = LANGUAGES.map(
        (a) => `<xhtml:link rel="alternate" hreflang="${a.tag}" href="${escapeXml(origin + pagePath(a.code, slug))}"/>`,
      ).join('');
      return `<url><loc>${escapeXml(origin + pagePath(l.code, slug))}</loc>${alternates}</url>`;
    }),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls.join('')}</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
