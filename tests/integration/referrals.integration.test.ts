import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kimTeams, outbox, referralEvents, referralReads, referrals, teamMembers, users } from '../../db/schema';
import { seedKimTeams } from '../../db/seed';
import { rowsOf } from '../../src/server/rate-limit';
import { CONSENT_VERSION, parseReferralRequest, type ReferralRequest } from '../../src/domain/referrals/referral-schema';
import { newKeySpec, parseKeyring } from '../../src/server/crypto/sealed';
import type { ReferralDeps } from '../../src/server/referrals/deps';
import { submitReferral } from '../../src/server/referrals/submit';
import { listInbox, readReferral, referralsSubmittedBy, teamReferrals } from '../../src/server/referrals/inbox';
import { actOnReferral } from '../../src/server/referrals/actions';
import { runReferralRetention } from '../../src/server/referrals/retention-job';
import { referralCsv, referralJson } from '../../src/server/referrals/export';
import { resealAll } from '../../src/server/crypto/reseal';
import { storedKey } from '../../src/server/auth/totp';
import type { User } from '../../src/server/auth/sessions';
import { testDatabases } from '../support/databases';
import { movingClock } from '../support/booking';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NAME = 'Reza Ahmadi';

function request(overrides: Record<string, unknown> = {}): ReferralRequest {
  const parsed = parseReferralRequest({
    topics: ['housing', 'work'],
    urgency: 'urgent',
    language: 'fa',
    contactWay: 'phone',
    name: NAME,
    phone: '+49 170 1234567',
    email: 'reza@example.org',
    message: 'Wir müssen bis Freitag aus der Wohnung.',
    consent: true,
    consentVersion: CONSENT_VERSION,
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe.each(testDatabases)('referrals to KIM on $name', (target) => {
  let handle: Awaited<ReturnType<typeof target.create>>;
  let deps: ReferralDeps;
  const clock = movingClock('2026-11-27T09:00:00Z');
  const staff: Record<string, User> = {};
  const keySpec = newKeySpec('k1');

  beforeAll(async () => {
    handle = await target.create();
    await seedKimTeams(handle.db);
    deps = {
      db: handle.db,
      now: clock.now,
      origin: 'https://portal.example',
      keyring: parseKeyring(keySpec),
      settings: { retentionDays: 180, escalateAfterHours: 48 },
    };
    const people = [
      ['anna', 'counsellor', 'kim-housing'],
      ['dora', 'counsellor', 'kim-housing'],
      ['ben', 'counsellor', 'kim-work'],
      ['carla', 'counsellor', 'kim-residence'],
      ['vera', 'volunteer', null],
    ] as const;
    for (const [key, role, team] of people) {
      const [row] = await handle.db
        .insert(users)
        .values({ email: `${key}@office.example`, name: key, role, status: 'active', language: key === 'ben' ? 'en' : 'de' })
        .returning();
      staff[key] = row!;
      if (team) await handle.db.insert(teamMembers).values({ teamId: team, userId: row!.id });
    }
    await handle.db.update(kimTeams).set({ leadUserId: staff.dora!.id }).where(eq(kimTeams.id, 'kim-housing'));
  });
  afterAll(async () => handle?.drop());

  let id = '';

  it('routes by topic, stores no readable personal data and mails the team only a link', async () => {
    const sent = await submitReferral(deps, request(), '192.0.2.10');
    if (sent.kind !== 'sent') throw new Error(sent.kind);
    id = sent.id;
    expect(sent.reference).toMatch(/^K-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const [row] = await handle.db.select().from(referrals).where(eq(referrals.id, id));
    expect(row).toMatchObject({ teamId: 'kim-housing', status: 'new', consentVersion: CONSENT_VERSION, topics: ['housing', 'work'] });
    expect(row!.consentAt.toISOString()).toBe(clock.now().toISOString());
    // The raw row, as the database alone shows it: no name, phone, address or free text.
    const raw = JSON.stringify(rowsOf(await handle.db.execute(sql`select row_to_json(r)::text as j from referrals r where id = ${id}`)));
    for (const secret of [NAME, 'Reza', '1234567', 'reza@example.org', 'Freitag']) expect(raw).not.toContain(secret);
    const mails = await handle.db.select().from(outbox);
    const notices = mails.filter((m) => m.kind === 'referral-notice');
    expect(notices.map((m) => m.to).sort()).toEqual(['anna@office.example', 'dora@office.example']);
    for (const mail of notices) {
      for (const secret of [NAME, '1234567', 'reza@example.org', 'Freitag', 'housing', 'Wohnung'])
        expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain(secret);
      expect(mail.text).toContain(`https://portal.example/de/staff/referral/?id=${id}`);
    }
    const receipt = mails.find((m) => m.kind === 'referral-receipt');
    expect(receipt?.to).toBe('reza@example.org');
    expect(receipt?.html).toContain('dir="rtl"');
    expect(receipt?.text).toContain(sent.reference);
    expect(receipt?.text).not.toContain('Freitag');
  });

  it('shows the referral only to its team, and logs every read', async () => {
    expect((await listInbox(handle.db, staff.anna!, { view: 'new' })).map((r) => r.id)).toContain(id);
    expect(await listInbox(handle.db, staff.ben!, { view: 'open' })).toEqual([]);
    expect(await readReferral(deps, staff.ben!, id, 'view')).toBeUndefined();
    expect(await readReferral(deps, staff.vera!, id, 'view')).toBeUndefined();
    const read = await readReferral(deps, staff.anna!, id, 'view');
    expect(read?.personal).toMatchObject({ name: NAME, phone: '+49 170 1234567' });
    const log = await handle.db.select().from(referralReads).where(eq(referralReads.referralId, id));
    expect(log.map((l) => [l.userEmail, l.action])).toEqual([['anna@office.example', 'view']]);
    expect(await teamReferrals(handle.db, staff.ben!, 'kim-housing')).toBeUndefined();
    const list = await teamReferrals(handle.db, staff.anna!, 'kim-housing');
    expect(JSON.stringify(list)).not.toContain(NAME);
  });

  it('lets exactly one of two counsellors claim it at once', async () => {
    const [a, d] = await Promise.all([
      actOnReferral(deps, staff.anna!, id, { action: 'claim' }),
      actOnReferral(deps, staff.dora!, id, { action: 'claim' }),
    ]);
    expect([a.kind, d.kind].sort()).toEqual(['done', 'problem']);
    // Whoever won, Anna works it for the rest of the test.
    if (a.kind !== 'done') await handle.db.update(referrals).set({ claimedBy: staff.anna!.id }).where(eq(referrals.id, id));
  });

  it('keeps notes sealed, forwards with a reason, and the other team closes it', async () => {
    clock.advance(HOUR);
    expect(await actOnReferral(deps, staff.anna!, id, { action: 'note', text: 'Angerufen, Termin Dienstag.' })).toEqual({ kind: 'done' });
    const rawEvents = JSON.stringify(await handle.db.select().from(referralEvents).where(eq(referralEvents.referralId, id)));
    expect(rawEvents).not.toContain('Dienstag');
    expect(await actOnReferral(deps, staff.anna!, id, { action: 'forward', toTeamId: 'kim-work', reason: 'Arbeit zuerst' })).toEqual({
      kind: 'done',
    });
    expect(await readReferral(deps, staff.anna!, id, 'view')).toBeUndefined();
    const workNotice = (await handle.db.select().from(outbox)).filter((m) => m.kind === 'referral-notice' && m.to === 'ben@office.example');
    expect(workNotice).toHaveLength(1);
    expect(workNotice[0]!.text).toContain('/en/staff/referral/');
    expect(await actOnReferral(deps, staff.ben!, id, { action: 'close' })).toMatchObject({ kind: 'problem', problem: 'notAllowed' });
    expect(await actOnReferral(deps, staff.ben!, id, { action: 'claim' })).toEqual({ kind: 'done' });
    clock.advance(HOUR);
    expect(await actOnReferral(deps, staff.ben!, id, { action: 'close' })).toEqual({ kind: 'done' });
    const read = await readReferral(deps, staff.ben!, id, 'export-json');
    expect(read?.timeline.map((e) => e.kind)).toEqual(['created', 'claimed', 'note', 'forwarded', 'claimed', 'closed']);
    expect(read?.timeline.find((e) => e.kind === 'note')?.text).toBe('Angerufen, Termin Dienstag.');
    const json = referralJson(read!);
    expect(json).toMatchObject({ reference: read!.referral.reference, team: 'kim-work', status: 'closed', person: { name: NAME } });
    const csv = referralCsv(read!);
    expect(csv.split('\r\n')[0]).toMatch(/^reference,team,status,topics/);
    expect(csv).toContain(NAME);
    expect(csv).toContain("'+49 170 1234567");
  });

  it('tells the volunteer the status of their requests, never the content', async () => {
    const sent = await submitReferral(deps, request({ email: '', topics: ['residence'] }), '192.0.2.11', staff.vera!.id);
    if (sent.kind !== 'sent') throw new Error(sent.kind);
    const mine = await referralsSubmittedBy(handle.db, staff.vera!.id);
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]!).sort()).toEqual(['anonymisedAt', 'createdAt', 'reference', 'status']);
    expect((await handle.db.select().from(referrals).where(eq(referrals.id, sent.id)))[0]?.teamId).toBe('kim-residence');
  });

  it('escalates an unclaimed referral to the team lead once, after the set time', async () => {
    clock.set('2026-12-01T08:00:00Z');
    const sent = await submitReferral(deps, request({ topics: ['housing'], email: '' }), '192.0.2.12');
    if (sent.kind !== 'sent') throw new Error(sent.kind);
    // Older unclaimed ones (the volunteer's) are due already: escalated in this first round.
    expect((await runReferralRetention(deps)).escalated).toBe(1);
    clock.advance(47 * HOUR);
    expect((await runReferralRetention(deps)).escalated).toBe(0);
    clock.advance(HOUR);
    expect((await runReferralRetention(deps)).escalated).toBe(1);
    expect((await handle.db.select().from(referrals).where(eq(referrals.id, sent.id)))[0]?.escalatedAt).not.toBeNull();
    expect((await runReferralRetention(deps)).escalated).toBe(0);
    const escalations = (await handle.db.select().from(outbox)).filter((m) => m.kind === 'referral-escalation');
    expect(escalations.map((m) => m.to)).toContain('dora@office.example');
    for (const m of escalations) expect(m.text).not.toContain(NAME);
  });

  it('strips the personal data of a closed referral after the retention period, keeping the figures', async () => {
    const [closed] = await handle.db.select().from(referrals).where(eq(referrals.id, id));
    clock.set(new Date(closed!.closedAt!.getTime() + 180 * DAY - 1000).toISOString());
    expect((await runReferralRetention(deps)).anonymised).toBe(0);
    clock.advance(1000);
    expect((await runReferralRetention(deps)).anonymised).toBe(1);
    const [after] = await handle.db.select().from(referrals).where(eq(referrals.id, id));
    expect(after).toMatchObject({ personal: null, status: 'closed', topics: ['housing', 'work'] });
    const details = await handle.db.select({ detail: referralEvents.detail }).from(referralEvents).where(eq(referralEvents.referralId, id));
    expect(details.every((d) => d.detail === null)).toBe(true);
    expect(await readReferral(deps, staff.ben!, id, 'view')).toBeUndefined();
    // The read log outlives the data it was about.
    expect((await handle.db.select().from(referralReads).where(eq(referralReads.referralId, id))).length).toBeGreaterThan(0);
  });

  it('still opens older referrals after a key rotation', async () => {
    const [open] = await handle.db.select().from(referrals).where(eq(referrals.submittedBy, staff.vera!.id));
    const [member] = await handle.db.select().from(users).where(eq(users.id, staff.carla!.id));
    const rotated = { ...deps, keyring: parseKeyring(`${newKeySpec('k2')},${keySpec}`) };
    expect((await readReferral(rotated, member!, open!.id, 'view'))?.personal?.name).toBe(NAME);
    const sent = await submitReferral(rotated, request({ topics: ['family'] }), '192.0.2.13');
    if (sent.kind !== 'sent') throw new Error(sent.kind);
    const [row] = await handle.db.select().from(referrals).where(eq(referrals.id, sent.id));
    expect(row!.personal!.split('.')[1]).toBe('k2');
    // Re-seal everything with k2 (a second-factor key stored plain by an older version too); then k1 can go.
    const totp = new Uint8Array(20).map((_, i) => i * 3);
    await handle.db
      .update(users)
      .set({ totpKey: Buffer.from(totp).toString('base64') })
      .where(eq(users.id, staff.anna!.id));
    const counts = await resealAll(handle.db, rotated.keyring);
    expect(counts.referrals).toBeGreaterThan(0);
    expect(counts.totpKeys).toBe(1);
    const [anna] = await handle.db.select().from(users).where(eq(users.id, staff.anna!.id));
    expect(anna!.totpKey).toMatch(/^v1\.k2\./);
    expect(storedKey(rotated.keyring, anna!.totpKey!, anna!.id)).toEqual(totp);
    expect(storedKey(rotated.keyring, anna!.totpKey!, staff.ben!.id)).toBeUndefined();
    expect(await resealAll(handle.db, rotated.keyring)).toEqual({ referrals: 0, events: 0, totpKeys: 0 });
    const onlyNew = { ...deps, keyring: parseKeyring(rotated.keyring.current + ':' + rotated.keyring.keys.get('k2')!.toString('base64')) };
    expect((await readReferral(onlyNew, member!, open!.id, 'view'))?.personal?.name).toBe(NAME);
  });

  it('limits requests per connection', async () => {
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push((await submitReferral(deps, request({ email: '' }), '192.0.2.99')).kind);
    expect(outcomes.slice(0, 10).every((k) => k === 'sent')).toBe(true);
    expect(outcomes[10]).toBe('limited');
  });
});
