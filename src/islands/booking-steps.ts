import type { BookingStep, BookingValues, SlotOption } from './booking-types';

/** Which step the person is on, from what they have chosen so far. */
export function currentStep(v: Pick<BookingValues, 'service' | 'location' | 'start'>): BookingStep {
  if (!v.service) return 1;
  if (!v.location) return 2;
  if (!v.start) return 3;
  return 4;
}

/** The local day (YYYY-MM-DD) of an ISO time written with its Berlin offset. */
export const dayOf = (iso: string) => iso.slice(0, 10);

/** Days with free times, in order. */
export function freeDays(slots: SlotOption[]): string[] {
  return [...new Set(slots.map((s) => dayOf(s.start)))];
}

/** Fills {{name}} placeholders. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}
