/**
 * Key rotation, step two: re-seals everything sealed with an older key (referrals, notes,
 * second-factor keys) with the current one, so the old key can then be removed. Batched; safe to run again (already current rows are skipped).
 */
import { and, eq, isNotNull, not, like } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { referralEvents, referrals, users } from '../../../db/schema';
import { sealKey, storedKey } from '../auth/totp';
import type { Keyring } from './sealed';
import { openDetail, openPersonal, sealDetail, sealPersonal } from '../referrals/personal';

export async function resealAll(db: Db, ring: Keyring): Promise<{ referrals: number; events: number; totpKeys: number }> {
  const current = `v1.${ring.current}.%`;
  let counts = { referrals: 0, events: 0, totpKeys: 0 };
  for (;;) {
    const batch = await db
      .select({ id: referrals.id, personal: referrals.personal })
      .from(referrals)
      .where(and(isNotNull(referrals.personal), not(like(referrals.personal, current))))
      .limit(200);
    if (batch.length === 0) break;
    for (const row of batch) {
      const data = openPersonal(ring, row.personal, row.id);
      if (data)
        await db
          .update(referrals)
          .set({ personal: sealPersonal(ring, data, row.id) })
          .where(eq(referrals.id, row.id));
    }
    counts = { ...counts, referrals: counts.referrals + batch.length };
  }
  for (;;) {
    const batch = await db
      .select({ id: referralEvents.id, referralId: referralEvents.referralId, detail: referralEvents.detail })
      .from(referralEvents)
      .where(and(isNotNull(referralEvents.detail), not(like(referralEvents.detail, current))))
      .limit(200);
    if (batch.length === 0) break;
    for (const row of batch) {
      const text = openDetail(ring, row.detail, row.referralId);
      if (text !== null)
        await db
          .update(referralEvents)
          .set({ detail: sealDetail(ring, text, row.referralId) })
          .where(eq(referralEvents.id, row.id));
    }
    counts = { ...counts, events: counts.events + batch.length };
  }
  // Second-factor keys: older rows hold plain base64, newer ones are sealed.
  const keys = await db
    .select({ id: users.id, totpKey: users.totpKey })
    .from(users)
    .where(and(isNotNull(users.totpKey), not(like(users.totpKey, current))));
  for (const row of keys) {
    const key = storedKey(ring, row.totpKey ?? '', row.id);
    if (key)
      await db
        .update(users)
        .set({ totpKey: sealKey(ring, key, row.id) })
        .where(eq(users.id, row.id));
  }
  return { ...counts, totpKeys: keys.length };
}
