import type { APIRoute } from 'astro';
import { requireApiStaff } from '../../../server/auth/api-guard';
import { getDb } from '../../../server/db';
import { dayVersion } from '../../../server/desk/desk';
import { json } from '../../../server/http';
import { isIsoDate } from '../../../domain/time';

export const prerender = false;

/** GET /api/desk/version?location=&day= — changes at a place on a day, for the desk's live list. */
export const GET: APIRoute = async ({ url, locals }) => {
  const guard = requireApiStaff(locals, ['counter', 'admin']);
  if (!guard.ok) return guard.response;
  const location = url.searchParams.get('location') ?? '';
  const day = url.searchParams.get('day') ?? '';
  if (!/^[a-z0-9-]{1,64}$/.test(location) || !isIsoDate(day)) return json(400, { error: { code: 'invalid' } });
  return json(200, { version: await dayVersion(await getDb(), location, day) });
};
