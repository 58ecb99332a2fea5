/** A counsellor's action on a referral, as the inbox forms post it. */
import * as z from 'zod/mini';
import type { ActionInput } from './workflow';

const schema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('claim') }),
  z.object({ action: z.literal('start') }),
  z.object({ action: z.literal('close') }),
  z.object({ action: z.literal('note'), text: z.string().check(z.maxLength(4000)) }),
  z.object({
    action: z.literal('forward'),
    team: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
    reason: z.string().check(z.maxLength(1000)),
  }),
]);

export function parseReferralAction(input: unknown): ActionInput | null {
  const parsed = z.safeParse(schema, input);
  if (!parsed.success) return null;
  const value = parsed.data;
  return value.action === 'forward' ? { action: 'forward', toTeamId: value.team, reason: value.reason } : value;
}
