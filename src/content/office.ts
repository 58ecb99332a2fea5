/**
 * THE OFFICE'S OWN FACTS: EXAMPLE DATA FOR A DEMO CITY.
 *
 * Everything in this file (addresses, phone numbers, e-mail addresses, opening hours, counters)
 * is invented for "Musterstadt" and shown with a "demo data" notice while `isDemo` is true.
 * An office adopting the portal replaces this one file and sets `isDemo` to false; the contact
 * pages and the database seed (db/seed.ts) both read it. Names shown to people are translated
 * in locales/<lang>/common.json under `office.locations.<id>` and `office.services.<id>`.
 */

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO: Monday = 1

export interface OpeningHours {
  weekday: Weekday;
  opens: string; // HH:MM, Europe/Berlin
  closes: string;
}

export interface OfficeLocation {
  id: string;
  area: 'migration' | 'home' | 'integration';
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  stepFree: boolean;
  openingHours: OpeningHours[];
  /** Each counter serves the listed services; capacity of a slot = free counters that serve it. */
  counters: { name: string; services: string[] }[];
}

export interface OfficeService {
  id: string;
  area: 'migration' | 'home' | 'integration';
  /** The information page that explains it. */
  page: string;
  durationMinutes: number;
  /** Extra minutes per additional person when a family books together. */
  extraPersonMinutes: number;
  leadTimeHours: number;
  horizonDays: number;
  /** Languages counter staff can serve it in, without an interpreter. */
  staffLanguages: string[];
}

export const office = {
  isDemo: true,
  city: 'Musterstadt',
  timeZone: 'Europe/Berlin',
  mainEmail: 'willkommen@musterstadt.example',
  mainPhone: '+49 0000 000-0',
  barrierReportEmail: 'barrierefreiheit@musterstadt.example',
} as const;

const weekdays = (opens: string, closes: string, days: Weekday[] = [1, 2, 3, 4, 5]): OpeningHours[] =>
  days.map((weekday) => ({ weekday, opens, closes }));

export const services: OfficeService[] = [
  {
    id: 'residence-permit-extension',
    area: 'migration',
    page: 'residence-permit-extension',
    durationMinutes: 20,
    extraPersonMinutes: 10,
    leadTimeHours: 24,
    horizonDays: 42,
    staffLanguages: ['de', 'en', 'tr', 'ar'],
  },
  {
    id: 'settlement-permit',
    area: 'migration',
    page: 'settlement-permit',
    durationMinutes: 30,
    extraPersonMinutes: 15,
    leadTimeHours: 24,
    horizonDays: 56,
    staffLanguages: ['de', 'en'],
  },
  {
    id: 'blue-card',
    area: 'migration',
    page: 'blue-card-skilled-workers',
    durationMinutes: 30,
    extraPersonMinutes: 15,
    leadTimeHours: 24,
    horizonDays: 42,
    staffLanguages: ['de', 'en', 'fr'],
  },
  {
    id: 'employer-fast-lane',
    area: 'migration',
    page: 'employer-fast-lane',
    durationMinutes: 30,
    extraPersonMinutes: 0,
    leadTimeHours: 24,
    horizonDays: 28,
    staffLanguages: ['de', 'en'],
  },
  {
    id: 'family-reunification',
    area: 'migration',
    page: 'family-reunification',
    durationMinutes: 30,
    extraPersonMinutes: 10,
    leadTimeHours: 24,
    horizonDays: 56,
    staffLanguages: ['de', 'en', 'ar'],
  },
  {
    id: 'declaration-of-commitment',
    area: 'migration',
    page: 'declaration-of-commitment',
    durationMinutes: 20,
    extraPersonMinutes: 0,
    leadTimeHours: 24,
    horizonDays: 42,
    staffLanguages: ['de', 'en', 'ru'],
  },
  {
    id: 'naturalisation-advice',
    area: 'migration',
    page: 'naturalisation',
    durationMinutes: 40,
    extraPersonMinutes: 15,
    leadTimeHours: 48,
    horizonDays: 84,
    staffLanguages: ['de', 'en'],
  },
  {
    id: 'integration-counselling',
    area: 'integration',
    page: 'integration-centre',
    durationMinutes: 45,
    extraPersonMinutes: 15,
    leadTimeHours: 12,
    horizonDays: 28,
    staffLanguages: ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr'],
  },
  {
    id: 'housing-counselling',
    area: 'home',
    page: 'homeless-help',
    durationMinutes: 45,
    extraPersonMinutes: 15,
    leadTimeHours: 4,
    horizonDays: 21,
    staffLanguages: ['de', 'en', 'pl', 'ro', 'bg'],
  },
];

