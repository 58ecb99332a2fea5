/** Everything the booking island needs, serialisable: the page renders it, the browser hydrates it. */
import type { BookingField } from '../domain/booking-schema';

export interface ServiceOption {
  id: string;
  name: string;
  minutes: number;
  infoUrl: string;
  locationIds: string[];
}

export interface LocationOption {
  id: string;
  name: string;
  address: string;
  stepFree: boolean;
}

export interface SlotOption {
  /** ISO 8601 with the Berlin offset. */
  start: string;
  capacityLeft: number;
}

export interface BookingValues {
  service: string;
  location: string;
  day: string;
  start: string;
  persons: number;
  name: string;
  email: string;
  phone: string;
  language: string;
  needs: string[];
  /** Checklist answers brought from the checklist page, sent along so the mail lists the right documents. */
  checklist: Record<string, string>;
}

export type BookingStep = 1 | 2 | 3 | 4;

export interface BookingProps {
  lang: string;
  /** BCP 47 tag for Intl. */
  locale: string;
  strings: Record<string, string>;
  /** "N places free" per plural category of the language. */
  freeForms: Record<string, string>;
  services: ServiceOption[];
  locations: LocationOption[];
  languages: { code: string; tag: string; name: string }[];
  values: BookingValues;
  /** Free times for the chosen service and location, when known. */
  slots: SlotOption[] | null;
  errors: Partial<Record<BookingField | 'form', string>>;
  /** A message for the whole form (just taken, limited, unavailable). */
  notice: string | null;
  /** Next free times offered after "just taken". */
  next: SlotOption[];
  privacyUrl: string;
  action: string;
  /** A signed-in volunteer books for a client: client fields and the client's consent. */
  forClient: boolean;
}
