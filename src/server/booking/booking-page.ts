/** Builds the booking island's props on the server, for the first render and the no-JS flow. */
import { LANGUAGES, getLanguage } from '../../i18n/languages';
import { useTranslations } from '../../i18n/i18n';
import { i18n } from '../../i18n/i18n';
import { flatten } from '../../i18n/locale-parity';
import { formatWithOffset, isIsoDate, toZoned } from '../../domain/time';
import { parseAnswers } from '../../domain/checklists/checklist';
import type { BookingProps, BookingValues, SlotOption } from '../../islands/booking-types';
import type { Db } from '../../../db/client';
import { locations as locationTable } from '../../../db/schema';
import { availableSlots } from './appointments';
import { loadCatalogue, loadServiceAtLocation } from './office-data';

/** The booking strings of one language, flattened ("errors.email" -> text), fallbacks applied. */
export function bookingStrings(lang: string): Record<string, string> {
  const t = useTranslations(lang);
  const keys = [...flatten(i18n.getResourceBundle('de', 'booking')).keys()];
  return Object.fromEntries(keys.map((k) => [k, t(`booking:${k}`)]));
}

export function valuesFromQuery(q: URLSearchParams, lang: string): BookingValues {
  const id = (name: string) => (/^[a-z0-9-]{1,64}$/.test(q.get(name) ?? '') ? (q.get(name) ?? '') : '');
  const persons = Number(q.get('persons') ?? 1);
  const start = q.get('start') ?? '';
  const day = q.get('day') ?? '';
  return {
    service: id('service'),
    location: id('location'),
    day: isIsoDate(day) ? day : '',
    start: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(start) ? start : '',
    persons: Number.isInteger(persons) && persons >= 1 && persons <= 6 ? persons : 1,
    name: '',
    email: '',
    phone: '',
    language: lang,
    needs: [],
    checklist: parseAnswers(Object.fromEntries(q)) as Record<string, string>,
  };
}

export async function bookingProps(db: Db, lang: string, values: BookingValues, extra: Partial<BookingProps> = {}): Promise<BookingProps> {
  const t = useTranslations(lang);
  const tag = getLanguage(lang).tag;
  const catalogue = (await loadCatalogue(db)).filter((c) => c.locationIds.length > 0);
  const locationRows = await db.select().from(locationTable);
  const chosen = catalogue.find((c) => c.service.id === values.service);
  const v = { ...values };
  if (!chosen) Object.assign(v, { service: '', location: '', start: '' });
  else if (!chosen.locationIds.includes(v.location)) Object.assign(v, { location: '', start: '' });
  let slots: SlotOption[] | null = null;
  if (v.service && v.location) {
    const data = await loadServiceAtLocation(db, v.service, v.location);
    if (data) {
      const now = new Date();
      const found = await availableSlots(db, data, now, toZoned(now).date, data.service.horizonDays + 1, v.persons);
      slots = found.map((s) => ({ start: formatWithOffset(s.start), capacityLeft: s.freeCounterIds.length }));
      if (v.start && !slots.some((s) => s.start === v.start)) v.start = '';
    }
  }
  const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
  return {
    lang,
    locale: tag,
    strings: bookingStrings(lang),
    freeForms: Object.fromEntries(categories.map((c) => [c, t(`booking:time.free_${c}`, { count: '{{count}}' })])),
    services: catalogue.map(({ service, locationIds }) => ({
      id: service.id,
      name: t(`office.services.${service.id}`),
      minutes: service.durationMinutes,
      infoUrl: `/${lang}/${service.page}/`,
      locationIds,
    })),
    locations: locationRows.map((l) => ({
      id: l.id,
      name: t(`office.locations.${l.id}`),
      address: `${l.street}, ${l.postcode} ${l.city}`,
      stepFree: l.stepFree,
    })),
    languages: LANGUAGES.map((l) => ({ code: l.code, tag: l.tag, name: l.name })),
    values: v,
    slots,
    errors: {},
    notice: null,
    next: [],
    privacyUrl: `/${lang}/privacy/`,
    action: `/${lang}/book/`,
    forClient: false,
    ...extra,
  };
}
