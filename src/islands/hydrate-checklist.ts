/** Hydrates the server-rendered checklist (see hydrate-booking.ts for why not Astro's runtime). */
import { h, hydrate } from 'preact';
import Checklist from './Checklist';
import type { ChecklistProps } from './checklist-types';

const root = document.getElementById('checklist-root');
const data = document.getElementById('checklist-props')?.textContent;
if (root && data) hydrate(h(Checklist, JSON.parse(data) as ChecklistProps), root);
