import type { DatabaseHandle } from '../../db/client';
import { seedOffice } from '../../db/seed';
import type { BookingDeps } from '../../src/server/booking/appointments';
import type { BookingRequest } from '../../src/domain/booking-schema';

/** A clock the test moves by hand. */
export function movingClock(start: string) {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => (now = new Date(iso)),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

export async function seededDeps(
  handle: DatabaseHandle,
  clock: { now: () => Date },
  limits = { perEmailPerDay: 1000, perAddressPerHour: 100_000 },
): Promise<BookingDeps> {
  await seedOffice(handle.db, [2026, 2027]);
  return { db: handle.db, now: clock.now, origin: 'http://portal.test', limits };
}

let counter = 0;
export function request(overrides: Partial<BookingRequest> = {}): BookingRequest {
  counter += 1;
  return {
    service: 'employer-fast-lane',
    location: 'immigration-office',
    start: '2026-11-30T08:00:00+01:00',
    persons: 1,
    name: 'Test Person',
    email: `person${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`,
    language: 'de',
    needs: [],
    checklist: {},
    ...overrides,
  };
}
