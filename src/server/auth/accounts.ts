/** Password reset by mail and volunteers' own registration (approved by an admin). */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { passwordResets, sessions, users, type Role } from '../../../db/schema';
import { passwordProblem } from '../../domain/session-expiry';
import { useTranslations } from '../../i18n/i18n';
import { composeMail } from '../mail/compose';
import { enqueueMail } from '../mail/outbox';
import { hitAll } from '../rate-limit';
import { generateSecretToken, hashToken } from '../tokens';
import { hashPassword } from './passwords';
import { invalidateAllSessions } from './sessions';

const RESET_MINUTES = 60;

export type RequestResetOutcome = { kind: 'done' } | { kind: 'limited' };

/** Always "done" for an unknown address too: the answer must not reveal who has an account. */
export async function requestPasswordReset(
  db: Db,
  email: string,
  clientAddress: string,
  origin: string,
  now: Date,
): Promise<RequestResetOutcome> {
  const address = email.trim().toLowerCase();
  const allowed = await hitAll(
    db,
    [
      { key: `reset:email:${hashToken(address)}`, max: 3, windowSeconds: 3600 },
      { key: `reset:addr:${hashToken(clientAddress)}`, max: 20, windowSeconds: 3600 },
    ],
    now,
  );
  if (!allowed) return { kind: 'limited' };
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${address}`);
  if (!user || user.status !== 'active') return { kind: 'done' };
  const token = generateSecretToken();
  const t = useTranslations(user.language);
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
    });
    const mail = composeMail(user.language, t('staff:reset.mailSubject'), [
      { kind: 'p', text: t('mail:greeting', { name: user.name }) },
      { kind: 'p', text: t('staff:reset.mailText', { minutes: RESET_MINUTES }) },
      { kind: 'link', label: t('staff:reset.mailLink'), url: `${origin}/${user.language}/staff/reset/?t=${token}` },
    ]);
    await enqueueMail(tx, { kind: 'password-reset', now, to: user.email, mail });
  });
  return { kind: 'done' };
}

export async function findOpenReset(db: Db, token: string, now: Date) {
  if (!/^[a-z2-7]{20,64}$/.test(token)) return undefined;
  const [row] = await db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  return row;
}

export type ResetOutcome = { kind: 'done' } | { kind: 'invalid' } | { kind: 'weakPassword'; problem: string };

/** A new password ends every session of the account. */
export async function resetPassword(db: Db, token: string, password: string, now: Date): Promise<ResetOutcome> {
  const open = await findOpenReset(db, token, now);
  if (!open) return { kind: 'invalid' };
  const problem = passwordProblem(password, open.user.email);
  if (problem) return { kind: 'weakPassword', problem };
  const passwordHash = await hashPassword(password);
  const used = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.id, open.reset.id), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  if (used.length === 0) return { kind: 'invalid' };
  await db.update(users).set({ passwordHash }).where(eq(users.id, open.user.id));
  await invalidateAllSessions(db, open.user.id);
  return { kind: 'done' };
}

export type RegisterOutcome = { kind: 'registered' } | { kind: 'exists' } | { kind: 'weakPassword'; problem: string } | { kind: 'limited' };

/** A volunteer registers; the account waits for an admin's approval before it can sign in. */
export async function registerVolunteer(
  db: Db,
  input: { email: string; name: string; password: string; language: string },
  clientAddress: string,
  now: Date,
): Promise<RegisterOutcome> {
  if (!(await hitAll(db, [{ key: `register:addr:${hashToken(clientAddress)}`, max: 10, windowSeconds: 3600 }], now)))
    return { kind: 'limited' };
  const problem = passwordProblem(input.password, input.email);
  if (problem) return { kind: 'weakPassword', problem };
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email.trim().toLowerCase()}`);
  if (existing) return { kind: 'exists' };
  await db.insert(users).values({
    email: input.email.trim(),
    name: input.name.trim(),
    role: 'volunteer',
    status: 'pending',
    language: input.language,
    passwordHash: await hashPassword(input.password),
  });
  return { kind: 'registered' };
}

export async function approveVolunteer(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ status: 'active' })
    .where(and(eq(users.id, userId), eq(users.status, 'pending')))
    .returning({ id: users.id });
  return rows.length > 0;
}

/**
 * An admin changes an account's role or disables it. Disabling or a new role ends the person's
 * sessions: a role's rights must not linger in a cookie.
 */
export async function changeAccount(db: Db, userId: string, role: Role, status: 'active' | 'disabled'): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(userId)) return false;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before || (before.status !== 'active' && before.status !== 'disabled')) return false;
    await tx.update(users).set({ role, status }).where(eq(users.id, userId));
    if (before.role !== role || status === 'disabled') await tx.delete(sessions).where(eq(sessions.userId, userId));
    return true;
  });
}
