/** Builds the referral island's props on the server, for the first render and the no-JS form. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { locations } from '../../../db/schema';
import { office } from '../../content/office';
import { CONSENT_VERSION, CONTACT_WAYS, MAX_MESSAGE, TOPICS, URGENCIES } from '../../domain/referrals/referral-schema';
import { i18n, useTranslations } from '../../i18n/i18n';
import { LANGUAGES } from '../../i18n/languages';
import { flatten } from '../../i18n/locale-parity';
import type { ReferralProps, ReferralValues } from '../../islands/referral-types';

export function referralStrings(lang: string): Record<string, string> {
  const t = useTranslations(lang);
  const keys = [...flatten(i18n.getResourceBundle('de', 'referral')).keys()].filter(
    (k) => !k.startsWith('consent.v') && !k.startsWith('mail.'),
  );
  return Object.fromEntries(keys.map((k) => [k, t(`referral:${k}`)]));
}

/** The consent paragraphs of a version, as the person reads them. */
export function consentText(lang: string, version: number, retentionDays: number): string[] {
  const t = useTranslations(lang);
  return ['who', 'what', 'how', 'long', 'withdraw'].map((p) =>
    t(`referral:consent.v${version}.${p}`, { count: retentionDays, email: office.mainEmail }),
  );
}

export function emptyValues(lang: string): ReferralValues {
  return {
    topics: [],
    urgency: 'normal',
    language: lang,
    contactWay: '',
    centre: '',
    interpreter: false,
    name: '',
    email: '',
    phone: '',
    message: '',
    consent: false,
  };
}

/** The plain HTML form's fields, as the same shape the island sends. */
export function valuesFromForm(form: FormData, lang: string): ReferralValues {
  const field = (name: string, max = 300) => String(form.get(name) ?? '').slice(0, max);
  return {
    topics: form.getAll('topics').map(String).slice(0, TOPICS.length),
    urgency: field('urgency'),
    language: field('language') || lang,
    contactWay: field('contactWay'),
    centre: field('centre'),
    interpreter: form.get('interpreter') === 'yes',
    name: field('name'),
    email: field('email'),
    phone: field('phone'),
    message: field('message', MAX_MESSAGE + 100),
    consent: form.get('consent') === 'yes',
  };
}

export async function referralProps(
  db: Db,
  lang: string,
  options: { forClient: boolean; retentionDays: number; values?: ReferralValues; errors?: Record<string, string>; notice?: string | null },
): Promise<ReferralProps> {
  const t = useTranslations(lang);
  const centres = await db.select({ id: locations.id }).from(locations).where(eq(locations.area, 'integration')).orderBy(asc(locations.id));
  return {
    lang,
    action: `/${lang}/referral/`,
    strings: referralStrings(lang),
    topics: TOPICS,
    urgencies: URGENCIES,
    contactWays: CONTACT_WAYS,
    languages: LANGUAGES.map((l) => ({ code: l.code, tag: l.tag, name: l.name })),
    centres: centres.map((c) => ({ id: c.id, name: t(`common:office.locations.${c.id}`) })),
    consentVersion: CONSENT_VERSION,
    consentText: consentText(lang, CONSENT_VERSION, options.retentionDays),
    maxMessage: MAX_MESSAGE,
    forClient: options.forClient,
    values: options.values ?? emptyValues(lang),
    errors: options.errors ?? {},
    notice: options.notice ?? null,
  };
}
