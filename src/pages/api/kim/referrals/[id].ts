import type { APIRoute } from 'astro';
import { requireApiStaff } from '../../../../server/auth/api-guard';
import { json } from '../../../../server/http';
import { referralDeps } from '../../../../server/referrals/deps';
import { referralCsv, referralJson } from '../../../../server/referrals/export';
import { readReferral } from '../../../../server/referrals/inbox';

export const prerender = false;

/** GET /api/kim/referrals/:id?format=json|csv — one referral for the case file; the read is logged. */
export const GET: APIRoute = async ({ params, url, locals }) => {
  const guard = requireApiStaff(locals, ['counsellor']);
  if (!guard.ok) return guard.response;
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'json';
  const read = await readReferral(await referralDeps(), guard.user, params.id ?? '', format === 'csv' ? 'export-csv' : 'export-json');
  if (!read) return json(404, { error: { code: 'notFound' } });
  const file = `referral-${read.referral.reference}.${format}`;
  const headers = { 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="${file}"` };
  if (format === 'json') return json(200, referralJson(read), headers);
  return new Response(`\uFEFF${referralCsv(read)}`, { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
};
