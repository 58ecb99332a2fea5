/** Small helpers for the JSON API: reading bodies safely, answering in the person's language. */
import { useTranslations } from '../i18n/i18n';
import { isLanguageCode } from '../i18n/languages';
import { negotiateLanguage } from '../i18n/negotiate';
import { loadEnv } from './env';
import { isUnavailable } from './errors';

export const MAX_BODY_BYTES = 16 * 1024;

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** The language for messages: the one asked for, else the browser's. */
export function requestLanguage(request: Request, asked?: unknown): string {
  if (typeof asked === 'string' && isLanguageCode(asked)) return asked;
  const fromQuery = new URL(request.url).searchParams.get('lang') ?? undefined;
  if (isLanguageCode(fromQuery)) return fromQuery;
  return negotiateLanguage(request.headers.get('accept-language'));
}

/** Reads a JSON body of at most MAX_BODY_BYTES; 413 and 400/415 with a code otherwise. */
export async function readJson(request: Request): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) throw new HttpError(415, 'malformed');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'tooLarge');
  const reader = request.body?.getReader();
  if (!reader) throw new HttpError(400, 'malformed');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new HttpError(413, 'tooLarge');
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new HttpError(400, 'malformed');
  }
}

export function apiError(lang: string, status: number, code: string, extra: Record<string, unknown> = {}): Response {
  const t = useTranslations(lang);
  return json(status, { error: { code, message: t(`booking:errors.${code}`) }, ...extra });
}

/** Field -> message in the person's language; the keys come from a form's schema (booking.json, referral.json). */
export function fieldErrors(
  lang: string,
  errors: Record<string, string | undefined>,
  namespace: 'booking' | 'referral' = 'booking',
): Record<string, string> {
  const t = useTranslations(lang);
  return Object.fromEntries(Object.entries(errors).flatMap(([field, key]) => (key ? [[field, t(`${namespace}:${key}`)]] : [])));
}

/** The client's address: the socket's, or the proxy's X-Forwarded-For when TRUST_PROXY is set. */
export function clientAddress(request: Request, socketAddress: string): string {
  if (loadEnv().TRUST_PROXY) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress;
}

/**
 * Runs an API handler; bad input becomes a 4xx with a message, a database outage a 503 that
 * says to try again. Nothing is half-written: every write happens in one transaction.
 */
export async function handleApi(request: Request, language: string | (() => string), handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    // Read late: a handler that learns the person's language from the body has set it by now.
    const lang = typeof language === 'function' ? language() : language;
    if (error instanceof HttpError) {
      const response = apiError(lang, error.status, error.code);
      // An oversize body is left unread (a streamed one's connection torn down): the client must
      // not send its next request on this connection (a proxy would answer that one with a 502).
      if (error.status === 413) response.headers.set('Connection', 'close');
      return response;
    }
    if (isUnavailable(error)) return apiError(lang, 503, 'unavailable', {});
    console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed`, error);
    return apiError(lang, 500, 'unavailable');
  }
}
