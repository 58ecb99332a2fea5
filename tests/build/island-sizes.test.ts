import { describe, expect, it } from 'vitest';
import { islandSizes } from '../bench/island-sizes';

/** The size check of the islands, on every build (the bench prints the same figures). */
describe('island sizes', () => {
  const sizes = islandSizes();
  it('keeps the booking island within its budget', () => {
    expect(sizes.bookingIslandGzipBytes).toBeLessThanOrEqual(sizes.bookingIslandBudgetBytes);
  });
  it('keeps the checklist island within its budget beyond Preact', () => {
    expect(sizes.checklistIslandBeyondPreactGzipBytes).toBeLessThanOrEqual(sizes.checklistIslandBudgetBytes);
  });
  it('keeps the referral island within its budget', () => {
    expect(sizes.referralIslandGzipBytes).toBeLessThanOrEqual(sizes.referralIslandBudgetBytes);
  });
});
