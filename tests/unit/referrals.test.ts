import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION, parseReferralRequest, TOPICS, type Topic } from '../../src/domain/referrals/referral-schema';
import { routeReferral, type RoutingRule } from '../../src/domain/referrals/routing';
import { applyAction, type ReferralState } from '../../src/domain/referrals/workflow';
import { retentionStep } from '../../src/domain/referrals/retention';
import { csvCell, toCsv } from '../../src/domain/referrals/csv';
import { parseReferralAction } from '../../src/domain/referrals/action-schema';

const valid = {
  topics: ['housing', 'work'],
  urgency: 'soon',
  language: 'fa',
  contactWay: 'phone',
  name: 'Reza Ahmadi',
  phone: '+49 170 1234567',
  consent: true,
  consentVersion: CONSENT_VERSION,
};

describe('the referral request', () => {
  it('accepts a complete request and fills the optional fields', () => {
    const parsed = parseReferralRequest(valid);
    expect(parsed).toMatchObject({ ok: true, value: { email: '', message: '', centre: '', interpreter: false } });
  });
  it('refuses a request without consent, with the consent message', () => {
    expect(parseReferralRequest({ ...valid, consent: false })).toEqual({ ok: false, errors: { consent: 'errors.consent' } });
    const { consent: _, ...without } = valid;
    expect(parseReferralRequest(without)).toMatchObject({ ok: false, errors: { consent: 'errors.consent' } });
  });
  it('refuses an unknown consent version', () => {
    expect(parseReferralRequest({ ...valid, consentVersion: 99 })).toMatchObject({ ok: false });
  });
  it('needs the contact detail that fits the chosen way', () => {
    expect(parseReferralRequest({ ...valid, phone: '' })).toMatchObject({ ok: false, errors: { phone: 'errors.phoneNeeded' } });
    expect(parseReferralRequest({ ...valid, contactWay: 'email' })).toMatchObject({ ok: false, errors: { email: 'errors.emailNeeded' } });
    expect(parseReferralRequest({ ...valid, contactWay: 'visit', phone: '' })).toMatchObject({
      ok: false,
      errors: { phone: 'errors.reachNeeded', centre: 'errors.centre' },
    });
    expect(parseReferralRequest({ ...valid, contactWay: 'visit', centre: 'intercultural-centre-north' }).ok).toBe(true);
  });
  it('refuses no topic, unknown and repeated topics', () => {
    for (const topics of [[], ['unicorns'], ['housing', 'housing'], 'housing'])
      expect(parseReferralRequest({ ...valid, topics })).toMatchObject({ ok: false, errors: { topics: 'errors.topics' } });
  });
  it('never throws and names only known fields, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const parsed = parseReferralRequest(input);
        if (!parsed.ok) for (const key of Object.values(parsed.errors)) expect(key).toMatch(/^errors\./);
      }),
      { numRuns: 300 },
    );
  });
});

describe('routing by topic', () => {
  const rules: RoutingRule[] = [
    { topic: 'housing', teamId: 'housing', priority: 10 },
    { topic: 'work', teamId: 'work', priority: 40 },
    { topic: 'other', teamId: 'general', priority: 100 },
  ];
  it('sends a referral to the team of its most pressing topic', () => {
    expect(routeReferral(['work', 'housing'], rules)).toBe('housing');
    expect(routeReferral(['work'], rules)).toBe('work');
  });
  it('sends topics without a rule to the catch-all team', () => {
    expect(routeReferral(['health'], rules)).toBe('general');
    expect(routeReferral(['health'], rules.slice(0, 2))).toBeNull();
  });
  it('always picks a team that has a rule for one of the topics, or the catch-all', () => {
    fc.assert(
      fc.property(fc.subarray([...TOPICS] as Topic[], { minLength: 1 }), (topics) => {
        const team = routeReferral(topics, rules);
        const matching = rules.filter((r) => topics.includes(r.topic));
        expect(team).toBe(matching.length ? [...matching].sort((a, b) => a.priority - b.priority)[0]!.teamId : 'general');
      }),
    );
  });
});

