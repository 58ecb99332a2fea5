import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/server/env';

describe('loadEnv', () => {
  it('defaults to the embedded database and the dev mailbox', () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe('.data/pglite');
  });
  it('treats empty variables as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
  it('names the variable to fix', () => {
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
