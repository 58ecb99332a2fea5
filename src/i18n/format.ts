import { getLanguage } from './languages';

/** The timezone every date and time in the portal is shown in. */
export const TIME_ZONE = 'Europe/Berlin';

/** Intl gets the BCP 47 tag (Dari as fa-AF is handled by ICU's own fallback). */
export function intlLocale(lang: string): string {
  return getLanguage(lang).tag;
}

export function weekdayName(lang: string, isoWeekday: number): string {
  // 2024-01-01 was a Monday; noon UTC stays on the same day in Berlin.
  const date = new Date(Date.UTC(2024, 0, isoWeekday, 12));
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'long', timeZone: TIME_ZONE }).format(date);
}

/** "08:00" -> the language's own way of writing a time of day. */
export function clockTime(lang: string, hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const date = new Date(Date.UTC(2024, 0, 1, h, m));
  return new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(date);
}

export function formatDate(lang: string, date: Date, style: 'long' | 'medium' = 'long'): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: style, timeZone: TIME_ZONE }).format(date);
}

/** "Tuesday, 1 December 2026 at 08:00" in the reader's language, always in Berlin time. */
export function formatDateTime(lang: string, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

export function formatTime(lang: string, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

export function formatDay(lang: string, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'long', day: 'numeric', month: 'long', timeZone: TIME_ZONE }).format(date);
}
