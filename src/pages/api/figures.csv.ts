import type { APIRoute } from 'astro';
import { requireApiStaff } from '../../server/auth/api-guard';
import { getDb } from '../../server/db';
import { officeFigures, waitingTimes } from '../../server/figures/figures';
import { figuresPeriod } from '../../server/figures/period';
import { toCsv } from '../../domain/referrals/csv';

export const prerender = false;

/** GET /api/figures.csv?from=&to= — the figures page as one CSV (admins). */
export const GET: APIRoute = async ({ url, locals }) => {
  const guard = requireApiStaff(locals, ['admin']);
  if (!guard.ok) return guard.response;
  const now = new Date();
  const period = figuresPeriod(url.searchParams, now);
  const db = await getDb();
  const [waiting, figures] = [await waitingTimes(db, now), await officeFigures(db, period, now)];
  const rows: (string | number | null)[][] = [
    [
      'section',
      'service',
      'location',
      'from',
      'to',
      'days_to_next_free_slot',
      'appointments',
      'walk_ins',
      'cancelled',
      'no_shows',
      'no_show_rate',
      'booked_minutes',
      'open_minutes',
      'capacity_used',
      'topic',
      'status',
      'count',
    ],
    ...waiting.map((w) => [
      'waiting',
      w.serviceId,
      w.locationId,
      null,
      null,
      w.days,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]),
    ...figures.perService.map((f) => [
      'appointments',
      f.serviceId,
      f.locationId,
      period.from,
      period.to,
      null,
      f.appointments,
      f.walkIns,
      f.cancelled,
      f.noShows,
      f.noShowRate,
      f.bookedMinutes,
      null,
      null,
      null,
      null,
      null,
    ]),
    ...figures.capacity.map((c) => [
      'capacity',
      null,
      c.locationId,
      period.from,
      period.to,
      null,
      null,
      null,
      null,
      null,
      null,
      c.bookedMinutes,
      c.openMinutes,
      c.used,
      null,
      null,
      null,
    ]),
    ...figures.referrals.byTopic.map((r) => [
      'referrals_by_topic',
      null,
      null,
      period.from,
      period.to,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      r.topic,
      null,
      r.count,
    ]),
    ...figures.referrals.byStatus.map((r) => [
      'referrals_by_status',
      null,
      null,
      period.from,
      period.to,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      r.status,
      r.count,
    ]),
  ];
  return new Response(`\uFEFF${toCsv(rows)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="figures-${period.from}-${period.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
