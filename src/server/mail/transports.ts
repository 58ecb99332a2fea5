/** Where mail goes: a real SMTP server (SMTP_URL), or the local dev mailbox table. */
import nodemailer from 'nodemailer';
import type { Db } from '../../../db/client';
import { devMailbox } from '../../../db/schema';
import type { MailTransport, OutgoingMail } from './worker';

function message(from: string, mail: OutgoingMail) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    messageId: mail.messageId,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
      ...(a.encoding ? { encoding: a.encoding } : {}),
      ...(a.cid ? { cid: a.cid } : {}),
    })),
  };
}

export function smtpTransport(url: string, from: string): MailTransport {
  // Short timeouts: a hanging server must not hold a claimed row until its lease runs out.
  const parsed = new URL(url);
  const transporter = nodemailer.createTransport({
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)),
    secure: parsed.protocol === 'smtps:',
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail(message(from, mail));
    },
  };
}

/** Without SMTP: the full message is kept in the database and shown at /dev/mailbox/. */
export function devMailboxTransport(db: Db, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transporter.sendMail(message(from, mail));
      const raw = Buffer.isBuffer(info.message) ? info.message.toString('utf8') : String(info.message);
      await db.insert(devMailbox).values({ to: mail.to, subject: mail.subject, text: mail.text, raw });
    },
  };
}
