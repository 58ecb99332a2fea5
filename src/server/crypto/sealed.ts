/**
 * Sealing personal data at rest with AES-256-GCM (node:crypto). A sealed value reads
 * "v1.<key id>.<iv>.<tag>.<ciphertext>" (base64url); the key id lets old keys keep opening what
 * they sealed while a new key seals everything new (rotation: README, "Referral keys").
 * The row's id is bound in as additional data, so a sealed value moved to another row fails.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Keyring {
  /** The key that seals. */
  current: string;
  keys: Map<string, Buffer>;
}

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let current = '';
  for (const part of spec.split(',')) {
    const [id, encoded] = part.split(':');
    if (!id || !encoded) throw new Error('A referral key reads "id:base64key".');
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new Error(`Referral key "${id}" is not 32 bytes.`);
    keys.set(id, key);
    current ||= id;
  }
  return { current, keys };
}

export function newKeySpec(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function seal(ring: Keyring, plaintext: string, boundTo: string): string {
  const key = ring.keys.get(ring.current);
  if (!key) throw new Error('No current referral key.');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', ring.current, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function open(ring: Keyring, sealed: string, boundTo: string): string {
  const [version, keyId, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !keyId || iv === undefined || tag === undefined || body === undefined) throw new Error('Not a sealed value.');
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`Referral key "${keyId}" is not configured; it is needed to open older data.`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export const sealedKeyId = (sealed: string): string | undefined => sealed.split('.')[1];
