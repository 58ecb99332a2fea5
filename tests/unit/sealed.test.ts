import { describe, expect, it } from 'vitest';
import { newKeySpec, open, parseKeyring, seal, sealedKeyId } from '../../src/server/crypto/sealed';

describe('sealing personal data (AES-256-GCM)', () => {
  const ring = parseKeyring(newKeySpec('k1'));
  it('opens what it sealed, and the sealed text reveals nothing of it', () => {
    const sealed = seal(ring, 'Reza Ahmadi, +49 170 1234567', 'row-1');
    expect(sealed).not.toContain('Reza');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(open(ring, sealed, 'row-1')).toBe('Reza Ahmadi, +49 170 1234567');
    // A fresh IV each time: the same text never seals the same way twice.
    expect(seal(ring, 'same', 'row-1')).not.toBe(seal(ring, 'same', 'row-1'));
  });
  it('refuses a value moved to another row, tampered with, or sealed with another key', () => {
    const sealed = seal(ring, 'secret', 'row-1');
    expect(() => open(ring, sealed, 'row-2')).toThrow();
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => open(ring, parts.join('.'), 'row-1')).toThrow();
    expect(() => open(parseKeyring(newKeySpec('k1')), sealed, 'row-1')).toThrow();
  });
  it('rotates: a new first key seals, the old one still opens', () => {
    const old = seal(ring, 'before', 'row-1');
    const [, oldKey] = [...ring.keys.entries()][0]!;
    const rotated = parseKeyring(`${newKeySpec('k2')},k1:${oldKey.toString('base64')}`);
    expect(open(rotated, old, 'row-1')).toBe('before');
    expect(sealedKeyId(seal(rotated, 'after', 'row-1'))).toBe('k2');
    expect(() => open(parseKeyring(newKeySpec('k2')), old, 'row-1')).toThrow(/k1/);
  });
  it('refuses keys of the wrong length', () => {
    expect(() => parseKeyring(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/32 bytes/);
  });
});
