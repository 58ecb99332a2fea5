import { defineMiddleware } from 'astro:middleware';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie } from './server/auth/cookies';
import { validateSessionToken } from './server/auth/sessions';
import { getDb } from './server/db';
import { isUnavailable } from './server/errors';

/** Puts the signed-in user (if any) on Astro.locals for staff pages; public pages skip it. */
export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  context.locals.session = null;
  const token = context.isPrerendered ? undefined : context.cookies.get(SESSION_COOKIE)?.value;
  if (!token) return next();
  const secure = context.url.protocol === 'https:';
  try {
    const { session, user } = await validateSessionToken(await getDb(), token, new Date());
    if (session) {
      setSessionCookie(context.cookies, token, session.expiresAt, secure);
      context.locals.user = user;
      context.locals.session = session;
    } else {
      deleteSessionCookie(context.cookies, secure);
    }
  } catch (error) {
    // With the database down, staff pages say so themselves; public pages go on.
    if (!isUnavailable(error)) throw error;
  }
  return next();
});
