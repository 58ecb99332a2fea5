/** The JSON endpoints' guard: signed in, second factor done, right role; else 401/404 with no detail. */
import type { Role } from '../../../db/schema';
import { json } from '../http';
import { nextStep } from './login';
import type { User } from './sessions';

export function requireApiStaff(locals: App.Locals, roles: readonly Role[]): { ok: true; user: User } | { ok: false; response: Response } {
  const { user, session } = locals;
  if (!user || !session || nextStep(user, session) !== 'home')
    return { ok: false, response: json(401, { error: { code: 'unauthorised' } }, { 'WWW-Authenticate': 'Cookie' }) };
  if (!roles.includes(user.role)) return { ok: false, response: json(404, { error: { code: 'notFound' } }) };
  return { ok: true, user };
}
