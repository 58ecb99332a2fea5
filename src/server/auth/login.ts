/** Signing in: rate limits first (before any password hashing), then argon2id, then a session. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { needsSecondFactor } from '../../domain/session-expiry';
import { hitAll } from '../rate-limit';
import { hashToken } from '../tokens';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, generateSessionToken, type Session, type User } from './sessions';

export type LoginOutcome = { kind: 'ok'; token: string; session: Session; user: User } | { kind: 'failed' } | { kind: 'limited' };

// A hash to verify against when the e-mail is unknown, so both cases take the same time.
const DUMMY_HASH = hashPassword('not-a-real-password-0000');

export async function logIn(db: Db, email: string, password: string, clientAddress: string, now: Date): Promise<LoginOutcome> {
  const withinLimits = await hitAll(
    db,
    [
      { key: `login:email:${hashToken(email.trim().toLowerCase())}`, max: 5, windowSeconds: 15 * 60 },
      { key: `login:addr:${hashToken(clientAddress)}`, max: 30, windowSeconds: 15 * 60 },
    ],
    now,
  );
  if (!withinLimits) return { kind: 'limited' };
  // No address has control characters (and PostgreSQL cannot even compare a NUL): no such user.
  const [user] = /\p{Cc}/u.test(email)
    ? []
    : await db
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), password.slice(0, 256));
  if (!user || !ok || user.status !== 'active') return { kind: 'failed' };
  const token = generateSessionToken();
  const session = await createSession(db, token, user.id, now, false);
  return { kind: 'ok', token, session, user };
}

/** Where a signed-in person goes next: the second factor first, where their role needs one. */
export function nextStep(user: User, session: Session): 'setup-2fa' | 'verify-2fa' | 'home' {
  if (!needsSecondFactor(user.role)) return 'home';
  if (!user.totpKey) return 'setup-2fa';
  return session.twoFactorVerified ? 'home' : 'verify-2fa';
}
