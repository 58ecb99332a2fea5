import type { Db } from '../../../db/client';
import type { RetentionSettings } from '../../domain/referrals/retention';
import type { Keyring } from '../crypto/sealed';
import { dataKeyring } from '../crypto/keyring';
import { getDb } from '../db';
import { loadEnv } from '../env';

export interface ReferralDeps {
  db: Db;
  now: () => Date;
  origin: string;
  keyring: Keyring;
  settings: RetentionSettings;
}

/** The referral service's dependencies in the running server. */
export async function referralDeps(): Promise<ReferralDeps> {
  const env = loadEnv();
  return {
    db: await getDb(),
    now: () => new Date(),
    origin: env.PUBLIC_ORIGIN.replace(/\/$/, ''),
    keyring: dataKeyring(env),
    settings: { retentionDays: env.REFERRAL_RETENTION_DAYS, escalateAfterHours: env.REFERRAL_ESCALATE_HOURS },
  };
}
