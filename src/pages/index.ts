import type { APIRoute } from 'astro';
import { negotiateLanguage } from '../i18n/negotiate';

export const prerender = false;

/** "/" sends each visitor to their language: an earlier explicit choice, else the browser's. */
export const GET: APIRoute = ({ request, cookies, redirect }) => {
  const lang = negotiateLanguage(request.headers.get('accept-language'), cookies.get('lang')?.value);
  const response = redirect(`/${lang}/`, 302);
  response.headers.set('Vary', 'Accept-Language, Cookie');
  response.headers.set('Cache-Control', 'private, no-cache');
  return response;
};
