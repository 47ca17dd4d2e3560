import { createHash } from 'node:crypto';

/**
 * The SHA-256 of a message's text (base64url): indexed with the date, it finds the same text sent
 * again without comparing long texts row by row (the duplicate-text heuristic).
 *
 * @example
 * bodyHash('Bonjour') === bodyHash('Bonjour') // true
 */
export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('base64url');
}
