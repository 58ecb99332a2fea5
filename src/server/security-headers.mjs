// @ts-check
/**
 * Security headers for every response, static or rendered. Plain JavaScript so that the
 * standalone server (src/cli/serve.mjs) and Astro's middleware share one definition.
 */

/**
 * Pagefind's search runs WebAssembly ('wasm-unsafe-eval'); styles are inlined by the build
 * ('unsafe-inline' for style only). No inline script runs anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * @param {{ https: boolean }} options HSTS only where the portal is served over https, never on
 *   a developer's http://localhost, where it would lock the browser out of plain http.
 * @returns {Record<string, string>}
 */
export function securityHeaders({ https }) {
  /** @type {Record<string, string>} */
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'geolocation=(), microphone=(), camera=(self), payment=()',
  };
  if (https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
