/** A real SMTP server on loopback that keeps what it receives, and can be told to refuse. */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server';

export interface SmtpPeer {
  url: string;
  port: number;
  mails: ParsedMail[];
  refusing: boolean;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpPeer(fixedPort?: number): Promise<SmtpPeer> {
  const port = fixedPort ?? (await freePort());
  const peer: SmtpPeer = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails: [],
    refusing: false,
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (peer.mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails at the SMTP peer, got ${peer.mails.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return peer.mails;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (peer.refusing) return callback(Object.assign(new Error('Service not available, try later'), { responseCode: 421 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          peer.mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return peer;
}
