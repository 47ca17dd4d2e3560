import { createHmac, timingSafeEqual } from 'node:crypto';

/** The outcome of checking a form's time token. */
export type FormTokenCheck = 'ok' | 'too-soon' | 'expired' | 'invalid';

export interface FormTokenRules {
  /** A human takes at least this long to write a message. */
  readonly minAgeMs: number;
  /** A form served longer ago than this is stale. */
  readonly maxAgeMs: number;
}

/** 3 seconds to 12 hours, the forum issue's defaults. */
export const DEFAULT_TOKEN_RULES: FormTokenRules = Object.freeze({ minAgeMs: 3_000, maxAgeMs: 12 * 3600_000 });

/**
 * Signed time tokens for the forum form: `<issued ms>.<HMAC-SHA256>`. A robot that posts at once,
 * or replays a form served long ago, is told apart from a person without a CAPTCHA.
 *
 * @example
 * const tokens = createFormTokens(deriveKey(secretKey, 'forum-token'), () => new Date());
 * const token = tokens.issue();
 * tokens.check(token); // 'too-soon' (less than 3 seconds later)
 */
export function createFormTokens(key: Buffer, now: () => Date) {
  const sign = (issued: string) => createHmac('sha256', key).update(`forum-form:${issued}`).digest('base64url');
  // Stamped to the next whole second (never earlier than served, so "too soon" stays exact), and
  // every article view within one second shares one signature.
  let last = { second: -1, token: '' };
  return {
    /** A token stamped with the current time, rounded up to the second. */
    issue(): string {
      const second = Math.ceil(now().getTime() / 1000);
      if (second !== last.second) {
        const issued = String(second * 1000);
        last = { second, token: `${issued}.${sign(issued)}` };
      }
      return last.token;
    },
    /** Whether the token is genuine, and old enough but not too old (the site's limits, or the defaults). */
    check(token: string | undefined, rules: FormTokenRules = DEFAULT_TOKEN_RULES): FormTokenCheck {
      const match = /^(\d{1,15})\.([\w-]{43})$/.exec(token ?? '');
      if (!match) return 'invalid';
      const expected = Buffer.from(sign(match[1]!));
      const given = Buffer.from(match[2]!);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
      const age = now().getTime() - Number(match[1]);
      if (age < rules.minAgeMs) return 'too-soon';
      if (age > rules.maxAgeMs) return 'expired';
      return 'ok';
    },
  };
}

export type FormTokens = ReturnType<typeof createFormTokens>;
