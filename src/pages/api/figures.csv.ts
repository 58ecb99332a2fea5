import type { APIRoute } from 'astro';
import { requireApiStaff } from '../../server/auth/api-guard';
import { getDb } from '../../server/db';
import { officeFigures, waitingTimes } from '../../server/figures/figures';
import { figuresPeriod } from '../../server/figures/period';
import { toCsv } from '../../domain/referrals/csv';

export const prerender = false;

const COLUMNS = [
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
] as const;

/** GET /api/figures.csv?from=&to= — the figures page as one CSV (admins). */
export const GET: APIRoute = async ({ url, locals }) => {
  const guard = requireApiStaff(locals, ['admin']);
  if (!guard.ok) return guard.response;
  const now = new Date();
  const period = figuresPeriod(url.searchParams, now);
  const db = await getDb();
  const [waiting, figures] = [await waitingTimes(db, now), await officeFigures(db, period, now)];
  const row = (cells: Partial<Record<(typeof COLUMNS)[number], string | number | null>>) => COLUMNS.map((c) => cells[c] ?? null);
  const span = { from: period.from, to: period.to };
  const rows = [
    [...COLUMNS],
    ...waiting.map((w) => row({ section: 'waiting', service: w.serviceId, location: w.locationId, days_to_next_free_slot: w.days })),
    ...figures.perService.map((f) =>
      row({
        section: 'appointments',
        service: f.serviceId,
        location: f.locationId,
        ...span,
        appointments: f.appointments,
        walk_ins: f.walkIns,
        cancelled: f.cancelled,
        no_shows: f.noShows,
        no_show_rate: f.noShowRate,
        booked_minutes: f.bookedMinutes,
      }),
    ),
    ...figures.capacity.map((c) =>
      row({
        section: 'capacity',
        location: c.locationId,
        ...span,
        booked_minutes: c.bookedMinutes,
        open_minutes: c.openMinutes,
        capacity_used: c.used,
      }),
    ),
    ...figures.referrals.byTopic.map((r) => row({ section: 'referrals_by_topic', ...span, topic: r.topic, count: r.count })),
    ...figures.referrals.byStatus.map((r) => row({ section: 'referrals_by_status', ...span, status: r.status, count: r.count })),
  ];
  return new Response(`\uFEFF${toCsv(rows)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="figures-${period.from}-${period.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
