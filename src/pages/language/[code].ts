import type { APIRoute } from 'astro';
import { isLanguageCode } from '../../i18n/languages';
import { safeNextRoute } from '../../i18n/routes';

export const prerender = false;

const ONE_YEAR = 60 * 60 * 24 * 365;

/** The language switcher's links: remember the choice, then show the same page in that language. */
export const GET: APIRoute = ({ params, url, cookies, redirect }) => {
  const code = params.code;
  if (!isLanguageCode(code)) return redirect('/', 302);
  cookies.set('lang', code, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: true, secure: url.protocol === 'https:' });
  return redirect(`/${code}/${safeNextRoute(url.searchParams.get('next'))}`, 303);
};
