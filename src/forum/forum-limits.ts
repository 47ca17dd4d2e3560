import type { Executor } from '../db/database.js';
import type { RateLimitRule } from '../http/rate-limit-store.js';
import { readSettingValues, writeSetting } from '../site/settings-store.js';
import type { FormTokenRules } from './form-token.js';

/**
 * The forum's anti-spam limits, edited by an administrator ("Réglages du forum"). A rate limit of
 * 0 means no limit (an intranet, a benchmark); the other values are always positive.
 */
export interface ForumLimits {
  /** A form sent sooner than this after it was served is refused (a person takes time to write). */
  readonly minDelaySeconds: number;
  /** A form served longer ago than this is stale and must be reloaded. */
  readonly maxDelayHours: number;
  /** The longest message, in characters. */
  readonly maxMessageLength: number;
  /** Messages one address may send per window (0: no limit). */
  readonly postsPerAddress: number;
  /** Messages the whole site accepts per window, whoever sends them: a brake on floods from many addresses (0: no limit). */
  readonly postsPerSite: number;
}

/** Both rate limits count over the same window. */
export const FORUM_LIMIT_WINDOW_SECONDS = 600;

/** The defaults: 3 s to 12 h for the form, 20,000 characters, 5 messages per address and 100 for the site per 10 minutes. */
export const DEFAULT_FORUM_LIMITS: ForumLimits = Object.freeze({
  minDelaySeconds: 3,
  maxDelayHours: 12,
  maxMessageLength: 20_000,
  postsPerAddress: 5,
  postsPerSite: 100,
});

const KEYS: Readonly<Record<keyof ForumLimits, string>> = Object.freeze({
  minDelaySeconds: 'forum.min_delay_seconds',
  maxDelayHours: 'forum.max_delay_hours',
  maxMessageLength: 'forum.max_message_length',
  postsPerAddress: 'forum.posts_per_address',
  postsPerSite: 'forum.posts_per_site',
});

/** The limits in force: each saved value, or its default. */
export async function readForumLimits(db: Executor): Promise<ForumLimits> {
  const limits = { ...DEFAULT_FORUM_LIMITS } as Record<keyof ForumLimits, number>;
  const saved = await readSettingValues(db, Object.values(KEYS));
  for (const field of Object.keys(KEYS) as (keyof ForumLimits)[]) {
    const value = Number(saved.get(KEYS[field]) ?? Number.NaN);
    if (Number.isSafeInteger(value) && value >= 0) limits[field] = value;
  }
  return Object.freeze(limits as ForumLimits);
}

/** Saves the given limits (the caller has checked them). */
export async function writeForumLimits(db: Executor, changes: Partial<ForumLimits>): Promise<void> {
  for (const [field, value] of Object.entries(changes) as [keyof ForumLimits, number][]) await writeSetting(db, KEYS[field], String(value));
}

/** The time-token rules the limits set. */
export function tokenRulesOf(limits: ForumLimits): FormTokenRules {
  return { minAgeMs: limits.minDelaySeconds * 1000, maxAgeMs: limits.maxDelayHours * 3600_000 };
}

/**
 * The longest text a moderator's correction may have: the site's limit, or the message's own
 * length when it is longer (written before the limit was lowered), so fixing a typo never fails.
 */
export function correctionLengthLimit(limits: Pick<ForumLimits, 'maxMessageLength'>, current: { readonly body: string }): number {
  return Math.max(limits.maxMessageLength, current.body.length);
}

/** A rate-limit rule for one of the posting limits, or null when it is off (0). */
export function postRuleOf(limit: number): RateLimitRule | null {
  return limit === 0 ? null : { limit, windowSeconds: FORUM_LIMIT_WINDOW_SECONDS };
}
