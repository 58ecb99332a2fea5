import type { APIRoute } from 'astro';
import { parseReferralRequest } from '../../domain/referrals/referral-schema';
import { referralDeps } from '../../server/referrals/deps';
import { submitReferral } from '../../server/referrals/submit';
import { clientAddress, fieldErrors, handleApi, json, readJson, requestLanguage } from '../../server/http';
import { useTranslations } from '../../i18n/i18n';

export const prerender = false;

const problem = (lang: string, status: number, code: string, extra: Record<string, unknown> = {}) =>
  json(status, { error: { code, message: useTranslations(lang)(`referral:errors.${code}`), ...extra } });

/** POST /api/referrals: ask for a referral. 201 with the reference, 422 per field, 403, 429. */
export const POST: APIRoute = async ({ request, clientAddress: socket, locals }) => {
  let lang = requestLanguage(request);
  return handleApi(
    request,
    () => lang,
    async () => {
      const body = await readJson(request);
      const asked = body && typeof body === 'object' ? (body as { lang?: unknown; language?: unknown }) : {};
      lang = requestLanguage(request, asked.lang ?? asked.language);
      const forClient = (body as { forClient?: unknown } | null)?.forClient === true;
      if (forClient && locals.user?.role !== 'volunteer') return problem(lang, 403, 'invalid');
      const parsed = parseReferralRequest(body);
      if (!parsed.ok) return problem(lang, 422, 'invalid', { fields: fieldErrors(lang, parsed.errors, 'referral') });
      const deps = await referralDeps();
      const volunteerId = forClient ? locals.user?.id : undefined;
      const outcome = await submitReferral(deps, parsed.value, clientAddress(request, socket), volunteerId);
      if (outcome.kind === 'limited') return problem(lang, 429, 'limited');
      if (outcome.kind === 'noTeam') return problem(lang, 503, 'unavailable');
      const receiptUrl = `/${lang}/referral/sent/?ref=${outcome.reference}${parsed.value.email ? '&mail=1' : ''}`;
      return json(201, { reference: outcome.reference, receiptUrl }, { Location: receiptUrl });
    },
  );
};
