import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/server/security-headers.mjs';

describe('securityHeaders', () => {
  it('adds HSTS only for https origins', () => {
    expect(securityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/max-age=31536000/);
    expect(securityHeaders({ https: false })['Strict-Transport-Security']).toBeUndefined();
  });
  it('allows no inline or eval script', () => {
    const csp = securityHeaders({ https: true })['Content-Security-Policy'] ?? '';
    expect(/script-src ([^;]*)/.exec(csp)?.[1]).toBe("'self' 'wasm-unsafe-eval'");
  });
});
