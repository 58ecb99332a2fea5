import { addDays, isIsoDate, toZoned } from '../../domain/time';
import type { Period } from './figures';

/** The period the figures cover: from/to (Berlin days) if sound, else the last 28 days; at most two years. */
export function figuresPeriod(q: URLSearchParams, now: Date): Period {
  const today = toZoned(now).date;
  const to = isIsoDate(q.get('to') ?? '') ? (q.get('to') ?? today) : today;
  const asked = isIsoDate(q.get('from') ?? '') ? (q.get('from') ?? '') : addDays(to, -27);
  const from = asked > to ? to : asked < addDays(to, -731) ? addDays(to, -731) : asked;
  return { from, to };
}
