/**
 * The SMTP peer for browser tests: it runs in Playwright's global setup, so the test workers
 * (other processes) read its mails over a small loopback HTTP API.
 */
import http from 'node:http';
import type { SmtpPeer } from './smtp-peer';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string; base64: string }[];
}

export function serveMailApi(peer: SmtpPeer, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mail');
    const to = url.searchParams.get('to');
    const mails: ReceivedMail[] = peer.mails
      .map((m) => ({
        to: Array.isArray(m.to) ? m.to.map((a) => a.text).join(', ') : (m.to?.text ?? ''),
        subject: m.subject ?? '',
        text: m.text ?? '',
        html: typeof m.html === 'string' ? m.html : '',
        attachments: m.attachments.map((a) => ({
          filename: a.filename ?? '',
          contentType: a.contentType,
          content: a.content.toString('utf8'),
          base64: a.content.toString('base64'),
        })),
      }))
      .filter((m) => !to || m.to.toLowerCase().includes(to.toLowerCase()));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(mails));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** For tests: waits until the peer holds `count` mails to an address. */
export async function mailsTo(apiPort: number, address: string, count = 1, timeoutMs = 20_000): Promise<ReceivedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await (await fetch(`http://127.0.0.1:${apiPort}/?to=${encodeURIComponent(address)}`)).json()) as ReceivedMail[];
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`expected ${count} mail(s) to ${address}, got ${mails.length}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
