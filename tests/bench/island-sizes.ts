import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ASTRO_DIR = 'dist/client/_astro';

/** gzip bytes of an island's entry module and every module it imports (what a phone downloads). */
function moduleGraphBytes(entry: string): { total: number; own: number; modules: string[] } {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(ASTRO_DIR, file), 'utf8');
    for (const [, dep] of code.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) if (dep) visit(dep);
    for (const [, dep] of code.matchAll(/import\s*"\.\/([^"]+\.js)"/g)) if (dep) visit(dep);
  };
  visit(entry);
  const gz = (f: string) => gzipSync(readFileSync(path.join(ASTRO_DIR, f)), { level: 9 }).length;
  return { total: [...seen].reduce((n, f) => n + gz(f), 0), own: gz(entry), modules: [...seen] };
}

export const BOOKING_ISLAND_BUDGET = 20 * 1024;
export const CHECKLIST_ISLAND_OWN_BUDGET = 10 * 1024;
export const REFERRAL_ISLAND_BUDGET = 20 * 1024;

export function islandSizes() {
  const files = readdirSync(ASTRO_DIR).filter((f) => f.endsWith('.js'));
  const booking = files.find((f) => f.startsWith('book.astro_astro_type_script'));
  const checklist = files.find((f) => f.startsWith('_service_.astro_astro_type_script'));
  const referral = files.find((f) => f.startsWith('referral.astro_astro_type_script'));
  if (!booking || !checklist || !referral) throw new Error('island entry modules not found in dist/client/_astro: run `npm run build`');
  const b = moduleGraphBytes(booking);
  const c = moduleGraphBytes(checklist);
  const r = moduleGraphBytes(referral);
  const preactOnly = c.modules.filter((m) => /^(preact|hooks|jsxRuntime)\.module/.test(m));
  const preactBytes = preactOnly.reduce((n, f) => n + gzipSync(readFileSync(path.join(ASTRO_DIR, f)), { level: 9 }).length, 0);
  return {
    bookingIslandGzipBytes: b.total,
    bookingIslandBudgetBytes: BOOKING_ISLAND_BUDGET,
    checklistIslandGzipBytes: c.total,
    checklistIslandBeyondPreactGzipBytes: c.total - preactBytes,
    checklistIslandBudgetBytes: CHECKLIST_ISLAND_OWN_BUDGET,
    referralIslandGzipBytes: r.total,
    referralIslandBudgetBytes: REFERRAL_ISLAND_BUDGET,
  };
}
