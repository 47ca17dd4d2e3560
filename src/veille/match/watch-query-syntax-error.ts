/**
 * A watch query that cannot be read. `position` is the 0-based index in the
 * query text where reading stopped, `expected` says in French what should
 * have been there; the message names both (position counted from 1).
 *
 * @example
 * parseWatchQuery('(festival'); // throws: position 9, expected '« ) »',
 * // « Requête incorrecte au caractère 10 : on attendait « ) », mais on trouve la fin de la requête. »
 */
export class WatchQuerySyntaxError extends Error {
  override readonly name = 'WatchQuerySyntaxError';
  readonly position: number;
  readonly expected: string;

  constructor(position: number, expected: string, found?: string) {
    super(`Requête incorrecte au caractère ${position + 1} : on attendait ${expected}${found === undefined ? '' : `, mais on trouve ${found}`}.`);
    this.position = position;
    this.expected = expected;
  }
}
