import { apiError, fieldErrors, json } from '../http';
import type { ChangeOutcome } from './appointments';
import { appointmentJson } from './present';

/** The API's answer to a move or cancel. */
export function changeResponse(lang: string, outcome: ChangeOutcome, format: (d: Date) => string): Response {
  switch (outcome.kind) {
    case 'done':
      return json(200, { appointment: appointmentJson(outcome.appointment) });
    case 'notFound':
      return apiError(lang, 404, 'notFound');
    case 'notChangeable':
      return apiError(lang, 409, 'notChangeable');
    case 'taken':
      return apiError(lang, 409, 'taken', {
        next: outcome.next.map((s) => ({ start: format(s.start), capacityLeft: s.freeCounterIds.length })),
      });
    case 'invalid':
      return json(422, { error: { code: 'invalid', fields: fieldErrors(lang, outcome.errors) } });
    case 'duplicate':
      return apiError(lang, 409, 'duplicate');
    case 'limited':
      return apiError(lang, 429, 'limited');
  }
}
