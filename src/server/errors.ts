/** PostgreSQL error details, whichever driver (postgres.js, PGlite) and wrapper (drizzle) raised it. */
export interface PgErrorInfo {
  code?: string;
  constraint?: string;
}

export function pgError(error: unknown): PgErrorInfo {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      const constraint =
        typeof e.constraint_name === 'string' ? e.constraint_name : typeof e.constraint === 'string' ? e.constraint : undefined;
      return { code: e.code, ...(constraint ? { constraint } : {}) };
    }
    current = e.cause;
  }
  return {};
}

export const EXCLUSION_VIOLATION = '23P01';
/**
 * Two transactions inserting conflicting rows under an exclusion constraint can each wait for
 * the other; PostgreSQL then aborts one with a deadlock. The survivor holds the time.
 */
export const DEADLOCK_DETECTED = '40P01';
export const UNIQUE_VIOLATION = '23505';

/** The database or the network to it failed: the request may be retried later. */
export function isUnavailable(error: unknown): boolean {
  const { code } = pgError(error);
  if (code?.startsWith('08') || code === '57P01' || code === '57P03' || code === '53300') return true;
  const message = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : '';
  // EPIPE: a query written to a connection PostgreSQL had just closed (a restart under load).
  return /ECONNREFUSED|ECONNRESET|EPIPE|CONNECTION_CLOSED|CONNECTION_DESTROYED|CONNECT_TIMEOUT|CONNECTION_ENDED|ETIMEDOUT|terminating connection/i.test(
    message,
  );
}
