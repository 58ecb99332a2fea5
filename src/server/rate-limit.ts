/**
 * Fixed-window rate limits kept in the database, so they hold across instances and restarts.
 * One upsert per check: no read-then-write race.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/** Counts one attempt; true when it is within the limit. */
export async function hit(db: Db, limit: Limit, now = new Date()): Promise<boolean> {
  const rows = await db.execute<{ count: number }>(sql`
    insert into rate_limits (key, window_start, count) values (${limit.key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${now.toISOString()}::timestamptz - make_interval(secs => ${limit.windowSeconds}) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= ${now.toISOString()}::timestamptz - make_interval(secs => ${limit.windowSeconds}) then ${now.toISOString()}::timestamptz else rate_limits.window_start end
    returning count`);
  const count = Number(rowsOf<{ count: number }>(rows)[0]?.count ?? Infinity);
  return count <= limit.max;
}

/** Counts one attempt against several limits in one statement; true when all are kept. */
export async function hitAll(db: Db, limits: Limit[], now = new Date()): Promise<boolean> {
  const rows = limits.map(
    (l) =>
      sql`(${l.key}::text, ${now.toISOString()}::timestamptz, ${new Date(now.getTime() - l.windowSeconds * 1000).toISOString()}::timestamptz)`,
  );
  const result = await db.execute(sql`
    with v(k, w, t) as (values ${sql.join(rows, sql`, `)})
    insert into rate_limits (key, window_start, count)
    select k, w, 1 from v
    on conflict (key) do update set
      count = case when rate_limits.window_start <= (select t from v where v.k = excluded.key) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= (select t from v where v.k = excluded.key) then excluded.window_start else rate_limits.window_start end
    returning key, count`);
  const counts = new Map(rowsOf<{ key: string; count: number }>(result).map((r) => [r.key, Number(r.count)]));
  return limits.every((l) => (counts.get(l.key) ?? Infinity) <= l.max);
}

/** PGlite returns { rows }, postgres.js an array: both come through here. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
