import type { APIRoute } from 'astro';
import { useTranslations } from '../../i18n/i18n';
import { loadCatalogue } from '../../server/booking/office-data';
import { getDb } from '../../server/db';
import { handleApi, json, requestLanguage } from '../../server/http';

export const prerender = false;

/** GET /api/services?lang=xx: bookable services, named in that language, with their locations. */
export const GET: APIRoute = ({ request }) => {
  const lang = requestLanguage(request);
  return handleApi(request, lang, async () => {
    const t = useTranslations(lang);
    const catalogue = await loadCatalogue(await getDb());
    return json(200, {
      language: lang,
      services: catalogue
        .filter((c) => c.locationIds.length > 0)
        .map(({ service, locationIds }) => ({
          id: service.id,
          name: t(`office.services.${service.id}`),
          area: service.area,
          durationMinutes: service.durationMinutes,
          extraPersonMinutes: service.extraPersonMinutes,
          horizonDays: service.horizonDays,
          staffLanguages: service.staffLanguages,
          infoPage: `/${lang}/${service.page}/`,
          locations: locationIds.map((id) => ({ id, name: t(`office.locations.${id}`) })),
        })),
    });
  });
};
