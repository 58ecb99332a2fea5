import { readdirSync } from 'node:fs';
import { generateTOTP } from '@oslojs/otp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../../db/schema';
import { OTHER_COUNSELLOR, OTHER_VOLUNTEER, TEST_STAFF, TEST_TOTP_KEY } from '../support/staff-accounts';

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
  // Counsellors: their teams' inbox; volunteers: the status of the requests they made.
  'staff/referrals.astro': { method: 'GET', path: '/de/staff/referrals/', ok: ['volunteer', 'counsellor'] },
  // One referral: only a counsellor of its team (see "the wrong owner" below); no such id here.
  'staff/referral.astro': { method: 'GET', path: '/de/staff/referral/?id=00000000-0000-4000-8000-000000000000', ok: [] },
  'staff/audit.astro': { method: 'GET', path: '/de/staff/audit/', ok: ['admin'] },
  'staff/teams.astro': { method: 'GET', path: '/de/staff/teams/', ok: ['admin'] },
  'staff/desk.astro': { method: 'GET', path: '/de/staff/desk/', ok: ['counter', 'admin'] },
  'staff/office.astro': { method: 'GET', path: '/de/staff/office/', ok: ['admin'] },
  'staff/figures.astro': { method: 'GET', path: '/de/staff/figures/', ok: ['admin'] },
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

/**
 * One session per account for the tests after the matrix (whose last row signs its own out):
 * sign-in is limited to 5 attempts per account in 15 minutes, and this file would exceed that.
 */
const memo = new Map<string, Promise<string>>();
function session(account: { email: string; password: string }): Promise<string> {
  const known = memo.get(account.email);
  if (known) return known;
  const fresh = signIn(account);
  memo.set(account.email, fresh);
  return fresh;
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
          if (who !== 'anonymous' && ['staff/users.astro', 'staff/audit.astro', 'staff/referral.astro'].includes(route))
            expect(res.status).toBe(404);
        }
      });
    }
  }
});

