/**
 * A watch query that cannot be read. `position` is the 0-based index in the
 * query text where reading stopped, `expected` says in French what should
 * have been there; the message names both (position counted from 1).
 *
 * @example
 * try { parseWatchQuery('(festival'); } catch (e) { e.position; e.expected; } // 9, '« ) »'
 */
export class WatchQuerySyntaxError extends Error {
  override readonly name = 'WatchQuerySyntaxError';
  readonly position: number;
  readonly expected: string;

  constructor(position: number, expected: string, found?: string) {
    super(`Requête incorrecte au caractère ${position + 1} : ${expected} attendu${found === undefined ? '' : `, trouvé ${found}`}.`);
    this.position = position;
    this.expected = expected;
  }
}
