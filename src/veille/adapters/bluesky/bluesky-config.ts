import { checkQuery } from '../check-query.js';
import { asObject } from '../json-fields.js';
import type { ConfigCheck } from '../source-adapter.js';

/** A Bluesky source: a post search, optionally in one language. */
export interface BlueskyConfig {
  /** Bluesky's search syntax: words, "phrases", `#tag`, `from:handle`. */
  readonly query: string;
  /** Only posts declared in this language (`fr`). */
  readonly language?: string;
}

const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * Checks a Bluesky source as entered: a non-empty query, an optional language code.
 *
 * @example validateBlueskyConfig({ query: 'budget participatif', language: 'fr' })
 * // { ok: true, config: { query: 'budget participatif', language: 'fr' } }
 */
export function validateBlueskyConfig(input: unknown): ConfigCheck<BlueskyConfig> {
  const object = asObject(input);
  const errors: Record<string, string> = {};
  const query = checkQuery(object?.['query']);
  if (!query.ok) errors['query'] = query.error;
  const rawLanguage = object?.['language'];
  const language = typeof rawLanguage === 'string' ? rawLanguage.trim() : '';
  const given = rawLanguage !== undefined && rawLanguage !== null && rawLanguage !== '';
  if (given && !LANGUAGE.test(language)) errors['language'] = 'Indiquez la langue par son code, par exemple « fr ».';
  if (!query.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, config: Object.freeze(language === '' ? { query: query.query } : { query: query.query, language }) };
}
