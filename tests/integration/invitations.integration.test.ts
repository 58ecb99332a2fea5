import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users } from '../../db/schema';
import { acceptInvitation, inviteUser } from '../../src/server/auth/invitations';
import { logIn } from '../../src/server/auth/login';
import { testDatabases } from '../support/databases';

describe.each(testDatabases)('invitations on $name', (target) => {
  let handle: Awaited<ReturnType<typeof target.create>>;
  let adminId = '';
  const now = new Date('2026-11-28T08:00:00Z');
  beforeAll(async () => {
    handle = await target.create();
    const [admin] = await handle.db
      .insert(users)
      .values({ email: 'admin@city.example', name: 'Admin', role: 'admin', status: 'active' })
      .returning();
    adminId = admin!.id;
  });
  afterAll(async () => handle?.drop());

  const tokenFromMail = async (to: string) => {
    const [mail] = await handle.db.select().from(outbox).where(eq(outbox.to, to));
    return /\?t=([a-z2-7]+)/.exec(mail?.text ?? '')?.[1] ?? '';
  };

  it('mails a link in the invitee language that sets the password once', async () => {
    expect(
      (
        await inviteUser(
          handle.db,
          { email: 'vol@city.example', name: 'Vol Unteer', role: 'volunteer', language: 'uk', invitedBy: adminId },
          'http://portal.test',
          now,
        )
      ).kind,
    ).toBe('invited');
    const [mail] = await handle.db.select().from(outbox).where(eq(outbox.to, 'vol@city.example'));
    expect(mail?.text).toContain('http://portal.test/uk/staff/invitation/?t=');
    const token = await tokenFromMail('vol@city.example');
    expect((await acceptInvitation(handle.db, token, 'short', now)).kind).toBe('weakPassword');
    expect((await acceptInvitation(handle.db, token, 'a perfectly fine passphrase', now)).kind).toBe('accepted');
    expect((await acceptInvitation(handle.db, token, 'another fine passphrase', now)).kind).toBe('invalid');
    expect((await logIn(handle.db, 'vol@city.example', 'a perfectly fine passphrase', '192.0.2.1', now)).kind).toBe('ok');
  });

  it('refuses an expired or tampered link and a second account for one address', async () => {
    await inviteUser(
      handle.db,
      { email: 'late@city.example', name: 'Late Person', role: 'counter', language: 'de', invitedBy: adminId },
      'http://portal.test',
      now,
    );
    const token = await tokenFromMail('late@city.example');
    expect((await acceptInvitation(handle.db, token, 'a perfectly fine passphrase', new Date(now.getTime() + 8 * 86_400_000))).kind).toBe(
      'invalid',
    );
    expect((await acceptInvitation(handle.db, `${token.slice(0, -2)}aa`, 'a perfectly fine passphrase', now)).kind).toBe('invalid');
    expect(
      (
        await inviteUser(
          handle.db,
          { email: 'VOL@city.example', name: 'Again', role: 'admin', language: 'de', invitedBy: adminId },
          'http://portal.test',
          now,
        )
      ).kind,
    ).toBe('exists');
  });
});
