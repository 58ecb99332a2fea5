import { readdirSync } from 'node:fs';
import { generateTOTP } from '@oslojs/otp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../../db/schema';
import { OTHER_VOLUNTEER, TEST_STAFF, TEST_TOTP_KEY } from '../support/staff-accounts';

const base = inject('baseUrl');
type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', 'volunteer', 'counter', 'counsellor', 'admin'];

/**
 * Every staff route and who may use it. `ok` lists those who get it; everyone else is sent to
 * sign in (anonymous: 303) or gets 404 (signed in, wrong role). A route missing here fails.
 */
const MATRIX: Record<string, { method: 'GET' | 'POST'; path: string; ok: Who[]; form?: Record<string, string> }> = {
  'staff/index.astro': { method: 'GET', path: '/de/staff/', ok: ['volunteer', 'counter', 'counsellor', 'admin'] },
  'staff/users.astro': { method: 'GET', path: '/de/staff/users/', ok: ['admin'] },
  'staff/appointments.astro': { method: 'GET', path: '/de/staff/appointments/', ok: ['volunteer'] },
  'staff/login.astro': { method: 'GET', path: '/de/staff/login/', ok: WHO },
  'staff/totp.astro': { method: 'GET', path: '/de/staff/totp/', ok: [] },
  // Anyone signed in without a second factor may add one (counsellors and admins must).
  'staff/totp-setup.astro': { method: 'GET', path: '/de/staff/totp-setup/', ok: ['volunteer', 'counter'] },
  // Public by nature: anyone may ask for a reset link or register (the answers reveal nothing).
  'staff/reset.astro': { method: 'GET', path: '/de/staff/reset/', ok: WHO },
  'staff/register.astro': { method: 'GET', path: '/de/staff/register/', ok: WHO },
  'staff/invitation.astro': { method: 'GET', path: '/de/staff/invitation/?t=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', ok: [] },
  // Last: it ends the sessions the other rows use.
  'staff/logout.ts': { method: 'POST', path: '/de/staff/logout/', ok: [] },
};

const cookies = new Map<Who, string>();

async function signIn(account: { email: string; password: string }): Promise<string> {
  const post = (path: string, form: Record<string, string>, cookie = '') =>
    fetch(base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, cookie },
      body: new URLSearchParams(form),
    });
  const login = await post('/de/staff/login/', { email: account.email, password: account.password });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^session=/);
  if (login.headers.get('location')?.endsWith('/staff/totp/')) {
    const verified = await post('/de/staff/totp/', { code: generateTOTP(TEST_TOTP_KEY, 30, 6) }, cookie);
    expect(verified.headers.get('location')).toBe('/de/staff/');
  }
  return cookie;
}

describe('the access matrix of staff routes', () => {
  beforeAll(async () => {
    for (const account of TEST_STAFF) cookies.set(account.role, await signIn(account));
  });

  it('covers every staff route there is', () => {
    const routes = readdirSync('src/pages/[lang]/staff')
      .map((f) => `staff/${f}`)
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(routes);
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    for (const who of WHO) {
      it(`${entry.method} ${route} as ${who}: ${entry.ok.includes(who) ? 'allowed' : 'denied'}`, async () => {
        const res = await fetch(base + entry.path, {
          method: entry.method,
          redirect: 'manual',
          headers: {
            cookie: cookies.get(who) ?? '',
            ...(entry.method === 'POST' ? { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          },
          ...(entry.method === 'POST' ? { body: '' } : {}),
        });
        if (entry.ok.includes(who)) {
          expect(res.status).toBe(200);
        } else {
          // Denied means: never the page. Sign-in redirects, 404 for a wrong role, 410 for a dead link.
          expect([303, 404, 410]).toContain(res.status);
          if (who !== 'anonymous' && route === 'staff/users.astro') expect(res.status).toBe(404);
        }
      });
    }
  }
});

describe('the wrong owner', () => {
  it("cannot see, move or cancel another volunteer's booking; the owner can", async () => {
    // Fresh sessions: the matrix above ends its own with the logout row.
    const owner = await signIn(TEST_STAFF[0]!);
    const admin = await signIn(TEST_STAFF[3]!);
    const other = await signIn(OTHER_VOLUNTEER);
    const availability = (await (
      await fetch(`${base}/api/availability?service=integration-counselling&location=integration-centre&days=30`)
    ).json()) as { slots: { start: string }[] };
    const booked = await fetch(`${base}/api/appointments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie: owner },
      body: JSON.stringify({
        forClient: true,
        consent: true,
        service: 'integration-counselling',
        location: 'integration-centre',
        start: availability.slots[3]!.start,
        name: 'Client Of Owner',
        email: '',
        language: 'ar',
      }),
    });
    expect(booked.status).toBe(201);
    const { appointment } = (await booked.json()) as { appointment: { id: string } };
    const act = (cookie: string, form: Record<string, string>) =>
      fetch(`${base}/de/staff/appointments/`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      });
    const list = await (await fetch(`${base}/de/staff/appointments/`, { headers: { cookie: other } })).text();
    expect(list).not.toContain('Client Of Owner');
    expect((await act(other, { appointment: appointment.id })).status).toBe(404);
    expect((await act(other, { action: 'move', appointment: appointment.id, start: availability.slots[5]!.start })).status).toBe(404);
    expect((await act(admin, { appointment: appointment.id })).status).toBe(404);
    const mine = await (await fetch(`${base}/de/staff/appointments/`, { headers: { cookie: owner } })).text();
    expect(mine).toContain('Client Of Owner');
    expect((await act(owner, { appointment: appointment.id })).status).toBe(200);
  });

  it('cannot book "for a client" without being a signed-in volunteer', async () => {
    const res = await fetch(`${base}/api/appointments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie: await signIn(TEST_STAFF[1]!) },
      body: JSON.stringify({
        forClient: true,
        consent: true,
        service: 'integration-counselling',
        location: 'integration-centre',
        start: '2030-01-07T09:00:00+01:00',
        name: 'X Y',
        email: '',
        language: 'de',
      }),
    });
    expect(res.status).toBe(403);
  });
});