describe('the referral workflow', () => {
  const fresh: ReferralState = { status: 'new', teamId: 'housing', claimedBy: null };
  it('goes claim -> in progress -> closed for the counsellor who claimed it', () => {
    const claimed = applyAction(fresh, { action: 'claim' }, 'anna');
    expect(claimed).toEqual({ ok: true, next: { status: 'claimed', teamId: 'housing', claimedBy: 'anna' } });
    if (!claimed.ok) return;
    expect(applyAction(claimed.next, { action: 'start' }, 'ben')).toEqual({ ok: false, problem: 'notAllowed' });
    const started = applyAction(claimed.next, { action: 'start' }, 'anna');
    if (!started.ok) throw new Error('start');
    expect(applyAction(started.next, { action: 'claim' }, 'ben')).toEqual({ ok: false, problem: 'notAllowed' });
    const closed = applyAction(started.next, { action: 'close' }, 'anna');
    expect(closed).toMatchObject({ ok: true, next: { status: 'closed' } });
    if (closed.ok) expect(applyAction(closed.next, { action: 'note', text: 'x' }, 'anna')).toEqual({ ok: false, problem: 'notAllowed' });
  });
  it('forwards with a reason to another team, unclaimed there', () => {
    expect(applyAction(fresh, { action: 'forward', toTeamId: 'housing', reason: 'x' }, 'anna')).toEqual({ ok: false, problem: 'sameTeam' });
    expect(applyAction(fresh, { action: 'forward', toTeamId: 'work', reason: ' ' }, 'anna')).toEqual({
      ok: false,
      problem: 'reasonNeeded',
    });
    expect(applyAction(fresh, { action: 'forward', toTeamId: 'work', reason: 'job first' }, 'anna')).toEqual({
      ok: true,
      next: { status: 'forwarded', teamId: 'work', claimedBy: null },
    });
    const claimed: ReferralState = { ...fresh, status: 'claimed', claimedBy: 'anna' };
    expect(applyAction(claimed, { action: 'forward', toTeamId: 'work', reason: 'r' }, 'ben')).toEqual({ ok: false, problem: 'notAllowed' });
  });
  it('refuses an empty note', () => {
    expect(applyAction(fresh, { action: 'note', text: '  ' }, 'anna')).toEqual({ ok: false, problem: 'noteEmpty' });
  });
  it('reads the forms of the inbox into actions and nothing else', () => {
    expect(parseReferralAction({ action: 'forward', team: 'kim-work', reason: 'r' })).toEqual({
      action: 'forward',
      toTeamId: 'kim-work',
      reason: 'r',
    });
    expect(parseReferralAction({ action: 'delete' })).toBeNull();
    expect(parseReferralAction({ action: 'forward', team: "x'; drop table referrals;--", reason: 'r' })).toBeNull();
  });
});

describe('retention and escalation', () => {
  const settings = { retentionDays: 180, escalateAfterHours: 48 };
  const day = 86_400_000;
  const closedAt = new Date('2026-01-01T10:00:00Z');
  const base = { status: 'closed' as const, closedAt, routedAt: closedAt, escalatedAt: null, anonymisedAt: null };
  it('anonymises a closed referral exactly when the period has passed', () => {
    expect(retentionStep(base, new Date(closedAt.getTime() + 180 * day - 1), settings)).toBe('keep');
    expect(retentionStep(base, new Date(closedAt.getTime() + 180 * day), settings)).toBe('anonymise');
    expect(retentionStep({ ...base, anonymisedAt: new Date() }, new Date(closedAt.getTime() + 400 * day), settings)).toBe('keep');
  });
  it('escalates a waiting referral once, after the set hours', () => {
    const waiting = { ...base, status: 'new' as const, closedAt: null };
    expect(retentionStep(waiting, new Date(closedAt.getTime() + 47 * 3_600_000), settings)).toBe('keep');
    expect(retentionStep(waiting, new Date(closedAt.getTime() + 48 * 3_600_000), settings)).toBe('escalate');
    expect(retentionStep({ ...waiting, escalatedAt: new Date() }, new Date(closedAt.getTime() + 100 * day), settings)).toBe('keep');
    expect(retentionStep({ ...waiting, status: 'claimed' }, new Date(closedAt.getTime() + 100 * day), settings)).toBe('keep');
  });
});

describe('CSV for the case management software', () => {
  it('quotes separators and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+49 170')).toBe("'+49 170");
    expect(csvCell(null)).toBe('');
    expect(
      toCsv([
        ['a', 'b'],
        ['1', 'line\nbreak'],
      ]),
    ).toBe('a,b\r\n1,"line\nbreak"\r\n');
  });
  it('keeps every row at the same number of cells, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (cells) => {
        const line = toCsv([cells]);
        // An RFC 4180 reader: count the separators outside quotes.
        let quoted = false;
        let separators = 0;
        for (const ch of line.slice(0, -2)) {
          if (ch === '"') quoted = !quoted;
          else if (ch === ',' && !quoted) separators++;
        }
        expect(separators).toBe(cells.length - 1);
        expect(quoted).toBe(false);
      }),
    );
  });
});
