import type { APIRoute } from 'astro';
import { isLanguageCode } from '../../../i18n/languages';
import { negotiateLanguage } from '../../../i18n/negotiate';

export const prerender = false;

/**
 * What the check-in QR code opens (on the counter's tablet, with any camera app): the desk, in
 * the signed-in person's language, with that appointment ready to check in. Others sign in first.
 */
export const GET: APIRoute = ({ params, locals, request, redirect }) => {
  const reference = (params.reference ?? '').toUpperCase();
  if (!/^T-[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(reference)) return new Response('Not found', { status: 404 });
  const user = locals.user;
  const lang = user && isLanguageCode(user.language) ? user.language : negotiateLanguage(request.headers.get('accept-language'));
  if (!user) return redirect(`/${lang}/staff/login/?next=${encodeURIComponent(`/staff/checkin/${reference}`)}`, 303);
  return redirect(`/${lang}/staff/desk/?checkin=${reference}#scanned`, 303);
};
