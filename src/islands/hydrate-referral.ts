/** Hydrates the referral form the server rendered (our own loader: the CSP allows no inline script). */
import { h, hydrate } from 'preact';
import ReferralForm from './ReferralForm';
import type { ReferralProps } from './referral-types';

const root = document.getElementById('referral-root');
const data = document.getElementById('referral-props')?.textContent;
if (root && data) hydrate(h(ReferralForm, JSON.parse(data) as ReferralProps), root);
