/**
 * Background jobs of a server instance: the outbox worker and the referral retention job. Built into dist/jobs.mjs and started
 * by src/cli/serve.mjs beside the web server; every instance may run it (the outbox is safe with
 * several workers).
 */
import { getDb } from './db';
import { loadEnv } from './env';
import { devMailboxTransport, smtpTransport } from './mail/transports';
import { startOutboxWorker } from './mail/worker';
import { referralDeps } from './referrals/deps';
import { runReferralRetention } from './referrals/retention-job';

export async function startBackgroundJobs(): Promise<() => Promise<void>> {
  const env = loadEnv();
  const db = await getDb();
  const transport = env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : devMailboxTransport(db, env.MAIL_FROM);
  const domain = new URL(env.PUBLIC_ORIGIN).hostname;
  let lastLogged = 0;
  const stopRetention = startRetentionJob(env.RETENTION_POLL_MS);
  const stopOutbox = startOutboxWorker({ db, transport, now: () => new Date(), domain }, env.OUTBOX_POLL_MS, (error) => {
    // Logged at most once a minute: a database outage would otherwise flood the log.
    if (Date.now() - lastLogged > 60_000) {
      lastLogged = Date.now();
      console.error('[outbox] round failed; will retry', error instanceof Error ? error.message : error);
    }
  });
  return async () => {
    stopRetention();
    await stopOutbox();
  };
}

function startRetentionJob(everyMs: number): () => void {
  let lastLogged = 0;
  const timer = setInterval(() => {
    referralDeps()
      .then((deps) => runReferralRetention(deps))
      .catch((error: unknown) => {
        if (Date.now() - lastLogged > 60_000) {
          lastLogged = Date.now();
          console.error('[retention] round failed; will retry', error instanceof Error ? error.message : error);
        }
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
