import type { APIRoute } from 'astro';
import { horizonEnd } from '../../domain/availability';
import { MAX_PERSONS } from '../../domain/booking-schema';
import { formatWithOffset, isIsoDate, toZoned } from '../../domain/time';
import { availableSlots } from '../../server/booking/appointments';
import { loadServiceAtLocation } from '../../server/booking/office-data';
import { getDb } from '../../server/db';
import { cachedAvailability } from '../../server/booking/availability-cache';
import { gzipSync } from 'node:zlib';
import { apiError, handleApi, requestLanguage } from '../../server/http';

export const prerender = false;

const MAX_DAYS = 120;

/** GET /api/availability?service=ID&location=ID&from=YYYY-MM-DD&days=N[&persons=N] */
export const GET: APIRoute = ({ request, url }) => {
  const lang = requestLanguage(request);
  return handleApi(request, lang, async () => {
    const q = url.searchParams;
    const service = q.get('service') ?? '';
    const location = q.get('location') ?? '';
    const now = new Date();
    const from = q.get('from') ?? toZoned(now).date;
    const days = Number(q.get('days') ?? 14);
    const persons = Number(q.get('persons') ?? 1);
    if (!isIsoDate(from)) return apiError(lang, 400, 'start');
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) return apiError(lang, 400, 'invalid');
    if (!Number.isInteger(persons) || persons < 1 || persons > MAX_PERSONS) return apiError(lang, 400, 'persons');
    const db = await getDb();
    const data =
      /^[a-z0-9-]{1,64}$/.test(service) && /^[a-z0-9-]{1,64}$/.test(location)
        ? await loadServiceAtLocation(db, service, location)
        : undefined;
    if (!data) return apiError(lang, 404, 'notOffered');
    // Cached as finished bytes: a burst of identical requests costs one query and one stringify.
    const body = await cachedAvailability(service, location, `${from}|${days}|${persons}`, async () => {
      // Nothing is free past the booking horizon; asking anyway would overflow the date
      // arithmetic for a `from` near the year 9999.
      const beyond = from > horizonEnd(new Date(), data.service.horizonDays);
      const slots = (beyond ? [] : await availableSlots(db, data, new Date(), from, days, persons)).map((s) => ({
        start: formatWithOffset(s.start),
        end: formatWithOffset(s.end),
        capacityLeft: s.freeCounterIds.length,
      }));
      const text = JSON.stringify({ service, location, timeZone: 'Europe/Berlin', slots });
      return { text, gzip: gzipSync(text, { level: 6 }) };
    });
    const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
    return new Response(gzip ? body.gzip : body.text, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      },
    });
  });
};
