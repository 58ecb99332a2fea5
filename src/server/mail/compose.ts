/**
 * Mails as the person reads them: in their language and direction, plain text plus a simple
 * HTML part, every value escaped. Rendered when the mail is queued, so the outbox holds exactly
 * what will be sent.
 */
import { useTranslations } from '../../i18n/i18n';
import { getLanguage } from '../../i18n/languages';
import { escapeHtml } from './escape';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Text, or base64 when `encoding` says so (images). */
  content: string;
  encoding?: 'base64';
  /** Shown inside the HTML part as <img src="cid:…">. */
  cid?: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'list'; title: string; items: string[] }
  /** An attached image shown in the HTML part; the text part says what it is. */
  | { kind: 'image'; cid: string; alt: string };

/** A mail made of blocks, so that the text and HTML parts always say the same. */
export function composeMail(lang: string, subject: string, blocks: Block[], attachments: MailAttachment[] = []): ComposedMail {
  const t = useTranslations(lang);
  const language = getLanguage(lang);
  const footer = t('mail:footer');
  const text = [
    ...blocks.map((b) => {
      switch (b.kind) {
        case 'p':
          return b.text;
        case 'facts':
          return b.rows.map(([k, v]) => `${k}: ${v}`).join('\n');
        case 'link':
          return `${b.label}\n${b.url}`;
        case 'list':
          return `${b.title}\n${b.items.map((i) => `- ${i}`).join('\n')}`;
        case 'image':
          return b.alt;
      }
    }),
    '--',
    footer,
  ].join('\n\n');
  const html = `<!doctype html><html lang="${language.tag}" dir="${language.dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40rem">${blocks
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return `<p>${escapeHtml(b.text)}</p>`;
        case 'facts':
          return `<table role="presentation">${b.rows.map(([k, v]) => `<tr><th style="text-align:start;padding-inline-end:1em;vertical-align:top">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
        case 'link':
          return `<p><a href="${escapeHtml(b.url)}">${escapeHtml(b.label)}</a></p>`;
        case 'list':
          return `<p><strong>${escapeHtml(b.title)}</strong></p><ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
        case 'image':
          return `<p><img src="cid:${escapeHtml(b.cid)}" alt="${escapeHtml(b.alt)}" width="180" height="180"></p>`;
      }
    })
    .join('')}<hr><p style="color:#555">${escapeHtml(footer)}</p></body></html>`;
  return { subject, text, html, attachments };
}
