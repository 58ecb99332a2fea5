import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const post = (path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(base + path, { method: 'POST', headers, body });
const valid = {
  service: 'settlement-permit',
  location: 'immigration-office',
  start: '2030-01-07T08:00:00+01:00',
  name: 'Test',
  email: 'api@example.org',
  language: 'de',
};

describe('the booking API answers bad input with a 4xx and a message', () => {
  it('lists services in the asked language', async () => {
    const res = await fetch(`${base}/api/services?lang=uk`);
    const body = (await res.json()) as { services: { id: string; name: string; locations: unknown[] }[] };
    expect(res.status).toBe(200);
    expect(body.services.find((s) => s.id === 'settlement-permit')?.name).toMatch(/[\u0400-\u04FF]/);
  });
  it('publishes an OpenAPI 3.1 document', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/services',
        '/api/availability',
        '/api/appointments',
        '/api/appointments/{token}/move',
        '/api/waitlist',
      ]),
    );
  });
  it.each([
    ['malformed JSON', '{"service":', 400],
    ['a JSON array', '[]', 422],
    ['wrong types', JSON.stringify({ ...valid, persons: 'two', needs: 'x' }), 422],
    ['a bad e-mail', JSON.stringify({ ...valid, email: 'nope' }), 422],
    ['an unknown service', JSON.stringify({ ...valid, service: 'rocket-licence' }), 422],
    ['a time beyond the horizon', JSON.stringify(valid), 422],
    ['a filled honeypot', JSON.stringify({ ...valid, website: 'http://spam.example' }), 400],
  ])('%s', async (_, body, status) => {
    const res = await post('/api/appointments', body);
    expect(res.status).toBe(status);
    const answer = (await res.json()) as { error: { code: string; message?: string; fields?: Record<string, string> } };
    expect(answer.error.code).toBeTruthy();
  });
  it('answers field errors in the language of the request', async () => {
    const res = await post('/api/appointments', JSON.stringify({ ...valid, email: 'nope', language: 'ar' }));
    const answer = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(answer.error.fields.email).toMatch(/[\u0600-\u06FF]/);
  });
  it('refuses a body over 16 KB and the wrong content type', async () => {
    expect((await post('/api/appointments', JSON.stringify({ ...valid, name: 'x'.repeat(20_000) }))).status).toBe(413);
    expect((await post('/api/appointments', '<service/>', { 'Content-Type': 'application/xml' })).status).toBe(415);
    // A form-encoded post without this site's Origin is a cross-site request: Astro's check refuses it.
    expect((await post('/api/appointments', 'service=x', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(403);
  });
  it('does not find tampered manage tokens', async () => {
    for (const token of ['a'.repeat(32), 'zzzz', '%27%20or%201%3D1']) {
      expect((await fetch(`${base}/api/appointments/${token}`)).status).toBe(404);
      expect((await post(`/api/appointments/${token}/cancel`, '{}')).status).toBe(404);
    }
    expect((await fetch(`${base}/de/manage/?t=${'b'.repeat(32)}`)).status).toBe(404);
  });
  it('refuses a cross-site form post', async () => {
    const res = await fetch(`${base}/de/book/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: 'service=x',
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
  });
  it('validates availability parameters', async () => {
    expect((await fetch(`${base}/api/availability?service=blue-card&location=immigration-office&from=2026-02-30`)).status).toBe(400);
    expect((await fetch(`${base}/api/availability?service=blue-card&location=immigration-office&days=9999`)).status).toBe(400);
    expect((await fetch(`${base}/api/availability?service=blue-card&location=housing-office`)).status).toBe(404);
  });
});
