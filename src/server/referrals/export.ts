/** One referral for the case management software: JSON, and CSV (one header row, one data row). */
import { toCsv } from '../../domain/referrals/csv';
import type { ReferralRead } from './inbox';

export function referralJson({ referral: r, personal, timeline }: ReferralRead) {
  return {
    reference: r.reference,
    team: r.teamId,
    status: r.status,
    topics: r.topics,
    urgency: r.urgency,
    language: r.language,
    contactWay: r.contactWay,
    interpreter: r.interpreter,
    consent: { version: r.consentVersion, at: r.consentAt.toISOString() },
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    person: personal ? { name: personal.name, email: personal.email, phone: personal.phone, centre: personal.centre } : null,
    message: personal?.message ?? null,
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      by: e.actor,
      fromTeam: e.fromTeam,
      toTeam: e.toTeam,
      text: e.text,
    })),
  };
}

const CSV_COLUMNS = [
  'reference',
  'team',
  'status',
  'topics',
  'urgency',
  'language',
  'contact_way',
  'interpreter',
  'consent_version',
  'consent_at',
  'created_at',
  'closed_at',
  'name',
  'email',
  'phone',
  'centre',
  'message',
  'timeline',
] as const;

export function referralCsv(read: ReferralRead): string {
  const j = referralJson(read);
  const timeline = j.timeline.map((e) => `${e.at} ${e.kind}${e.by ? ` (${e.by})` : ''}${e.text ? `: ${e.text}` : ''}`).join('\n');
  return toCsv([
    CSV_COLUMNS,
    [
      j.reference,
      j.team,
      j.status,
      j.topics.join(' '),
      j.urgency,
      j.language,
      j.contactWay,
      j.interpreter,
      j.consent.version,
      j.consent.at,
      j.createdAt,
      j.closedAt,
      j.person?.name,
      j.person?.email,
      j.person?.phone,
      j.person?.centre,
      j.message,
      timeline,
    ],
  ]);
}
