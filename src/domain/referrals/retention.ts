/**
 * What the scheduled job does to a referral: closed ones lose their personal data after the
 * retention period (the anonymous figures stay); ones nobody claimed escalate to the team lead.
 */
import type { ReferralStatus } from './workflow';
import { isWaiting } from './workflow';

export interface RetentionSettings {
  retentionDays: number;
  escalateAfterHours: number;
}

export interface RetentionFacts {
  status: ReferralStatus;
  closedAt: Date | null;
  /** When it reached its current team (created or forwarded). */
  routedAt: Date;
  escalatedAt: Date | null;
  anonymisedAt: Date | null;
}

export type RetentionStep = 'anonymise' | 'escalate' | 'keep';

const HOUR = 3_600_000;

export function retentionStep(r: RetentionFacts, now: Date, settings: RetentionSettings): RetentionStep {
  if (r.anonymisedAt) return 'keep';
  if (r.status === 'closed' && r.closedAt && now.getTime() - r.closedAt.getTime() >= settings.retentionDays * 24 * HOUR) return 'anonymise';
  if (isWaiting(r.status) && !r.escalatedAt && now.getTime() - r.routedAt.getTime() >= settings.escalateAfterHours * HOUR)
    return 'escalate';
  return 'keep';
}

/** The cut-off times, for the job's queries. */
export function retentionCutoffs(now: Date, settings: RetentionSettings): { closedBefore: Date; routedBefore: Date } {
  return {
    closedBefore: new Date(now.getTime() - settings.retentionDays * 24 * HOUR),
    routedBefore: new Date(now.getTime() - settings.escalateAfterHours * HOUR),
  };
}
