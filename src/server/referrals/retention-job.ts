/**
 * The scheduled job: strips personal data from referrals closed longer than the retention period
 * (the anonymous figures stay) and escalates ones nobody claimed to the team lead. Safe to run on
 * several instances at once: rows are taken with SKIP LOCKED.
 */
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import { referralEvents, referrals } from '../../../db/schema';
import { retentionCutoffs } from '../../domain/referrals/retention';
import type { ReferralDeps } from './deps';
import { notifyLead } from './mails';

export async function runReferralRetention(deps: ReferralDeps, now = deps.now()): Promise<{ anonymised: number; escalated: number }> {
  const { closedBefore, routedBefore } = retentionCutoffs(now, deps.settings);
  const anonymised = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.status, 'closed'), lte(referrals.closedAt, closedBefore), isNull(referrals.anonymisedAt)))
      .limit(500)
      .for('update', { skipLocked: true });
    const ids = due.map((r) => r.id);
    if (ids.length === 0) return 0;
    await tx.update(referrals).set({ personal: null, anonymisedAt: now }).where(inArray(referrals.id, ids));
    await tx.update(referralEvents).set({ detail: null }).where(inArray(referralEvents.referralId, ids));
    return ids.length;
  });
  const escalated = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: referrals.id, teamId: referrals.teamId })
      .from(referrals)
      .where(
        and(
          inArray(referrals.status, ['new', 'forwarded']),
          lte(referrals.routedAt, routedBefore),
          isNull(referrals.escalatedAt),
          isNull(referrals.anonymisedAt),
        ),
      )
      .limit(200)
      .for('update', { skipLocked: true });
    for (const r of due) {
      await tx.update(referrals).set({ escalatedAt: now }).where(eq(referrals.id, r.id));
      await tx.insert(referralEvents).values({ referralId: r.id, at: now, kind: 'escalated', toTeam: r.teamId });
      await notifyLead(tx, r.teamId, r.id, deps.origin, now, deps.settings.escalateAfterHours);
    }
    return due.length;
  });
  return { anonymised, escalated };
}
