/**
 * Referral mails. To the person: a receipt with the reference and what happens next. To
 * counsellors and team leads: only a link; the mail carries no personal data at all.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { kimTeams, teamMembers, users } from '../../../db/schema';
import { useTranslations } from '../../i18n/i18n';
import { isLanguageCode } from '../../i18n/languages';
import { composeMail } from '../mail/compose';
import { enqueueMail } from '../mail/outbox';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function queueReceipt(tx: Tx, to: string, lang: string, reference: string, origin: string, now: Date) {
  const t = useTranslations(lang);
  const mail = composeMail(lang, t('referral:mail.subject', { reference }), [
    { kind: 'p', text: t('referral:mail.intro') },
    { kind: 'facts', rows: [[t('referral:receipt.reference'), reference]] },
    {
      kind: 'list',
      title: t('referral:receipt.nextTitle'),
      items: [t('referral:receipt.next1'), t('referral:receipt.next2'), t('referral:receipt.next3')],
    },
    { kind: 'link', label: t('referral:mail.privacy'), url: `${origin}/${lang}/referral/#consent` },
  ]);
  await enqueueMail(tx, { kind: 'referral-receipt', to, mail, now });
}

const staffLanguage = (code: string) => (isLanguageCode(code) ? code : 'de');

/** "A referral is waiting for your team" to every active member of the team. */
export async function notifyTeam(tx: Tx, teamId: string, referralId: string, origin: string, now: Date, kind: 'new' | 'forwarded') {
  const [team] = await tx.select().from(kimTeams).where(eq(kimTeams.id, teamId));
  const members = await tx
    .select({ email: users.email, language: users.language })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), eq(users.status, 'active')));
  for (const member of members) {
    const lang = staffLanguage(member.language);
    const t = useTranslations(lang);
    const mail = composeMail(lang, t(`staff:referrals.mail.${kind}Subject`, { team: team?.name ?? teamId }), [
      { kind: 'p', text: t('staff:referrals.mail.text', { team: team?.name ?? teamId }) },
      { kind: 'link', label: t('staff:referrals.mail.open'), url: `${origin}/${lang}/staff/referral/?id=${referralId}` },
    ]);
    await enqueueMail(tx, { kind: 'referral-notice', to: member.email, mail, now });
  }
}

/** To the team lead when nobody claimed a referral in time. */
export async function notifyLead(tx: Tx, teamId: string, referralId: string, origin: string, now: Date, hours: number) {
  const [lead] = await tx
    .select({ email: users.email, language: users.language, team: kimTeams.name })
    .from(kimTeams)
    .innerJoin(users, eq(users.id, kimTeams.leadUserId))
    .where(and(eq(kimTeams.id, teamId), eq(users.status, 'active')));
  if (!lead) return false;
  const lang = staffLanguage(lead.language);
  const t = useTranslations(lang);
  const mail = composeMail(lang, t('staff:referrals.mail.escalatedSubject', { team: lead.team }), [
    { kind: 'p', text: t('staff:referrals.mail.escalatedText', { team: lead.team, count: Math.round(hours) }) },
    { kind: 'link', label: t('staff:referrals.mail.open'), url: `${origin}/${lang}/staff/referral/?id=${referralId}` },
  ]);
  await enqueueMail(tx, { kind: 'referral-escalation', to: lead.email, mail, now });
  return true;
}
