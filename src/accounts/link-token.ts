import { createHash, randomBytes } from 'node:crypto';

/**
 * A random token for an e-mailed link (password reset, invitation, sign-up confirmation): the
 * token goes into the link, only its SHA-256 is stored, so a copy of the database opens nothing.
 *
 * @example
 * const { token, hash } = newLinkToken();   // mail `…?jeton=${token}`, store `hash`
 * hashLinkToken(token) === hash;            // true: how a followed link is looked up
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

/** The stored form of a link token. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
