/**
 * Background jobs of a server instance: the outbox worker. Built into dist/jobs.mjs and started
 * by src/cli/serve.mjs beside the web server; every instance may run it (the outbox is safe with
 * several workers).
 */
import { getDb } from './db';
import { loadEnv } from './env';
import { devMailboxTransport, smtpTransport } from './mail/transports';
import { startOutboxWorker } from './mail/worker';

export async function startBackgroundJobs(): Promise<() => Promise<void>> {
  const env = loadEnv();
  const db = await getDb();
  const transport = env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : devMailboxTransport(db, env.MAIL_FROM);
  const domain = new URL(env.PUBLIC_ORIGIN).hostname;
  let lastLogged = 0;
  return startOutboxWorker({ db, transport, now: () => new Date(), domain }, env.OUTBOX_POLL_MS, (error) => {
    // Logged at most once a minute: a database outage would otherwise flood the log.
    if (Date.now() - lastLogged > 60_000) {
      lastLogged = Date.now();
      console.error('[outbox] round failed; will retry', error instanceof Error ? error.message : error);
    }
  });
}
