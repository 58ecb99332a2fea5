/** Fixed loopback ports of the browser suite (override with E2E_PORT if 4610-4612 are taken). */
const base = Number(process.env.E2E_PORT ?? 4610);
export const E2E_PORTS = { web: base, smtp: base + 1, mailApi: base + 2 };

/** The admin the browser suite creates with `npm run admin:create` before the server starts. */
export const E2E_ADMIN = { email: 'ada.admin@musterstadt.example', name: 'Ada Admin', password: 'a long and sound passphrase 2026' };