export const locations: OfficeLocation[] = [
  {
    id: 'immigration-office',
    area: 'migration',
    street: 'Musterplatz 1',
    postcode: '00001',
    city: 'Musterstadt',
    phone: '+49 0000 000-100',
    email: 'auslaenderbehoerde@musterstadt.example',
    stepFree: true,
    openingHours: [...weekdays('08:00', '12:30'), { weekday: 4, opens: '14:00', closes: '17:30' }],
    counters: [
      { name: 'Schalter 1', services: ['residence-permit-extension', 'settlement-permit', 'blue-card', 'family-reunification'] },
      { name: 'Schalter 2', services: ['residence-permit-extension', 'declaration-of-commitment', 'family-reunification'] },
      { name: 'Schalter 3', services: ['residence-permit-extension', 'settlement-permit', 'naturalisation-advice'] },
      { name: 'Fast Lane', services: ['employer-fast-lane', 'blue-card'] },
    ],
  },
  {
    id: 'housing-office',
    area: 'home',
    street: 'Wohnweg 12',
    postcode: '00002',
    city: 'Musterstadt',
    phone: '+49 0000 000-200',
    email: 'wohnen@musterstadt.example',
    stepFree: true,
    openingHours: weekdays('08:30', '15:00', [1, 2, 3, 4]).concat(weekdays('08:30', '12:00', [5])),
    counters: [
      { name: 'Beratung 1', services: ['housing-counselling'] },
      { name: 'Beratung 2', services: ['housing-counselling'] },
    ],
  },
  {
    id: 'integration-centre',
    area: 'integration',
    street: 'Brückenstraße 5',
    postcode: '00003',
    city: 'Musterstadt',
    phone: '+49 0000 000-300',
    email: 'integration@musterstadt.example',
    stepFree: true,
    openingHours: weekdays('09:00', '16:00', [1, 2, 3, 4]).concat(weekdays('09:00', '13:00', [5])),
    counters: [
      { name: 'Beratung A', services: ['integration-counselling'] },
      { name: 'Beratung B', services: ['integration-counselling'] },
      { name: 'Beratung C', services: ['integration-counselling', 'naturalisation-advice'] },
    ],
  },
  {
    id: 'intercultural-centre-north',
    area: 'integration',
    street: 'Nordring 40',
    postcode: '00004',
    city: 'Musterstadt',
    phone: '+49 0000 000-410',
    email: 'zentrum-nord@musterstadt.example',
    stepFree: false,
    openingHours: weekdays('10:00', '18:00', [1, 3, 5]),
    counters: [{ name: 'Beratung', services: ['integration-counselling', 'housing-counselling'] }],
  },
  {
    id: 'intercultural-centre-south',
    area: 'integration',
    street: 'Südallee 7',
    postcode: '00005',
    city: 'Musterstadt',
    phone: '+49 0000 000-420',
    email: 'zentrum-sued@musterstadt.example',
    stepFree: true,
    openingHours: weekdays('10:00', '18:00', [2, 4]).concat(weekdays('10:00', '14:00', [6])),
    counters: [{ name: 'Beratung', services: ['integration-counselling'] }],
  },
];

/**
 * KIM case-management teams and the topics each receives (priority: lower wins when a referral
 * names topics of several teams). Demo data; admins change it under "Teams and routing".
 */
export const kimTeams: { id: string; name: string; topics: { topic: string; priority: number }[] }[] = [
  { id: 'kim-housing', name: 'KIM Wohnen', topics: [{ topic: 'housing', priority: 10 }] },
  {
    id: 'kim-residence',
    name: 'KIM Aufenthalt und Familie',
    topics: [
      { topic: 'residence', priority: 20 },
      { topic: 'family', priority: 50 },
    ],
  },
  {
    id: 'kim-work',
    name: 'KIM Arbeit und Bildung',
    topics: [
      { topic: 'work', priority: 40 },
      { topic: 'education', priority: 70 },
      { topic: 'language', priority: 80 },
    ],
  },
  {
    id: 'kim-general',
    name: 'KIM Allgemeine Beratung',
    topics: [
      { topic: 'health', priority: 30 },
      { topic: 'money', priority: 60 },
      { topic: 'other', priority: 100 },
    ],
  },
];
