/** A newcomer, or a volunteer for a client, asks for a referral to KIM case management. */
import { randomUUID } from 'node:crypto';
import { referralEvents, referrals, routingRules } from '../../../db/schema';
import type { ReferralRequest, Topic } from '../../domain/referrals/referral-schema';
import { routeReferral } from '../../domain/referrals/routing';
import { hitAll } from '../rate-limit';
import { generateReference } from '../tokens';
import type { ReferralDeps } from './deps';
import { notifyTeam, queueReceipt } from './mails';
import { sealPersonal } from './personal';

export type SubmitOutcome = { kind: 'sent'; reference: string; id: string } | { kind: 'limited' } | { kind: 'noTeam' };

export const REFERRAL_LIMITS = { perAddressPerHour: 10, perVolunteerPerHour: 40 };

export async function submitReferral(
  deps: ReferralDeps,
  request: ReferralRequest,
  address: string,
  volunteerId?: string,
): Promise<SubmitOutcome> {
  const now = deps.now();
  const limit = volunteerId
    ? { key: `referral:volunteer:${volunteerId}`, max: REFERRAL_LIMITS.perVolunteerPerHour, windowSeconds: 3600 }
    : { key: `referral:address:${address}`, max: REFERRAL_LIMITS.perAddressPerHour, windowSeconds: 3600 };
  if (!(await hitAll(deps.db, [limit], now))) return { kind: 'limited' };
  const rules = await deps.db.select().from(routingRules);
  const teamId = routeReferral(
    request.topics,
    rules.map((r) => ({ ...r, topic: r.topic as Topic })),
  );
  if (!teamId) return { kind: 'noTeam' };
  const id = randomUUID();
  const reference = generateReference('K');
  const personal = sealPersonal(
    deps.keyring,
    {
      name: request.name,
      email: request.email,
      phone: request.phone,
      centre: request.contactWay === 'visit' ? request.centre : '',
      message: request.message,
    },
    id,
  );
  await deps.db.transaction(async (tx) => {
    await tx.insert(referrals).values({
      id,
      reference,
      teamId,
      topics: [...request.topics],
      urgency: request.urgency,
      language: request.language,
      contactWay: request.contactWay,
      interpreter: request.interpreter,
      personal,
      consentVersion: request.consentVersion,
      consentAt: now,
      submittedBy: volunteerId ?? null,
      createdAt: now,
      routedAt: now,
    });
    await tx.insert(referralEvents).values({ referralId: id, at: now, actorId: volunteerId ?? null, kind: 'created', toTeam: teamId });
    if (request.email) await queueReceipt(tx, request.email, request.language, reference, deps.origin, now);
    await notifyTeam(tx, teamId, id, deps.origin, now, 'new');
  });
  return { kind: 'sent', reference, id };
}
