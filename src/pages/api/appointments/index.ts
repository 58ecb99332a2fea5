import type { APIRoute } from 'astro';
import { parseBookingRequest } from '../../../domain/booking-schema';
import { formatWithOffset } from '../../../domain/time';
import { bookAppointment } from '../../../server/booking/appointments';
import { bookingDeps } from '../../../server/booking/deps';
import { appointmentJson } from '../../../server/booking/present';
import { apiError, clientAddress, fieldErrors, handleApi, json, readJson, requestLanguage } from '../../../server/http';

export const prerender = false;

/** POST /api/appointments: book. 201, 409 (taken or duplicate), 400/422 per field, 429. */
export const POST: APIRoute = async ({ request, clientAddress: socket, locals }) => {
  let lang = requestLanguage(request);
  return handleApi(
    request,
    () => lang,
    async () => {
      const body = await readJson(request);
      lang = requestLanguage(request, (body as { language?: unknown } | null)?.language);
      // A filled-in honeypot is a bot: refuse without saying why.
      if (body && typeof body === 'object' && 'website' in body && (body as { website: unknown }).website)
        return apiError(lang, 400, 'invalid');
      // "For a client" is for signed-in volunteers only.
      const forClient = (body as { forClient?: unknown } | null)?.forClient === true;
      if (forClient && locals.user?.role !== 'volunteer') return apiError(lang, 403, 'forbidden');
      const parsed = parseBookingRequest(body, forClient);
      if (!parsed.ok)
        return json(422, {
          error: { code: 'invalid', message: fieldErrors(lang, { form: 'errors.title' }).form, fields: fieldErrors(lang, parsed.errors) },
        });
      const onBehalf = forClient && locals.user ? { volunteerId: locals.user.id, consentAt: new Date() } : undefined;
      const outcome = await bookAppointment(await bookingDeps(), parsed.value, clientAddress(request, socket), onBehalf);
      switch (outcome.kind) {
        case 'booked':
          return json(
            201,
            { appointment: appointmentJson(outcome.appointment), manageUrl: outcome.manageUrl },
            { Location: outcome.manageUrl },
          );
        case 'invalid':
          return json(422, {
            error: {
              code: 'invalid',
              message: fieldErrors(lang, { form: 'errors.title' }).form,
              fields: fieldErrors(lang, outcome.errors),
            },
          });
        case 'taken':
          return apiError(lang, 409, 'taken', {
            next: outcome.next.map((s) => ({ start: formatWithOffset(s.start), capacityLeft: s.freeCounterIds.length })),
          });
        case 'duplicate':
          return apiError(lang, 409, 'duplicate');
        case 'limited':
          return apiError(lang, 429, 'limited');
      }
    },
  );
};
