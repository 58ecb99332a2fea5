/**
 * Sessions as the Lucia guide builds them: a random token in an HttpOnly cookie, only its
 * SHA-256 in the database, sliding expiry with an absolute limit, sign-out everywhere.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sessions, users } from '../../../db/schema';
import { judgeSession, SESSION_IDLE_MS } from '../../domain/session-expiry';
import { generateSecretToken, hashToken } from '../tokens';

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type SessionValidation = { session: Session; user: User } | { session: null; user: null };

export function generateSessionToken(): string {
  return generateSecretToken();
}

export async function createSession(db: Db, token: string, userId: string, now: Date, twoFactorVerified = false): Promise<Session> {
  const session = { id: hashToken(token), userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS), twoFactorVerified };
  await db.insert(sessions).values(session);
  return session;
}

export async function validateSessionToken(db: Db, token: string, now: Date): Promise<SessionValidation> {
  if (!/^[a-z2-7]{20,64}$/.test(token)) return { session: null, user: null };
  const id = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, id));
  if (!row || row.user.status !== 'active') return { session: null, user: null };
  const verdict = judgeSession(row.session, now);
  if (!verdict.valid) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { session: null, user: null };
  }
  if (verdict.extendTo) {
    await db.update(sessions).set({ expiresAt: verdict.extendTo }).where(eq(sessions.id, id));
    row.session.expiresAt = verdict.extendTo;
  }
  return row;
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function markSecondFactorVerified(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId));
}
