import type { APIRoute } from 'astro';
import { requireApiStaff } from '../../../../../server/auth/api-guard';
import { getDb } from '../../../../../server/db';
import { json } from '../../../../../server/http';
import { teamReferrals } from '../../../../../server/referrals/inbox';

export const prerender = false;

/**
 * GET /api/kim/teams/:team/referrals — a team's referrals for the case management software:
 * states and topics, no personal data (fetch one referral's export for that; it is logged).
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const guard = requireApiStaff(locals, ['counsellor']);
  if (!guard.ok) return guard.response;
  const rows = await teamReferrals(await getDb(), guard.user, params.team ?? '');
  if (!rows) return json(404, { error: { code: 'notFound' } });
  return json(200, {
    team: params.team,
    referrals: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      routedAt: r.routedAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      export: { json: `/api/kim/referrals/${r.id}?format=json`, csv: `/api/kim/referrals/${r.id}?format=csv` },
    })),
  });
};
