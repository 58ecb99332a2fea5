/**
 * Drains the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, sent outside
 * the transaction (a slow mail server never holds the database), then marked sent by the
 * claimer only. Several workers or instances never take the same row; a failed send backs off.
 * A crash between "sent" and "marked" can repeat a mail: the stable Message-ID lets mail
 * systems drop the copy.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { MailAttachment } from './compose';
import type { Db } from '../../../db/client';
import { outbox } from '../../../db/schema';
import { rowsOf } from '../rate-limit';
import { generateSecretToken } from '../tokens';

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

export interface WorkerDeps {
  db: Db;
  transport: MailTransport;
  now: () => Date;
  /** Host part of Message-IDs. */
  domain: string;
  batchSize?: number;
  leaseSeconds?: number;
}

/** 30 s, 1 min, 2 min ... at most 30 min between attempts. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 30 * 60);
}

export async function claimDue(deps: WorkerDeps, claimToken: string): Promise<OutboxRow[]> {
  const now = deps.now().toISOString();
  const lease = deps.leaseSeconds ?? 120;
  const result = await deps.db.execute(sql`
    update outbox set claim_token = ${claimToken}, claimed_until = ${now}::timestamptz + make_interval(secs => ${lease}), attempts = attempts + 1
    where id in (
      select id from outbox
      where sent_at is null and next_attempt_at <= ${now}::timestamptz and (claimed_until is null or claimed_until < ${now}::timestamptz)
      order by next_attempt_at, id
      limit ${deps.batchSize ?? 10}
      for update skip locked)
    returning id`);
  const ids = rowsOf<{ id: number }>(result).map((r) => Number(r.id));
  if (ids.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.claimToken, claimToken), sql`${outbox.id} in ${ids}`));
  return rows.sort((a, b) => a.id - b.id);
}

export async function drainOnce(deps: WorkerDeps): Promise<{ sent: number; failed: number }> {
  const claimToken = generateSecretToken();
  const rows = await claimDue(deps, claimToken);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await deps.transport.send({
        messageId: `<outbox-${row.id}-${row.createdAt.getTime()}@${deps.domain}>`,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        attachments: row.attachments,
      });
      await deps.db
        .update(outbox)
        .set({ sentAt: deps.now(), claimToken: null, claimedUntil: null, lastError: null })
        .where(and(eq(outbox.id, row.id), eq(outbox.claimToken, claimToken)));
      sent += 1;
    } catch (error) {
      const retryAt = new Date(deps.now().getTime() + backoffSeconds(row.attempts) * 1000);
      await deps.db
        .update(outbox)
        .set({
          claimToken: null,
          claimedUntil: null,
          nextAttemptAt: retryAt,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
        })
        .where(and(eq(outbox.id, row.id), eq(outbox.claimToken, claimToken)));
      failed += 1;
    }
  }
  return { sent, failed };
}

/** Runs drainOnce every `intervalMs`; returns a function that stops it (and waits for a round). */
export function startOutboxWorker(deps: WorkerDeps, intervalMs: number, onError: (e: unknown) => void): () => Promise<void> {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const loop = async () => {
    while (!stopped) {
      current = drainOnce(deps).catch(onError);
      const { sent } = ((await current) as { sent: number } | undefined) ?? { sent: 0 };
      // A full batch means more may be waiting: go on at once.
      if (sent < (deps.batchSize ?? 10)) await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  void loop();
  return async () => {
    stopped = true;
    await current;
  };
}
