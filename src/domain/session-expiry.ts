/**
 * Session lifetimes: sliding (each use within the window extends it) with an absolute limit, so
 * a stolen cookie cannot be kept alive forever.
 */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000; // a working day without use
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

export interface SessionTimes {
  createdAt: Date;
  expiresAt: Date;
}

export type SessionVerdict = { valid: false } | { valid: true; extendTo?: Date };

export function judgeSession(session: SessionTimes, now: Date): SessionVerdict {
  if (now >= session.expiresAt) return { valid: false };
  const hardEnd = session.createdAt.getTime() + SESSION_ABSOLUTE_MS;
  if (now.getTime() >= hardEnd) return { valid: false };
  const wanted = Math.min(now.getTime() + SESSION_IDLE_MS, hardEnd);
  // Write only when it moves noticeably, not on every request.
  return wanted - session.expiresAt.getTime() > 15 * 60 * 1000 ? { valid: true, extendTo: new Date(wanted) } : { valid: true };
}

/** Counsellors and admins see special-category data: they need a second factor. */
export function needsSecondFactor(role: string): boolean {
  return role === 'counsellor' || role === 'admin';
}

export const MIN_PASSWORD_LENGTH = 12;

export function passwordProblem(password: string, email: string): 'tooShort' | 'tooLong' | 'likeEmail' | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.length > 256) return 'tooLong';
  if (password.toLowerCase().includes(email.split('@')[0]?.toLowerCase() || '\u0000')) return 'likeEmail';
  return undefined;
}
