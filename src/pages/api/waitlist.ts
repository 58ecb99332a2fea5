import type { APIRoute } from 'astro';
import * as z from 'zod/mini';
import { waitlistRequestSchema } from '../../domain/booking-schema';
import { joinWaitlist } from '../../server/booking/appointments';
import { bookingDeps } from '../../server/booking/deps';
import { apiError, clientAddress, fieldErrors, handleApi, json, readJson, requestLanguage } from '../../server/http';

export const prerender = false;

/** POST /api/waitlist: be told by mail when a time frees up for a service. */
export const POST: APIRoute = ({ request, clientAddress: socket }) => {
  let lang = requestLanguage(request);
  return handleApi(
    request,
    () => lang,
    async () => {
      const body = await readJson(request);
      lang = requestLanguage(request, (body as { language?: unknown } | null)?.language);
      const parsed = z.safeParse(waitlistRequestSchema, body);
      if (!parsed.success) {
        const errors = Object.fromEntries(
          parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message.startsWith('errors.') ? i.message : 'errors.invalid']),
        );
        return json(422, { error: { code: 'invalid', fields: fieldErrors(lang, errors) } });
      }
      const outcome = await joinWaitlist(await bookingDeps(), parsed.data, clientAddress(request, socket));
      if (outcome.kind === 'limited') return apiError(lang, 429, 'limited');
      if (outcome.kind === 'invalid') return json(422, { error: { code: 'invalid', fields: fieldErrors(lang, outcome.errors) } });
      return json(outcome.kind === 'added' ? 201 : 200, { status: outcome.kind });
    },
  );
};
