import { foldTokens } from './fold-tokens.js';
import { lexWatchQuery, type QueryToken } from './lex-watch-query.js';
import type { NearQuery, WatchField, WatchQuery, WatchTerm } from './watch-query.js';
import { WatchQuerySyntaxError } from './watch-query-syntax-error.js';

export type { WatchQuery } from './watch-query.js';

const A_TERM = 'un terme (mot, « phrase », préfixe*, parenthèse ou NEAR)';

/**
 * Parses a watch query into a frozen `kind`-tagged tree; throws
 * `WatchQuerySyntaxError` (position and what was expected, in French).
 *
 * Grammar (operators in capitals; `ET`, `OU`, `SAUF` are synonyms of `AND`,
 * `OR`, `NOT`; `-mot` is `NOT mot`; terms side by side are joined by AND):
 * ```
 * query   := or END
 * or      := and (OR and)*
 * and     := unary (AND? unary)*
 * unary   := NOT unary | field: unary | primary
 * primary := ( or ) | NEAR/n ( side , side ) | ONEAR/n ( side , side ) | term
 * side    := term | ( term (OR term)* )
 * term    := word | word* | "phrase"
 * ```
 * Words and phrases are folded (case, accents, elisions: `L’Été` → `ete`);
 * a word written with a hyphen or other inner punctuation
 * (`saint-étienne`) is a phrase.
 *
 * @example
 * parseWatchQuery('festival ET (concert OU "fête de la musique") SAUF annulé');
 * parseWatchQuery('title:NEAR/3(budget, vote*) lang:fr');
 */
export function parseWatchQuery(text: string): WatchQuery {
  const parser = new Parser(lexWatchQuery(text));
  const query = parser.or('text');
  parser.expectEnd();
  return deepFreeze(query);
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: readonly QueryToken[]) {}

  private get next(): QueryToken {
    return this.tokens[this.index]!;
  }

  /** The next token's kind, read afresh (a getter's result would stay narrowed after `index++`). */
  private nextKind(): QueryToken['kind'] {
    return this.tokens[this.index]!.kind;
  }

  private fail(expected: string): never {
    const token = this.next;
    throw new WatchQuerySyntaxError(token.position, expected, token.kind === 'end' ? 'la fin de la requête' : `« ${token.kind === 'phrase' ? `"${token.text}"` : token.text} »`);
  }

  private expect(kind: QueryToken['kind'], expected: string): QueryToken {
    if (this.next.kind !== kind) this.fail(expected);
    return this.tokens[this.index++]!;
  }

  expectEnd(): void {
    if (this.next.kind === ')') this.fail('la fin de la requête (parenthèse fermante sans ouvrante)');
    if (this.next.kind === ',') this.fail('un terme (la virgule ne sépare que les deux termes de NEAR)');
    this.expect('end', 'la fin de la requête');
  }

  or(field: WatchField): WatchQuery {
    const children = [this.and(field)];
    while (this.next.kind === 'or') {
      this.index++;
      children.push(this.and(field));
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children: children.flatMap((c) => (c.kind === 'or' ? c.children : [c])) };
  }

  private and(field: WatchField): WatchQuery {
    const children = [this.unary(field)];
    for (;;) {
      const kind = this.next.kind;
      if (kind === 'and') this.index++;
      else if (kind === 'or' || kind === ')' || kind === 'end' || kind === ',') break;
      children.push(this.unary(field));
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children: children.flatMap((c) => (c.kind === 'and' ? c.children : [c])) };
  }

  private unary(field: WatchField): WatchQuery {
    const token = this.next;
    if (token.kind === 'not') {
      this.index++;
      return { kind: 'not', child: this.unary(field) };
    }
    if (token.kind === 'field') {
      this.index++;
      return this.unary(token.field);
    }
    return this.primary(field);
  }

  private primary(field: WatchField): WatchQuery {
    const token = this.next;
    if (token.kind === '(') {
      this.index++;
      const inner = this.or(field);
      this.expect(')', '« ) »');
      return inner;
    }
    if (token.kind === 'near') return this.near(token, field);
    return this.term(field);
  }

  private near(token: Extract<QueryToken, { kind: 'near' }>, field: WatchField): NearQuery {
    this.index++;
    const name = token.ordered ? 'ONEAR' : 'NEAR';
    this.expect('(', `« ( » après ${token.text}`);
    const left = this.side(field);
    this.expect(',', `« , » entre les deux termes de ${name}`);
    const right = this.side(field);
    this.expect(')', `« ) » après le second terme de ${name}`);
    return { kind: 'near', field, distance: token.distance, ordered: token.ordered, left, right };
  }

  private side(field: WatchField): WatchTerm[] {
    if (this.next.kind !== '(') return [this.term(field)];
    this.index++;
    const terms = [this.term(field)];
    while (this.nextKind() === 'or') {
      this.index++;
      terms.push(this.term(field));
    }
    this.expect(')', '« ) » ou OR');
    return terms;
  }

  private term(field: WatchField): WatchTerm {
    const token = this.next;
    if (token.kind === 'phrase') {
      const words = foldTokens(token.text);
      if (words.length === 0) this.fail('des mots entre les guillemets');
      this.index++;
      return { kind: 'phrase', field, words };
    }
    if (token.kind !== 'word') this.fail(A_TERM);
    // site:https://www.exemple.fr/page is looked for as its host name.
    const text = field === 'site' ? token.text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/s, '') : token.text;
    const star = text.indexOf('*');
    if (star >= 0 && star < text.length - 1) throw new WatchQuerySyntaxError(token.position + token.text.indexOf('*'), 'un espace ou la fin du mot après « * » (le joker termine un mot)', `« ${text[star + 1]} »`);
    const words = foldTokens(star >= 0 ? text.slice(0, -1) : text);
    if (star >= 0) {
      if (words.length !== 1 || words[0]!.length < 2) throw new WatchQuerySyntaxError(token.position, 'un seul mot d’au moins deux lettres avant « * »', `« ${token.text} »`);
      this.index++;
      return { kind: 'prefix', field, prefix: words[0]! };
    }
    if (words.length === 0) this.fail(A_TERM);
    this.index++;
    return words.length === 1 ? { kind: 'word', field, word: words[0]! } : { kind: 'phrase', field, words };
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
