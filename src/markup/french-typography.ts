import { entityReferenceLength } from './escape-html.js';
import type { Entities } from './render-context.js';

const SPECIAL = /[&<>'~\-:;!?%«»°M]/g;
const WORD_CHAR = /[A-Za-z0-9_:/]/;
const LETTER = /[A-Za-zÀ-ɏ]/;
/** SPIP's abbreviations followed by a non-breaking space (typographie_fr). */
const ABBREVIATIONS = ['Mmes ', 'Mme ', 'MM. ', 'M. ', 'Mr. ', 'Mr '];
/** After one of these, `!` and `?` take no space (SPIP: `([^[<(!?.])([!?][!?\.]*)`). */
const NO_SPACE_BEFORE_MARK = '[<(!?.';

/** How much of the output's end `Typographer` remembers: more than the longest non-breaking space. */
const TAIL_LENGTH = 8;

/** The state of one typographize call: output so far and how much of `raw` it covers. */
class Typographer {
  out = '';
  last = 0;
  /** The end of `out`, kept apart: asking `out` itself would flatten it each time (quadratic). */
  private tail = '';

  constructor(
    readonly raw: string,
    readonly prev: string,
    readonly next: string,
    readonly ent: Entities,
  ) {}

  private write(piece: string): void {
    this.out += piece;
    this.tail = piece.length >= TAIL_LENGTH ? piece.slice(-TAIL_LENGTH) : (this.tail + piece).slice(-TAIL_LENGTH);
  }

  before(i: number): string {
    return i > 0 ? (this.raw[i - 1] ?? '') : this.prev;
  }

  skipSpaces(j: number): number {
    while (this.raw.charCodeAt(j) === 32) j++;
    return j;
  }

  /** Replaces the spaces before `i` with one non-breaking space, or adds one. */
  nbspBefore(i: number): void {
    let k = i;
    while (k > this.last && this.raw.charCodeAt(k - 1) === 32) k--;
    const charBefore = this.before(k);
    if (k === i && (charBefore === '' || charBefore === '\n')) return;
    const hasOne = charBefore === '\u00a0' || (k === this.last && this.tail.endsWith(this.ent.nbsp));
    this.write(this.raw.slice(this.last, k) + (hasOne ? '' : this.ent.nbsp));
    this.last = i;
  }

  /** Writes `html` for raw[i, i + width) and resumes the scan after it. */
  replace(i: number, width: number, html: string): void {
    this.write(this.raw.slice(this.last, i) + html);
    this.last = i + width;
    SPECIAL.lastIndex = this.last;
  }

  /** Handles the special character at `i`. */
  apply(i: number, char: string): void {
    const raw = this.raw;
    const ent = this.ent;
    switch (char) {
      case '&': {
        const length = entityReferenceLength(raw, i);
        if (length > 0) SPECIAL.lastIndex = i + length;
        else this.replace(i, 1, '&amp;');
        break;
      }
      case '<':
        this.replace(i, 1, '&lt;');
        break;
      case '>':
        this.replace(i, 1, '&gt;');
        break;
      case "'":
        this.replace(i, 1, ent.rsquo);
        break;
      case '~': {
        let k = i;
        while (k > this.last && raw.charCodeAt(k - 1) === 32) k--;
        let j = i + 1;
        while (raw[j] === '~' || raw[j] === ' ') j++;
        this.write(raw.slice(this.last, k) + ent.nbsp);
        this.last = j;
        SPECIAL.lastIndex = j;
        break;
      }
      case '-':
        if (raw[i + 1] === '-') this.replace(i, 2, ent.mdash);
        break;
      case ':': {
        const after = i + 1 < raw.length ? (raw[i + 1] ?? '') : this.next;
        if (!WORD_CHAR.test(after) && this.before(i) !== ':') this.nbspBefore(i);
        break;
      }
      case ';':
      case '»':
        this.nbspBefore(i);
        break;
      case '%': {
        const b = this.before(i);
        if (b === ' ' || (b >= '0' && b <= '9')) this.nbspBefore(i);
        break;
      }
      case '!':
      case '?': {
        let j = i + 1;
        while (raw[j] === '!' || raw[j] === '?' || raw[j] === '.') j++;
        if (!NO_SPACE_BEFORE_MARK.includes(this.before(i))) this.nbspBefore(i);
        SPECIAL.lastIndex = j;
        break;
      }
      case '«': {
        const j = this.skipSpaces(i + 1);
        const after = j < raw.length ? (raw[j] ?? '') : this.next;
        if (after !== '' && after !== '\n' && after !== '\u00a0') this.replace(i, j - i, `«${ent.nbsp}`);
        break;
      }
      case '°': {
        const b = this.before(i);
        const abbreviation = (b === 'n' || b === 'N') && !LETTER.test(this.before(i - 1)) && raw[i + 1] === ' ';
        if (abbreviation) this.replace(i, this.skipSpaces(i + 1) - i, ent.deg + ent.nbsp);
        else this.replace(i, 1, ent.deg);
        break;
      }
      case 'M': {
        if (LETTER.test(this.before(i))) break;
        for (const word of ABBREVIATIONS) {
          if (raw.startsWith(word, i)) {
            this.replace(i, this.skipSpaces(i + word.length) - i, word.slice(0, -1) + ent.nbsp);
            break;
          }
        }
        break;
      }
    }
  }
}

/**
 * French typography on one run of plain text (SPIP's `typographie_fr`), with
 * HTML escaping: a non-breaking space before `:` `;` `!` `?` `%` `»`, after
 * `«`, `n°` and `Mme`; `'` → `’`; `--` → `—`; `~` → non-breaking space.
 * `prev` and `next` are the source characters around the run ('' at the
 * edges of the text, '\n' at a line start), so rules see across shortcuts.
 *
 * @example typographize("Qu'en dit-on ?", '', '', entities) // 'Qu&#8217;en dit-on&nbsp;?'
 */
export function typographize(raw: string, prev: string, next: string, ent: Entities): string {
  SPECIAL.lastIndex = 0;
  // `test`, not `exec`: no match object per special character; most runs between shortcuts have none.
  if (!SPECIAL.test(raw)) return raw;
  const typographer = new Typographer(raw, prev, next, ent);
  do typographer.apply(SPECIAL.lastIndex - 1, raw[SPECIAL.lastIndex - 1] ?? '');
  while (SPECIAL.test(raw));
  return typographer.out + raw.slice(typographer.last);
}
