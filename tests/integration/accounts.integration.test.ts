import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users } from '../../db/schema';
import { approveVolunteer, changeAccount, registerVolunteer, requestPasswordReset, resetPassword } from '../../src/server/auth/accounts';
import { logIn } from '../../src/server/auth/login';
import { hashPassword } from '../../src/server/auth/passwords';
import { createSession, generateSessionToken, validateSessionToken } from '../../src/server/auth/sessions';
import { testDatabases } from '../support/databases';

describe.each(testDatabases)('password reset and registration on $name', (target) => {
  let handle: Awaited<ReturnType<typeof target.create>>;
  const now = new Date('2026-11-28T08:00:00Z');
  beforeAll(async () => {
    handle = await target.create();
    await handle.db.insert(users).values({
      email: 'cora@city.example',
      name: 'Cora Counter',
      role: 'counter',
      status: 'active',
      language: 'tr',
      passwordHash: await hashPassword('the old passphrase 1'),
    });
  });
  afterAll(async () => handle?.drop());

  it('resets a password by mail, once, and signs the account out everywhere', async () => {
    const token = generateSessionToken();
    const [cora] = await handle.db.select().from(users).where(eq(users.email, 'cora@city.example'));
    await createSession(handle.db, token, cora!.id, now);
    expect((await requestPasswordReset(handle.db, 'CORA@city.example', '192.0.2.1', 'http://portal.test', now)).kind).toBe('done');
    const [mail] = await handle.db.select().from(outbox).where(eq(outbox.to, 'cora@city.example'));
    expect(mail?.text).toContain('http://portal.test/tr/staff/reset/?t=');
    const link = /\?t=([a-z2-7]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect((await resetPassword(handle.db, link, 'short', now)).kind).toBe('weakPassword');
    expect((await resetPassword(handle.db, link, 'the new passphrase 2', now)).kind).toBe('done');
    expect((await resetPassword(handle.db, link, 'another passphrase 3', now)).kind).toBe('invalid');
    expect((await validateSessionToken(handle.db, token, now)).user).toBeNull();
    expect((await logIn(handle.db, 'cora@city.example', 'the old passphrase 1', '192.0.2.9', now)).kind).toBe('failed');
    expect((await logIn(handle.db, 'cora@city.example', 'the new passphrase 2', '192.0.2.9', now)).kind).toBe('ok');
  });

  it('lets an admin disable an account or change its role, ending its sessions', async () => {
    const [cora] = await handle.db.select().from(users).where(eq(users.email, 'cora@city.example'));
    const token = generateSessionToken();
    await createSession(handle.db, token, cora!.id, now);
    expect(await changeAccount(handle.db, cora!.id, 'volunteer', 'active')).toBe(true);
    expect((await validateSessionToken(handle.db, token, now)).user).toBeNull();
    const again = generateSessionToken();
    await createSession(handle.db, again, cora!.id, now);
    expect(await changeAccount(handle.db, cora!.id, 'volunteer', 'disabled')).toBe(true);
    expect((await validateSessionToken(handle.db, again, now)).user).toBeNull();
    expect(await changeAccount(handle.db, cora!.id, 'counter', 'active')).toBe(true);
    expect((await handle.db.select().from(users).where(eq(users.id, cora!.id)))[0]).toMatchObject({ role: 'counter', status: 'active' });
    expect(await changeAccount(handle.db, '00000000-0000-4000-8000-000000000000', 'admin', 'active')).toBe(false);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    expect((await requestPasswordReset(handle.db, 'nobody@city.example', '192.0.2.2', 'http://portal.test', now)).kind).toBe('done');
    expect(await handle.db.select().from(outbox).where(eq(outbox.to, 'nobody@city.example'))).toHaveLength(0);
  });

  it('lets a registered volunteer in only after an admin approves', async () => {
    expect(
      (
        await registerVolunteer(
          handle.db,
          { email: 'new@vol.example', name: 'New Volunteer', password: 'a sound passphrase 4', language: 'fa' },
          '192.0.2.3',
          now,
        )
      ).kind,
    ).toBe('registered');
    expect(
      (
        await registerVolunteer(
          handle.db,
          { email: 'NEW@vol.example', name: 'Again', password: 'a sound passphrase 4', language: 'fa' },
          '192.0.2.3',
          now,
        )
      ).kind,
    ).toBe('exists');
    expect((await logIn(handle.db, 'new@vol.example', 'a sound passphrase 4', '192.0.2.4', now)).kind).toBe('failed');
    const [pending] = await handle.db.select().from(users).where(eq(users.email, 'new@vol.example'));
    expect(pending?.status).toBe('pending');
    expect(await approveVolunteer(handle.db, pending!.id)).toBe(true);
    expect(await approveVolunteer(handle.db, pending!.id)).toBe(false);
    expect((await logIn(handle.db, 'new@vol.example', 'a sound passphrase 4', '192.0.2.4', now)).kind).toBe('ok');
  });
});
