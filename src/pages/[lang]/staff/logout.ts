import type { APIRoute } from 'astro';
import { isLanguageCode } from '../../../i18n/languages';
import { deleteSessionCookie } from '../../../server/auth/cookies';
import { invalidateAllSessions, invalidateSession } from '../../../server/auth/sessions';
import { getDb } from '../../../server/db';

export const prerender = false;

/** POST only (a link could be triggered by another site); Astro's origin check guards it. */
export const POST: APIRoute = async ({ params, locals, request, cookies, redirect, url }) => {
  const lang = isLanguageCode(params.lang) ? params.lang : 'de';
  if (locals.session && locals.user) {
    const form = await request.formData().catch(() => new FormData());
    const db = await getDb();
    if (form.get('everywhere')) await invalidateAllSessions(db, locals.user.id);
    else await invalidateSession(db, locals.session.id);
  }
  deleteSessionCookie(cookies, url.protocol === 'https:');
  return redirect(`/${lang}/staff/login/`, 303);
};
