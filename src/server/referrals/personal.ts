/** The sealed part of a referral: what names or describes the person. */
import type { Keyring } from '../crypto/sealed';
import { open, seal } from '../crypto/sealed';

export interface PersonalData {
  name: string;
  email: string;
  phone: string;
  centre: string;
  message: string;
}

export const sealPersonal = (ring: Keyring, data: PersonalData, referralId: string) => seal(ring, JSON.stringify(data), referralId);

export function openPersonal(ring: Keyring, sealed: string | null, referralId: string): PersonalData | null {
  if (!sealed) return null;
  return JSON.parse(open(ring, sealed, referralId)) as PersonalData;
}

/** Notes and forwarding reasons are bound to their referral too. */
export const sealDetail = (ring: Keyring, text: string, referralId: string) => seal(ring, text, `${referralId}/event`);
export const openDetail = (ring: Keyring, sealed: string | null, referralId: string) =>
  sealed ? open(ring, sealed, `${referralId}/event`) : null;
