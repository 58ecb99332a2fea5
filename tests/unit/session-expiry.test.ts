import { describe, expect, it } from 'vitest';
import { judgeSession, needsSecondFactor, passwordProblem, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/domain/session-expiry';

const start = new Date('2026-11-28T08:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('judgeSession', () => {
  it('slides while in use, in steps, never past the absolute limit', () => {
    const session = { createdAt: start, expiresAt: at(SESSION_IDLE_MS) };
    expect(judgeSession(session, at(60_000))).toEqual({ valid: true });
    const later = judgeSession(session, at(2 * 3_600_000));
    expect(later).toEqual({ valid: true, extendTo: at(2 * 3_600_000 + SESSION_IDLE_MS) });
    const nearEnd = judgeSession(
      { createdAt: start, expiresAt: at(SESSION_ABSOLUTE_MS - 60_000) },
      at(SESSION_ABSOLUTE_MS - 2 * 3_600_000),
    );
    expect(nearEnd.valid && nearEnd.extendTo).toBeFalsy();
  });
  it('ends an idle session and any session at the absolute limit', () => {
    expect(judgeSession({ createdAt: start, expiresAt: at(SESSION_IDLE_MS) }, at(SESSION_IDLE_MS))).toEqual({ valid: false });
    expect(judgeSession({ createdAt: start, expiresAt: at(SESSION_ABSOLUTE_MS + 1000) }, at(SESSION_ABSOLUTE_MS))).toEqual({
      valid: false,
    });
  });
});

describe('roles and passwords', () => {
  it('asks counsellors and admins for a second factor', () => {
    expect(['volunteer', 'counter', 'counsellor', 'admin'].map(needsSecondFactor)).toEqual([false, false, true, true]);
  });
  it('refuses short passwords and ones built on the e-mail name', () => {
    expect(passwordProblem('short', 'a@b.de')).toBe('tooShort');
    expect(passwordProblem('mariana-2026-!!', 'mariana@city.example')).toBe('likeEmail');
    expect(passwordProblem('correct horse battery staple', 'ada@city.example')).toBeUndefined();
  });
});
