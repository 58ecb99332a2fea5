/** Accounts come by invitation: an admin invites by e-mail, the link sets the password once. */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { invitations, users, type Role } from '../../../db/schema';
import { passwordProblem } from '../../domain/session-expiry';
import { useTranslations } from '../../i18n/i18n';
import { composeMail } from '../mail/compose';
import { enqueueMail } from '../mail/outbox';
import { generateSecretToken, hashToken } from '../tokens';
import { hashPassword } from './passwords';

const VALID_DAYS = 7;

export type InviteOutcome = { kind: 'invited' } | { kind: 'exists' };

export async function inviteUser(
  db: Db,
  input: { email: string; name: string; role: Role; language: string; invitedBy: string },
  origin: string,
  now: Date,
): Promise<InviteOutcome> {
  const email = input.email.trim();
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (existing) return { kind: 'exists' };
  const token = generateSecretToken();
  const t = useTranslations(input.language);
  const link = `${origin}/${input.language}/staff/invitation/?t=${token}`;
  await db.transaction(async (tx) => {
    await tx.insert(invitations).values({
      tokenHash: hashToken(token),
      email,
      name: input.name.trim(),
      role: input.role,
      language: input.language,
      invitedBy: input.invitedBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    });
    const mail = composeMail(input.language, t('staff:invite.mailSubject'), [
      { kind: 'p', text: t('mail:greeting', { name: input.name }) },
      { kind: 'p', text: t('staff:invite.mailText', { role: t(`staff:home.roles.${input.role}`), days: VALID_DAYS }) },
      { kind: 'link', label: t('staff:invite.mailLink'), url: link },
    ]);
    await enqueueMail(tx, { kind: 'invitation', now, to: email, mail });
  });
  return { kind: 'invited' };
}

export type Invitation = typeof invitations.$inferSelect;

export async function findOpenInvitation(db: Db, token: string, now: Date): Promise<Invitation | undefined> {
  if (!/^[a-z2-7]{20,64}$/.test(token)) return undefined;
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)));
  return row;
}

export type AcceptOutcome = { kind: 'accepted'; userId: string } | { kind: 'invalid' } | { kind: 'weakPassword'; problem: string };

/** Uses the invitation once: a second use, an expired or a tampered link changes nothing. */
export async function acceptInvitation(db: Db, token: string, password: string, now: Date): Promise<AcceptOutcome> {
  const invitation = await findOpenInvitation(db, token, now);
  if (!invitation) return { kind: 'invalid' };
  const problem = passwordProblem(password, invitation.email);
  if (problem) return { kind: 'weakPassword', problem };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const used = await tx
      .update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
      .returning({ id: invitations.id });
    if (used.length === 0) return { kind: 'invalid' } as const;
    const [user] = await tx
      .insert(users)
      .values({
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        status: 'active',
        language: invitation.language,
        passwordHash,
      })
      .returning({ id: users.id });
    return { kind: 'accepted', userId: user!.id } as const;
  });
}
