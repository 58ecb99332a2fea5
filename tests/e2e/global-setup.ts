import type { FullConfig } from '@playwright/test';
import { startSmtpPeer } from '../support/smtp-peer';
import { serveMailApi } from '../support/mail-api';
import { startServer } from '../support/server';
import { E2E_ADMIN, E2E_PORTS, E2E_RETENTION_SECONDS } from './ports';

/** The built portal, sending its mail to a real SMTP peer whose inbox the tests can read. */
export default async function globalSetup(_config: FullConfig) {
  const smtp = await startSmtpPeer(E2E_PORTS.smtp);
  const mailApi = await serveMailApi(smtp, E2E_PORTS.mailApi);
  const server = await startServer(
    {
      SMTP_URL: smtp.url,
      OUTBOX_POLL_MS: '200',
      PUBLIC_ORIGIN: `http://127.0.0.1:${E2E_PORTS.web}`,
      BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '10000',
      // The retention job, on a clock the suite can wait for.
      REFERRAL_RETENTION_DAYS: String(E2E_RETENTION_SECONDS / 86_400),
      RETENTION_POLL_MS: '500',
    },
    E2E_PORTS.web,
    // The first admin, the documented way (with PGlite: while the portal is not running).
    [
      { args: ['src/cli/admin-create.ts', '--email', E2E_ADMIN.email, '--name', E2E_ADMIN.name], input: `${E2E_ADMIN.password}\n` },
      { args: ['tests/e2e/support/seed-kim.ts'] },
      { args: ['tests/e2e/support/seed-office.ts'] },
    ],
  );
  // The tests look into the database's files (is personal data readable there?).
  process.env.E2E_DATA_DIR = server.dataDir;
  return async () => {
    await server.stop();
    await new Promise((r) => mailApi.close(r));
    await smtp.close();
  };
}
