import type { Role } from '../../db/schema';

export const TEST_TOTP_KEY = new Uint8Array(20).map((_, i) => i + 1);

export const TEST_STAFF: { role: Role; email: string; name: string; password: string }[] = [
  { role: 'volunteer', email: 'volunteer@test.example', name: 'Test Volunteer', password: 'volunteer passphrase 2026' },
  { role: 'counter', email: 'counter@test.example', name: 'Test Counter', password: 'counter passphrase 2026' },
  { role: 'counsellor', email: 'counsellor@test.example', name: 'Test Counsellor', password: 'counsellor passphrase 2026' },
  { role: 'admin', email: 'admin@test.example', name: 'Test Admin', password: 'admin passphrase 2026' },
];

/** A second volunteer: the "wrong owner" of the first volunteer's bookings. */
export const OTHER_VOLUNTEER = {
  role: 'volunteer' as const,
  email: 'volunteer2@test.example',
  name: 'Other Volunteer',
  password: 'other volunteer passphrase 2026',
};

/** A counsellor of another KIM team: the "wrong owner" of the first counsellor's referrals. */
export const OTHER_COUNSELLOR = {
  role: 'counsellor' as const,
  email: 'counsellor2@test.example',
  name: 'Other Counsellor',
  password: 'other counsellor passphrase 2026',
};

/** The KIM team each test counsellor belongs to. */
export const TEST_TEAMS: Record<string, string> = {
  'counsellor@test.example': 'kim-housing',
  'counsellor2@test.example': 'kim-work',
};
