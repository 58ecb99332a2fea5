import { formatWithOffset } from '../../domain/time';
import type { AppointmentRow } from './appointments';

/** What the API shows of an appointment (never the token hash). */
export function appointmentJson(a: AppointmentRow) {
  return {
    id: a.id,
    reference: a.reference,
    service: a.serviceId,
    location: a.locationId,
    start: formatWithOffset(a.startsAt),
    end: formatWithOffset(a.endsAt),
    persons: a.persons,
    name: a.name,
    email: a.email,
    phone: a.phone,
    language: a.language,
    needs: a.needs,
    status: a.status,
  };
}
