import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { composeMail } from '../../src/server/mail/compose';
import { enqueueMail } from '../../src/server/mail/outbox';
import { smtpTransport, devMailboxTransport } from '../../src/server/mail/transports';
import { backoffSeconds, drainOnce, type WorkerDeps } from '../../src/server/mail/worker';
import { devMailbox } from '../../db/schema';
import { testDatabases } from '../support/databases';
import { movingClock } from '../support/booking';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';

describe.each(testDatabases)('outbox on $name', (target) => {
  let handle: Awaited<ReturnType<typeof target.create>>;
  let smtp: SmtpPeer;
  const clock = movingClock('2026-11-28T10:00:00Z');
  beforeAll(async () => {
    handle = await target.create();
    smtp = await startSmtpPeer();
  });
  afterAll(async () => {
    await smtp?.close();
    await handle?.drop();
  });
  const worker = (): WorkerDeps => ({
    db: handle.db,
    transport: smtpTransport(smtp.url, 'Portal <no-reply@portal.test>'),
    now: clock.now,
    domain: 'portal.test',
    batchSize: 3,
  });

  it('backs off while SMTP refuses, then delivers every mail exactly once with two workers', async () => {
    for (let i = 0; i < 12; i++)
      await enqueueMail(handle.db, {
        now: clock.now(),
        kind: 'test',
        to: `p${i}@example.org`,
        mail: composeMail('de', `Mail ${i}`, [{ kind: 'p', text: `Hallo ${i}` }]),
      });
    smtp.refusing = true;
    const refused = await drainOnce(worker());
    expect(refused).toEqual({ sent: 0, failed: 3 });
    const [first] = await handle.db.select().from(outbox).where(eq(outbox.to, 'p0@example.org'));
    expect(first?.attempts).toBe(1);
    expect(first?.lastError).toMatch(/421|not available/i);
    expect(first?.nextAttemptAt.getTime()).toBe(clock.now().getTime() + backoffSeconds(1) * 1000);
    // Minutes of refusal: every round fails, nothing is lost.
    for (let minute = 0; minute < 5; minute++) {
      clock.advance(60_000);
      await Promise.all([drainOnce(worker()), drainOnce(worker())]);
    }
    expect(smtp.mails).toHaveLength(0);
    expect(await handle.db.select().from(outbox).where(isNull(outbox.sentAt))).toHaveLength(12);

    smtp.refusing = false;
    clock.advance(60 * 60_000);
    for (let round = 0; round < 6; round++) await Promise.all([drainOnce(worker()), drainOnce(worker())]);
    const subjects = smtp.mails.map((m) => m.subject).sort();
    expect(subjects).toEqual(Array.from({ length: 12 }, (_, i) => `Mail ${i}`).sort());
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(12);
    expect(await handle.db.select().from(outbox).where(isNull(outbox.sentAt))).toHaveLength(0);
    // Nothing left to send: more rounds send nothing again.
    await Promise.all([drainOnce(worker()), drainOnce(worker())]);
    expect(smtp.mails).toHaveLength(12);
  });

  it('keeps a reminder until its time', async () => {
    const before = smtp.mails.length;
    await enqueueMail(handle.db, {
      now: clock.now(),
      kind: 'reminder',
      to: 'later@example.org',
      notBefore: new Date(clock.now().getTime() + 86_400_000),
      mail: composeMail('en', 'Tomorrow', [{ kind: 'p', text: 'x' }]),
    });
    await drainOnce(worker());
    expect(smtp.mails.length).toBe(before);
    clock.advance(86_400_000 + 1000);
    await drainOnce(worker());
    expect(smtp.mails.at(-1)?.subject).toBe('Tomorrow');
  });

  it('takes over a claim whose worker died', async () => {
    await enqueueMail(handle.db, {
      now: clock.now(),
      kind: 'test',
      to: 'orphan@example.org',
      mail: composeMail('en', 'Orphan', [{ kind: 'p', text: 'x' }]),
    });
    await handle.db
      .update(outbox)
      .set({ claimToken: 'dead-worker', claimedUntil: new Date(clock.now().getTime() + 120_000) })
      .where(eq(outbox.to, 'orphan@example.org'));
    await drainOnce(worker());
    expect(smtp.mails.some((m) => m.subject === 'Orphan')).toBe(false);
    clock.advance(121_000);
    await drainOnce(worker());
    expect(smtp.mails.filter((m) => m.subject === 'Orphan')).toHaveLength(1);
  });

  it('keeps mails in the dev mailbox when no SMTP server is configured', async () => {
    await enqueueMail(handle.db, {
      now: clock.now(),
      kind: 'test',
      to: 'dev@example.org',
      mail: composeMail('ar', 'مرحبا', [{ kind: 'p', text: 'نص' }]),
    });
    await drainOnce({ ...worker(), transport: devMailboxTransport(handle.db, 'Portal <no-reply@portal.test>') });
    const [kept] = await handle.db.select().from(devMailbox).where(eq(devMailbox.to, 'dev@example.org'));
    expect(kept?.subject).toBe('مرحبا');
    expect(kept?.text).toContain('نص');
    expect(kept?.raw).toMatch(/^Content-Type: multipart\/alternative/m);
  });
});