describe('the wrong owner', () => {
  it("cannot see, move or cancel another volunteer's booking; the owner can", async () => {
    // Fresh sessions: the matrix above ends its own with the logout row.
    const owner = await session(TEST_STAFF[0]!);
    const admin = await session(TEST_STAFF[3]!);
    const other = await session(OTHER_VOLUNTEER);
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
      headers: { 'Content-Type': 'application/json', cookie: await session(TEST_STAFF[1]!) },
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

/** The KIM JSON endpoints: anonymous 401, signed in with the wrong role 404. A route missing here fails. */
const API_MATRIX: Record<string, string> = {
  'kim/referrals/[id].ts': '/api/kim/referrals/00000000-0000-4000-8000-000000000000?format=json',
  'kim/teams/[team]/referrals.ts': '/api/kim/teams/kim-housing/referrals',
};

describe('the access matrix of the KIM endpoints', () => {
  it('covers every KIM endpoint there is', () => {
    const files = readdirSync('src/pages/api/kim', { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => `kim/${f.parentPath.replace(/^.*src\/pages\/api\/kim\/?/, '')}/${f.name}`.replace('//', '/'))
      .sort();
    expect(Object.keys(API_MATRIX).sort()).toEqual(files);
  });
  for (const [route, path] of Object.entries(API_MATRIX)) {
    it(`${route}: 401 anonymous, 404 for volunteers, counter staff and admins`, async () => {
      expect((await fetch(base + path)).status).toBe(401);
      for (const account of TEST_STAFF.filter((a) => a.role !== 'counsellor')) {
        const res = await fetch(base + path, { headers: { cookie: await session(account) } });
        expect(res.status).toBe(404);
      }
    });
  }
});

describe('the wrong team', () => {
  it("cannot open, export or list another team's referral; every read by its own team is logged", async () => {
    const sent = await fetch(`${base}/api/referrals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        topics: ['housing'],
        urgency: 'normal',
        language: 'ar',
        contactWay: 'phone',
        name: 'Matrix Person',
        phone: '+49 170 999999',
        consent: true,
        consentVersion: 1,
      }),
    });
    expect(sent.status).toBe(201);
    const { reference } = (await sent.json()) as { reference: string };
    const housing = await session(TEST_STAFF.find((a) => a.role === 'counsellor')!);
    const work = await session(OTHER_COUNSELLOR);
    const inbox = await (await fetch(`${base}/de/staff/referrals/?view=open`, { headers: { cookie: housing } })).text();
    const id = new RegExp(`referral/\\?id=([0-9a-f-]{36})"[^<]*<strong class="ltr">${reference}`).exec(inbox)?.[1];
    expect(id).toBeDefined();
    const otherInbox = await (await fetch(`${base}/de/staff/referrals/?view=open`, { headers: { cookie: work } })).text();
    expect(otherInbox).not.toContain(reference);
    for (const path of [`/de/staff/referral/?id=${id}`, `/api/kim/referrals/${id}?format=json`, `/api/kim/referrals/${id}?format=csv`]) {
      expect((await fetch(base + path, { headers: { cookie: work }, redirect: 'manual' })).status).toBe(404);
    }
    expect((await fetch(`${base}/api/kim/teams/kim-housing/referrals`, { headers: { cookie: work } })).status).toBe(404);
    const page = await fetch(`${base}/de/staff/referral/?id=${id}`, { headers: { cookie: housing } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Matrix Person');
    const csv = await fetch(`${base}/api/kim/referrals/${id}?format=csv`, { headers: { cookie: housing } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('Matrix Person');
    const list = (await (await fetch(`${base}/api/kim/teams/kim-housing/referrals`, { headers: { cookie: housing } })).json()) as {
      referrals: { reference: string }[];
    };
    expect(list.referrals.map((r) => r.reference)).toContain(reference);
    expect(JSON.stringify(list)).not.toContain('Matrix Person');
    const admin = await session(TEST_STAFF.find((a) => a.role === 'admin')!);
    const log = await (await fetch(`${base}/de/staff/audit/?reference=${reference}`, { headers: { cookie: admin } })).text();
    expect(log.match(/counsellor@test\.example/g)).toHaveLength(2);
    expect(log).not.toContain('counsellor2@test.example');
  });
});

/** The other staff endpoints: who gets 200; anonymous 401, other roles 404. */
const STAFF_API: Record<string, { path: string; ok: Role[] }> = {
  'api/desk/version.ts': { path: '/api/desk/version?location=housing-office&day=2026-12-01', ok: ['counter', 'admin'] },
  'api/figures.csv.ts': { path: '/api/figures.csv', ok: ['admin'] },
};

describe('the access matrix of the desk and figures endpoints', () => {
  // One session each: sign-in is limited per account (5 in 15 minutes).
  const sessions = new Map<Role, string>();
  beforeAll(async () => {
    for (const account of TEST_STAFF) sessions.set(account.role, await session(account));
  });
  for (const [route, entry] of Object.entries(STAFF_API)) {
    it(`${route}: only ${entry.ok.join(' and ')}`, async () => {
      expect((await fetch(base + entry.path)).status).toBe(401);
      for (const account of TEST_STAFF) {
        const res = await fetch(base + entry.path, { headers: { cookie: sessions.get(account.role) ?? '' } });
        expect(res.status, account.role).toBe(entry.ok.includes(account.role) ? 200 : 404);
      }
    });
  }
  it('sends a scanned check-in code to sign-in first, then to the desk', async () => {
    const anonymous = await fetch(`${base}/staff/checkin/T-AAAA-BBBB`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/\/staff\/login\/\?next=%2Fstaff%2Fcheckin%2FT-AAAA-BBBB$/);
    const counter = sessions.get('counter') ?? '';
    const desk = await fetch(`${base}/staff/checkin/T-AAAA-BBBB`, { redirect: 'manual', headers: { cookie: counter } });
    expect(desk.headers.get('location')).toBe('/de/staff/desk/?checkin=T-AAAA-BBBB#scanned');
    expect((await fetch(`${base}/staff/checkin/not-a-code`, { redirect: 'manual' })).status).toBe(404);
    // The desk itself is the guard: a volunteer following the link gets nothing.
    const volunteer = sessions.get('volunteer') ?? '';
    expect((await fetch(`${base}/de/staff/desk/?checkin=T-AAAA-BBBB`, { headers: { cookie: volunteer }, redirect: 'manual' })).status).toBe(
      404,
    );
  });
  it('never redirects sign-in to another site', async () => {
    const res = await fetch(`${base}/de/staff/login/?next=https://evil.example/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
      body: new URLSearchParams({ email: TEST_STAFF[1]!.email, password: TEST_STAFF[1]!.password }),
    });
    expect(res.headers.get('location')).toBe('/de/staff/');
  });
});
