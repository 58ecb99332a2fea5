import type { APIRoute } from 'astro';
import { formatWithOffset } from '../../../../domain/time';
import { moveAppointment } from '../../../../server/booking/appointments';
import { bookingDeps } from '../../../../server/booking/deps';
import { changeResponse } from '../../../../server/booking/change-response';
import { apiError, handleApi, readJson, requestLanguage } from '../../../../server/http';

export const prerender = false;

/** POST /api/appointments/{token}/move with {"start": ISO 8601}: to another free time. */
export const POST: APIRoute = ({ request, params }) => {
  const lang = requestLanguage(request);
  return handleApi(request, lang, async () => {
    const body = (await readJson(request)) as { start?: unknown } | null;
    const start = typeof body?.start === 'string' && body.start.length < 40 ? new Date(body.start) : undefined;
    if (!start || Number.isNaN(start.getTime())) return apiError(lang, 422, 'start');
    const outcome = await moveAppointment(await bookingDeps(), params.token ?? '', start);
    return changeResponse(lang, outcome, formatWithOffset);
  });
};
