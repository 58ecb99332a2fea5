/** The mails about one appointment: confirmation, reminder, moved, cancelled, and a freed time. */
import { calendarFile } from '../../domain/ics';
import { formatDateTime } from '../../i18n/format';
import { useTranslations } from '../../i18n/i18n';
import { parseAnswers } from '../../domain/checklists/checklist';
import { checklistLines } from './checklist-lines';
import { composeMail, type Block, type ComposedMail, type MailAttachment } from './compose';
import { qrPngBase64 } from '../qr';

export interface AppointmentFacts {
  id: string;
  reference: string;
  serviceId: string;
  startsAt: Date;
  endsAt: Date;
  persons: number;
  name: string;
  language: string;
  needs: string[];
  location: { id: string; street: string; postcode: string; city: string; phone: string };
  /** The information page that explains the service (what to bring). */
  servicePage: string;
  checklistAnswers: Record<string, string>;
}

export type AppointmentMailKind = 'confirmation' | 'reminder' | 'moved' | 'cancelled';

function facts(a: AppointmentFacts): { blocks: Block[]; service: string; place: string; when: string } {
  const t = useTranslations(a.language);
  const service = t(`common:office.services.${a.serviceId}`);
  const place = `${t(`common:office.locations.${a.location.id}`)}, ${a.location.street}, ${a.location.postcode} ${a.location.city}`;
  const when = formatDateTime(a.language, a.startsAt);
  const rows: [string, string][] = [
    [t('mail:labels.what'), service],
    [t('mail:labels.when'), when],
    [t('mail:labels.where'), place],
    [t('mail:labels.reference'), a.reference],
  ];
  if (a.persons > 1) rows.push([t('mail:labels.persons'), String(a.persons)]);
  if (a.needs.length > 0) rows.push([t('mail:labels.needs'), a.needs.map((n) => t(`booking:needs.${n}`)).join(', ')]);
  return { blocks: [{ kind: 'facts', rows }], service, place, when };
}

export function appointmentMail(
  kind: AppointmentMailKind,
  a: AppointmentFacts,
  urls: { manage: string; checklist: string; book: string; checkIn: string },
  stamp: Date,
): ComposedMail {
  const t = useTranslations(a.language);
  const { blocks, service, place, when } = facts(a);
  const body: Block[] = [
    { kind: 'p', text: t('mail:greeting', { name: a.name }) },
    { kind: 'p', text: t(`mail:${kind}.intro`) },
    ...blocks,
  ];
  if (kind === 'cancelled') {
    body.push({ kind: 'link', label: t('mail:bookAgain'), url: urls.book });
  } else {
    const answers = parseAnswers(a.checklistAnswers);
    body.push({ kind: 'list', title: t('checklist:mailTitle'), items: checklistLines(a.language, a.serviceId, answers) });
    if (Object.keys(answers).length === 0) body.push({ kind: 'p', text: t('checklist:mailFullNote') });
    body.push({ kind: 'link', label: t('mail:bringLink'), url: urls.checklist });
    body.push({ kind: 'p', text: t('mail:arrive') });
    body.push({ kind: 'p', text: t('mail:checkIn') });
    body.push({ kind: 'image', cid: 'check-in', alt: t('mail:checkInAlt', { reference: a.reference }) });
    body.push({ kind: 'link', label: t('mail:manage'), url: urls.manage });
  }
  const ics = calendarFile({
    uid: `${a.id}@welcome-portal`,
    start: a.startsAt,
    end: a.endsAt,
    stamp,
    summary: `${service} (${a.reference})`,
    location: place,
    description: `${t('mail:manage')}: ${urls.manage}`,
    url: urls.manage,
    status: kind === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    sequence: Math.floor(stamp.getTime() / 1000),
  });
  const qr: MailAttachment[] =
    kind === 'cancelled'
      ? []
      : [{ filename: 'check-in.png', contentType: 'image/png', content: qrPngBase64(urls.checkIn), encoding: 'base64', cid: 'check-in' }];
  return composeMail(a.language, t(`mail:${kind}.subject`, { service, when }), body, [
    { filename: 'appointment.ics', contentType: 'text/calendar; charset=utf-8', content: ics },
    ...qr,
  ]);
}

/** To the first person on the waiting list when a time frees up. Carries no one else's data. */
export function freedTimeMail(lang: string, serviceId: string, bookUrl: string): ComposedMail {
  const t = useTranslations(lang);
  const service = t(`common:office.services.${serviceId}`);
  return composeMail(lang, t('mail:freed.subject', { service }), [
    { kind: 'p', text: t('mail:freed.intro', { service }) },
    { kind: 'link', label: t('mail:freed.book'), url: bookUrl },
    { kind: 'p', text: t('mail:freed.note') },
  ]);
}
