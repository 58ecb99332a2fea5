/** Queues mails in the outbox, inside the caller's transaction. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { outbox } from '../../../db/schema';
import type { ComposedMail } from './compose';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface QueuedMail {
  kind: string;
  to: string;
  mail: ComposedMail;
  appointmentId?: string | undefined;
  /** The caller's clock: when the mail was queued. */
  now: Date;
  /** Not before this time (reminders); else at once. */
  notBefore?: Date | undefined;
}

export async function enqueueMail(tx: Tx, queued: QueuedMail): Promise<void> {
  await tx.insert(outbox).values({
    kind: queued.kind,
    to: queued.to,
    subject: queued.mail.subject,
    text: queued.mail.text,
    html: queued.mail.html,
    attachments: queued.mail.attachments,
    appointmentId: queued.appointmentId,
    createdAt: queued.now,
    nextAttemptAt: queued.notBefore ?? queued.now,
  });
}

/** Drops a mail not yet sent (a reminder for an appointment that moved or was cancelled). */
export async function dropPendingMail(tx: Tx, appointmentId: string, kind: string): Promise<void> {
  await tx.delete(outbox).where(and(eq(outbox.appointmentId, appointmentId), eq(outbox.kind, kind), isNull(outbox.sentAt)));
}
