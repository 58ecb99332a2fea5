/** Claim, start, note, forward, close: one transaction each, with a timeline entry. */
import { eq } from 'drizzle-orm';
import { kimTeams, referralEvents, referrals } from '../../../db/schema';
import { applyAction, type ActionInput, type ActionOutcome } from '../../domain/referrals/workflow';
import type { User } from '../auth/sessions';
import type { ReferralDeps } from './deps';
import { findVisible } from './inbox';
import { notifyTeam } from './mails';
import { sealDetail } from './personal';

export type ActOutcome =
  { kind: 'done' } | { kind: 'notFound' } | { kind: 'problem'; problem: Extract<ActionOutcome, { ok: false }>['problem'] | 'noSuchTeam' };

export async function actOnReferral(deps: ReferralDeps, user: User, id: string, input: ActionInput): Promise<ActOutcome> {
  if (!(await findVisible(deps.db, user, id))) return { kind: 'notFound' };
  if (input.action === 'forward') {
    const [team] = await deps.db.select({ id: kimTeams.id }).from(kimTeams).where(eq(kimTeams.id, input.toTeamId));
    if (!team) return { kind: 'problem', problem: 'noSuchTeam' };
  }
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // Locked, so two counsellors claiming at once cannot both win.
    const [current] = await tx.select().from(referrals).where(eq(referrals.id, id)).for('update');
    if (!current) return { kind: 'notFound' };
    const outcome = applyAction({ status: current.status, teamId: current.teamId, claimedBy: current.claimedBy }, input, user.id);
    if (!outcome.ok) return { kind: 'problem', problem: outcome.problem };
    const { next } = outcome;
    await tx
      .update(referrals)
      .set({
        status: next.status,
        teamId: next.teamId,
        claimedBy: next.claimedBy,
        ...(input.action === 'claim' && !current.firstClaimedAt ? { firstClaimedAt: now } : {}),
        ...(input.action === 'close' ? { closedAt: now } : {}),
        // At a new team the clock for escalation starts again.
        ...(input.action === 'forward' ? { routedAt: now, escalatedAt: null } : {}),
      })
      .where(eq(referrals.id, id));
    const text = input.action === 'note' ? input.text.trim() : input.action === 'forward' ? input.reason.trim() : null;
    await tx.insert(referralEvents).values({
      referralId: id,
      at: now,
      actorId: user.id,
      kind:
        input.action === 'start'
          ? 'in_progress'
          : input.action === 'claim'
            ? 'claimed'
            : input.action === 'close'
              ? 'closed'
              : input.action === 'forward'
                ? 'forwarded'
                : 'note',
      fromTeam: input.action === 'forward' ? current.teamId : null,
      toTeam: input.action === 'forward' ? next.teamId : null,
      detail: text ? sealDetail(deps.keyring, text, id) : null,
    });
    if (input.action === 'forward') await notifyTeam(tx, next.teamId, id, deps.origin, now, 'forwarded');
    return { kind: 'done' };
  });
}
