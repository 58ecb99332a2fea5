/** Fixed loopback ports of the browser suite (override with E2E_PORT if 4610-4612 are taken). */
const base = Number(process.env.E2E_PORT ?? 4610);
export const E2E_PORTS = { web: base, smtp: base + 1, mailApi: base + 2 };

/** The admin the browser suite creates with `npm run admin:create` before the server starts. */
export const E2E_ADMIN = { email: 'ada.admin@musterstadt.example', name: 'Ada Admin', password: 'a long and sound passphrase 2026' };

/** KIM counsellors the browser suite seeds (tests/e2e/support/seed-kim.ts), one per team. */
export const E2E_TOTP_KEY = new Uint8Array(20).map((_, i) => 40 + i);
export const E2E_COUNSELLORS = {
  housing: {
    email: 'hana.housing@musterstadt.example',
    name: 'Hana Wohnen',
    password: 'housing counsellor passphrase 26',
    team: 'kim-housing',
  },
  work: { email: 'wim.work@musterstadt.example', name: 'Wim Arbeit', password: 'work counsellor passphrase 2026', team: 'kim-work' },
  residence: {
    email: 'rosa.residence@musterstadt.example',
    name: 'Rosa Aufenthalt',
    password: 'residence counsellor phrase 26',
    team: 'kim-residence',
  },
} as const;

/** Closed referrals lose their personal data after this long in the browser suite (seconds). */
export const E2E_RETENTION_SECONDS = 8;

/** An admin with a known second factor, for reading the referral read log. */
export const E2E_AUDITOR = { email: 'aud.admin@musterstadt.example', name: 'Audrey Admin', password: 'auditor passphrase for 2026' };

/** Counter staff (no second factor for this role). */
export const E2E_COUNTER = { email: 'cora.counter@musterstadt.example', name: 'Cora Schalter', password: 'counter staff passphrase 2026' };
