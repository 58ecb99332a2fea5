/** Reads the rows the figures need and hands them to src/domain/figures.ts. */
import { and, asc, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { appointments, closures, counters, openingHours, referrals } from '../../../db/schema';
import { appointmentFigures, daysUntil, median, openCounterMinutes, weeklyCounts } from '../../domain/figures';
import { addDays, parseClock, toZoned } from '../../domain/time';
import { firstFreeSlots } from '../booking/appointments';
import { loadCatalogue, loadServiceAtLocation } from '../booking/office-data';
import { dayBounds } from '../desk/desk';
import { rowsOf } from '../rate-limit';

export interface WaitingTime {
  serviceId: string;
  locationId: string;
  days: number | null;
  next: Date | null;
}

/** Days until the next free slot, per service and location (what people feel as waiting time). */
export async function waitingTimes(db: Db, now: Date): Promise<WaitingTime[]> {
  const out: WaitingTime[] = [];
  for (const { service, locationIds } of await loadCatalogue(db)) {
    for (const locationId of locationIds) {
      const data = await loadServiceAtLocation(db, service.id, locationId);
      if (!data) continue;
      const [first] = await firstFreeSlots(db, data, now, 1, 1);
      out.push({ serviceId: service.id, locationId, days: daysUntil(now, first?.start), next: first?.start ?? null });
    }
  }
  return out;
}

let cachedWaiting: { at: number; value: Promise<WaitingTime[]> } | undefined;

/** The public page asks often: 30 s here plus 30 s in caches keeps the figures at most a minute old. */
export function cachedWaitingTimes(db: Db, now: Date): Promise<WaitingTime[]> {
  if (!cachedWaiting || Date.now() - cachedWaiting.at > 30_000) {
    const value = waitingTimes(db, now);
    cachedWaiting = { at: Date.now(), value };
    value.catch(() => (cachedWaiting = undefined));
  }
  return cachedWaiting.value;
}

export interface Period {
  from: string; // first day, Berlin
  to: string; // last day, inclusive
}

export async function officeFigures(db: Db, period: Period, now: Date) {
  const from = dayBounds(period.from).from;
  const to = dayBounds(period.to).to;
  const rows = await db
    .select()
    .from(appointments)
    .where(and(gte(appointments.startsAt, from), lt(appointments.startsAt, to)));
  const perService = appointmentFigures(rows, now);
  const hours = await db.select().from(openingHours);
  const counterRows = await db
    .select({ locationId: counters.locationId, n: sql<number>`count(*)::int` })
    .from(counters)
    .groupBy(counters.locationId);
  const closed = await db
    .select()
    .from(closures)
    .where(and(gte(closures.endsOn, period.from)));
  const capacity = counterRows.map(({ locationId, n }) => {
    const days = new Set<string>();
    for (const c of closed.filter((c) => c.locationId === null || c.locationId === locationId))
      for (let d = c.startsOn; d <= c.endsOn && d <= period.to; d = addDays(d, 1)) days.add(d);
    const open = openCounterMinutes(
      period.from,
      period.to,
      hours
        .filter((h) => h.locationId === locationId)
        .map((h) => ({ weekday: h.weekday, opens: parseClock(h.opens), closes: parseClock(h.closes) })),
      Number(n),
      days,
    );
    const booked = perService.filter((f) => f.locationId === locationId).reduce((sum, f) => sum + f.bookedMinutes, 0);
    return { locationId, openMinutes: open, bookedMinutes: booked, used: open > 0 ? booked / open : null };
  });
  const day = (d: Date) => toZoned(d).date;
  const weekly = {
    appointments: weeklyCounts(
      rows.filter((r) => r.status !== 'cancelled').map((r) => day(r.startsAt)),
      period.from,
      period.to,
    ),
    cancelled: weeklyCounts(
      rows.filter((r) => r.status === 'cancelled').map((r) => day(r.startsAt)),
      period.from,
      period.to,
    ),
    noShows: weeklyCounts(
      rows.filter((r) => r.status === 'no_show').map((r) => day(r.startsAt)),
      period.from,
      period.to,
    ),
  };
  return {
    perService,
    capacity: capacity.sort((a, b) => a.locationId.localeCompare(b.locationId)),
    weekly,
    referrals: await referralFigures(db, from, to),
  };
}

async function referralFigures(db: Db, from: Date, to: Date) {
  const inPeriod = and(gte(referrals.createdAt, from), lt(referrals.createdAt, to));
  const byTopic = rowsOf<{ topic: string; n: number }>(
    await db.execute(
      sql`select t as topic, count(*)::int as n from referrals, unnest(topics) t where created_at >= ${from.toISOString()} and created_at < ${to.toISOString()} group by t order by t`,
    ),
  );
  const byStatus = await db
    .select({ status: referrals.status, n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(inPeriod)
    .groupBy(referrals.status)
    .orderBy(asc(referrals.status));
  const claimed = await db
    .select({ created: referrals.createdAt, claimed: referrals.firstClaimedAt, closed: referrals.closedAt })
    .from(referrals)
    .where(and(inPeriod, isNotNull(referrals.firstClaimedAt)));
  const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;
  return {
    byTopic: byTopic.map((r) => ({ topic: r.topic, count: Number(r.n) })),
    byStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.n) })),
    medianHoursToClaim: median(claimed.map((r) => hours(r.created, r.claimed!))),
    medianHoursToClose: median(claimed.filter((r) => r.closed).map((r) => hours(r.created, r.closed!))),
  };
}
