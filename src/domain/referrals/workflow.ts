/**
 * The life of a referral in the counsellor inbox. new -> claimed -> in_progress -> closed;
 * "forwarded" hands it to another team, where it waits like a new one until someone claims it.
 */
export const REFERRAL_STATUSES = ['new', 'claimed', 'in_progress', 'forwarded', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_ACTIONS = ['claim', 'start', 'forward', 'close', 'note'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export interface ReferralState {
  status: ReferralStatus;
  teamId: string;
  claimedBy: string | null;
}

export type ActionInput =
  | { action: 'claim' }
  | { action: 'start' }
  | { action: 'close' }
  | { action: 'note'; text: string }
  | { action: 'forward'; toTeamId: string; reason: string };

export type ActionOutcome =
  { ok: true; next: ReferralState } | { ok: false; problem: 'notAllowed' | 'sameTeam' | 'reasonNeeded' | 'noteEmpty' };

export const isOpen = (status: ReferralStatus) => status !== 'closed';
export const isWaiting = (status: ReferralStatus) => status === 'new' || status === 'forwarded';

/** What an action by this counsellor does to the referral; the caller has checked team membership. */
export function applyAction(state: ReferralState, input: ActionInput, actorId: string): ActionOutcome {
  if (!isOpen(state.status)) return { ok: false, problem: 'notAllowed' };
  const mine = state.claimedBy === actorId;
  switch (input.action) {
    case 'claim':
      return isWaiting(state.status)
        ? { ok: true, next: { ...state, status: 'claimed', claimedBy: actorId } }
        : { ok: false, problem: 'notAllowed' };
    case 'start':
      return state.status === 'claimed' && mine
        ? { ok: true, next: { ...state, status: 'in_progress' } }
        : { ok: false, problem: 'notAllowed' };
    case 'close':
      return (state.status === 'claimed' || state.status === 'in_progress') && mine
        ? { ok: true, next: { ...state, status: 'closed' } }
        : { ok: false, problem: 'notAllowed' };
    case 'note':
      return input.text.trim() === '' ? { ok: false, problem: 'noteEmpty' } : { ok: true, next: state };
    case 'forward':
      if (input.toTeamId === state.teamId) return { ok: false, problem: 'sameTeam' };
      if (input.reason.trim() === '') return { ok: false, problem: 'reasonNeeded' };
      // A waiting referral may be passed on by any team member; a claimed one only by its counsellor.
      if (!isWaiting(state.status) && !mine) return { ok: false, problem: 'notAllowed' };
      return { ok: true, next: { status: 'forwarded', teamId: input.toTeamId, claimedBy: null } };
  }
}
