/** Every staff page starts here: signed in, second factor done where the role needs it, right role. */
import type { AstroGlobal } from 'astro';
import type { Role } from '../../../db/schema';
import { nextStep } from './login';
import type { Session, User } from './sessions';

export type Guarded = { ok: true; user: User; session: Session } | { ok: false; response: Response };

export function requireStaff(astro: AstroGlobal, lang: string, roles?: readonly Role[]): Guarded {
  const { user, session } = astro.locals;
  if (!user || !session) return { ok: false, response: astro.redirect(`/${lang}/staff/login/`, 303) };
  const step = nextStep(user, session);
  if (step === 'setup-2fa') return { ok: false, response: astro.redirect(`/${lang}/staff/totp-setup/`, 303) };
  if (step === 'verify-2fa') return { ok: false, response: astro.redirect(`/${lang}/staff/totp/`, 303) };
  // The wrong role learns nothing about what exists here.
  if (roles && !roles.includes(user.role)) return { ok: false, response: new Response('Not found', { status: 404 }) };
  return { ok: true, user, session };
}
