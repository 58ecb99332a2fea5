/**
 * Hydrates the booking flow that the server rendered. Our own loader instead of Astro's island
 * runtime: that runtime is an inline script, and the portal's CSP allows no inline script.
 */
import { h, hydrate } from 'preact';
import BookingFlow from './BookingFlow';
import type { BookingProps } from './booking-types';

const root = document.getElementById('booking-root');
const data = document.getElementById('booking-props')?.textContent;
if (root && data) hydrate(h(BookingFlow, JSON.parse(data) as BookingProps), root);
