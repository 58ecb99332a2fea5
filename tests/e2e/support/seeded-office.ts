/**
 * Appointments the browser suite seeds in the past (no booking can make those): the figures
 * test computes its expected numbers from this list, on its own, and compares with the page.
 * Days are counted back from the day the suite starts; statuses as the desk would have left them.
 */
export const FIGURES_SERVICE = { serviceId: 'declaration-of-commitment', locationId: 'immigration-office' } as const;

export interface SeededAppointment {
  daysAgo: number;
  status: 'booked' | 'cancelled' | 'checked_in' | 'no_show' | 'done';
  walkIn?: boolean;
  minutes: number;
}

export const SEEDED_PAST: SeededAppointment[] = [
  { daysAgo: 3, status: 'done', minutes: 20 },
  { daysAgo: 3, status: 'no_show', minutes: 20 },
  { daysAgo: 5, status: 'done', minutes: 20, walkIn: true },
  { daysAgo: 6, status: 'cancelled', minutes: 20 },
  { daysAgo: 8, status: 'done', minutes: 20 },
  { daysAgo: 10, status: 'no_show', minutes: 20 },
  { daysAgo: 12, status: 'cancelled', minutes: 20 },
  { daysAgo: 15, status: 'done', minutes: 20 },
  { daysAgo: 19, status: 'done', minutes: 20 },
  { daysAgo: 22, status: 'cancelled', minutes: 20 },
  { daysAgo: 24, status: 'no_show', minutes: 20 },
];

/** The person the counter marks as not come: booked for earlier today. */
export const NO_SHOW_TODAY = { name: 'Nadia Noshow', serviceId: 'housing-counselling', locationId: 'housing-office' } as const;
