import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export interface RateLimitRule {
  /** How many hits a window allows. */
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface RateLimitResult {
  readonly allowed: boolean;
  /** Seconds until the window resets (0 when allowed). */
  readonly retryAfterSeconds: number;
}

/**
 * Counts one hit for `key` in a fixed window shared by every process (the count lives in the
 * database), in one atomic upsert so concurrent requests cannot slip past the limit.
 */
export async function hitRateLimit(db: Executor, key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
  const result = await sql<{ hits: number; window_start: string }>`
    insert into rate_limits (key, window_start, hits) values (${key}, ${at}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start <= ${cutoff} then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start <= ${cutoff} then ${at} else rate_limits.window_start end
    returning hits, window_start`.execute(db);
  const row = result.rows[0]!;
  if (Number(row.hits) <= rule.limit) return { allowed: true, retryAfterSeconds: 0 };
  const resetAt = Date.parse(row.window_start) + rule.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)) };
}

/** Forgets a key (after a successful login, its failures no longer count). */
export async function clearRateLimit(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Removes windows that ended long ago (run from a recurring job). */
export async function purgeRateLimits(db: Executor, olderThan: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', olderThan.toISOString()).execute();
}
