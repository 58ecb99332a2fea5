import { createTOTPKeyURI, verifyTOTPWithGracePeriod } from '@oslojs/otp';
import { decodeBase64, encodeBase32UpperCaseNoPadding, encodeBase64 } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { recoveryCodes, users } from '../../../db/schema';
import { generateSecretToken, hashToken } from '../tokens';
import { open, seal, type Keyring } from '../crypto/sealed';

const PERIOD = 30;
const DIGITS = 6;

export function newTotpKey(): Uint8Array {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return key;
}

export function totpSetupFacts(key: Uint8Array, email: string) {
  return {
    base32: encodeBase32UpperCaseNoPadding(key),
    uri: createTOTPKeyURI('Willkommensportal', email, key, PERIOD, DIGITS),
    encoded: encodeBase64(key),
  };
}

/** Accepts the current code and the one before, for phones whose clock is a little off. */
export function checkTotp(key: Uint8Array, code: string): boolean {
  return /^\d{6}$/.test(code) && verifyTOTPWithGracePeriod(key, PERIOD, DIGITS, code, PERIOD);
}

/**
 * The stored key: sealed with the data keys and bound to its user (older rows hold plain
 * base64; they still open, and `npm run data-keys -- reseal` seals them).
 */
export function storedKey(ring: Keyring, stored: string, userId: string): Uint8Array | undefined {
  try {
    return decodeKey(stored.startsWith('v1.') ? open(ring, stored, `totp/${userId}`) : stored);
  } catch {
    return undefined;
  }
}

/** A key in base64 (the one being enrolled travels in the set-up form). */
export function decodeKey(encoded: string): Uint8Array | undefined {
  try {
    const key = decodeBase64(encoded);
    return key.length === 20 ? key : undefined;
  } catch {
    return undefined;
  }
}

export const sealKey = (ring: Keyring, key: Uint8Array, userId: string) => seal(ring, encodeBase64(key), `totp/${userId}`);

/** Stores the enrolled key and returns fresh one-time recovery codes (only their hashes are kept). */
export async function enrolTotp(db: Db, ring: Keyring, userId: string, key: Uint8Array): Promise<string[]> {
  const codes = Array.from({ length: 8 }, () => generateSecretToken().slice(0, 12));
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpKey: sealKey(ring, key, userId) })
      .where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashToken(c) })));
  });
  return codes;
}
