import type { APIRoute } from 'astro';
import { formatWithOffset } from '../../../../domain/time';
import { cancelAppointment } from '../../../../server/booking/appointments';
import { bookingDeps } from '../../../../server/booking/deps';
import { changeResponse } from '../../../../server/booking/change-response';
import { handleApi, requestLanguage } from '../../../../server/http';

export const prerender = false;

/** POST /api/appointments/{token}/cancel: cancels; the time is free for others at once. */
export const POST: APIRoute = ({ request, params }) => {
  const lang = requestLanguage(request);
  return handleApi(request, lang, async () =>
    changeResponse(lang, await cancelAppointment(await bookingDeps(), params.token ?? ''), formatWithOffset),
  );
};
