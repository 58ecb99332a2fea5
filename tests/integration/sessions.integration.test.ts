import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema';
import { logIn } from '../../src/server/auth/login';
import { hashPassword } from '../../src/server/auth/passwords';
import { createSession, generateSessionToken, invalidateAllSessions, validateSessionToken } from '../../src/server/auth/sessions';
import { SESSION_IDLE_MS } from '../../src/domain/session-expiry';
import { hashToken } from '../../src/server/tokens';
import { testDatabases } from '../support/databases';

describe.each(testDatabases)('sessions on $name', (target) => {
  let handle: Awaited<ReturnType<typeof target.create>>;
  let userId = '';
  const now = new Date('2026-11-28T08:00:00Z');
  beforeAll(async () => {
    handle = await target.create();
    const [user] = await handle.db
      .insert(users)
      .values({
        email: 'Vera@Example.org',
        name: 'Vera Volunteer',
        role: 'volunteer',
        status: 'active',
        passwordHash: await hashPassword('a long enough passphrase'),
      })
      .returning();
    userId = user!.id;
  });
  afterAll(async () => handle?.drop());

  it('stores only the hash of the token and finds the user by the token', async () => {
    const token = generateSessionToken();
    await createSession(handle.db, token, userId, now);
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(row?.id).toBe(hashToken(token));
    expect(row?.id).not.toContain(token);
    const found = await validateSessionToken(handle.db, token, new Date(now.getTime() + 60_000));
    expect(found.user?.name).toBe('Vera Volunteer');
  });

  it('refuses a tampered, unknown or expired token', async () => {
    const token = generateSessionToken();
    await createSession(handle.db, token, userId, now);
    expect((await validateSessionToken(handle.db, `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`, now)).user).toBeNull();
    expect((await validateSessionToken(handle.db, 'x'.repeat(10), now)).user).toBeNull();
    expect((await validateSessionToken(handle.db, token, new Date(now.getTime() + SESSION_IDLE_MS + 1))).user).toBeNull();
    // An expired session is gone for good.
    expect((await validateSessionToken(handle.db, token, now)).user).toBeNull();
  });

  it('signs out everywhere', async () => {
    const a = generateSessionToken();
    const b = generateSessionToken();
    await createSession(handle.db, a, userId, now);
    await createSession(handle.db, b, userId, now);
    await invalidateAllSessions(handle.db, userId);
    expect((await validateSessionToken(handle.db, a, now)).user).toBeNull();
    expect((await validateSessionToken(handle.db, b, now)).user).toBeNull();
  });

  it('signs in with the right password only, and limits attempts per account', async () => {
    expect((await logIn(handle.db, 'vera@example.org', 'a long enough passphrase', '192.0.2.1', now)).kind).toBe('ok');
    expect((await logIn(handle.db, 'vera@example.org', 'wrong password here', '192.0.2.1', now)).kind).toBe('failed');
    expect((await logIn(handle.db, 'nobody@example.org', 'whatever password', '192.0.2.1', now)).kind).toBe('failed');
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await logIn(handle.db, 'vera@example.org', 'wrong again', '192.0.2.2', now)).kind);
    expect(results.at(-1)).toBe('limited');
    // Even the right password waits out the limit.
    expect((await logIn(handle.db, 'vera@example.org', 'a long enough passphrase', '192.0.2.3', now)).kind).toBe('limited');
  });

  it('keeps a disabled account out', async () => {
    const token = generateSessionToken();
    await createSession(handle.db, token, userId, now);
    await handle.db.update(users).set({ status: 'disabled' }).where(eq(users.id, userId));
    expect((await validateSessionToken(handle.db, token, now)).user).toBeNull();
  });
});
