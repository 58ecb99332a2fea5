import { brotliCompressSync, constants } from 'node:zlib';
import { builtPages } from '../support/built-pages';

export const PAGE_BUDGET_BYTES = 14 * 1024;

/** Brotli size of every prerendered page (CSS is inlined, so this is all a first render needs). */
export function pageSizes() {
  const sizes = builtPages()
    .map((p) => ({
      path: p.path,
      bytes: brotliCompressSync(Buffer.from(p.html), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    }))
    .sort((a, b) => a.bytes - b.bytes);
  const largest = sizes.at(-1);
  return {
    pages: sizes.length,
    budgetBytes: PAGE_BUDGET_BYTES,
    largestBytes: largest?.bytes ?? 0,
    largestPath: largest?.path ?? '',
    medianBytes: sizes[Math.floor(sizes.length / 2)]?.bytes ?? 0,
    overBudget: sizes.filter((s) => s.bytes > PAGE_BUDGET_BYTES).map((s) => s.path),
  };
}
