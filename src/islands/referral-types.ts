/** Props of the referral island: built on the server (src/server/referrals/referral-page.ts). */
export interface ReferralValues {
  topics: string[];
  urgency: string;
  language: string;
  contactWay: string;
  centre: string;
  interpreter: boolean;
  name: string;
  email: string;
  phone: string;
  message: string;
  consent: boolean;
}

export interface ReferralProps {
  lang: string;
  action: string;
  /** referral.json of the page's language, flattened ("errors.name" -> text). */
  strings: Record<string, string>;
  topics: readonly string[];
  urgencies: readonly string[];
  contactWays: readonly string[];
  languages: { code: string; tag: string; name: string }[];
  centres: { id: string; name: string }[];
  consentVersion: number;
  /** The consent paragraphs of that version, filled in (retention days, contact address). */
  consentText: string[];
  maxMessage: number;
  forClient: boolean;
  values: ReferralValues;
  errors: Record<string, string>;
  notice: string | null;
}
