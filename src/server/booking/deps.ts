import { getDb } from '../db';
import { loadEnv } from '../env';
import type { BookingDeps } from './appointments';

/** The booking service's dependencies in the running server: the database, the real clock. */
export async function bookingDeps(): Promise<BookingDeps> {
  const env = loadEnv();
  return {
    db: await getDb(),
    now: () => new Date(),
    origin: env.PUBLIC_ORIGIN.replace(/\/$/, ''),
    limits: { perEmailPerDay: env.BOOKING_LIMIT_PER_EMAIL_PER_DAY, perAddressPerHour: env.BOOKING_LIMIT_PER_ADDRESS_PER_HOUR },
  };
}
