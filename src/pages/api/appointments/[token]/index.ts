import type { APIRoute } from 'astro';
import { findByToken } from '../../../../server/booking/appointments';
import { appointmentJson } from '../../../../server/booking/present';
import { getDb } from '../../../../server/db';
import { apiError, handleApi, json, requestLanguage } from '../../../../server/http';

export const prerender = false;

/** GET /api/appointments/{manage token}: the appointment the secret link belongs to. */
export const GET: APIRoute = ({ request, params }) => {
  const lang = requestLanguage(request);
  return handleApi(request, lang, async () => {
    const row = await findByToken(await getDb(), params.token ?? '');
    if (!row) return apiError(lang, 404, 'notFound');
    return json(200, { appointment: appointmentJson(row) });
  });
};
