import type { PieceBuffer } from './piece-buffer.js';

/**
 * Private-use characters the renderer reserves for its own markers between
 * passes. `cleanInput` replaces any the writer typed, so a text can never
 * forge one.
 */
export const Marker = Object.freeze({
  /** Starts an inline token reference: INLINE, decimal index, END. */
  INLINE: '\uE000',
  /** Starts a block token reference, alone on its line: BLOCK, decimal index, END. */
  BLOCK: '\uE001',
  END: '\uE002',
  /** A single line break inside a paragraph (`<br class='autobr' />`). */
  AUTO_BREAK: '\uE003',
  /** `_ ` at the start of a line (`<br class='manualbr' />`). */
  MANUAL_BREAK: '\uE004',
  /** `- ` at the start of a line that is not the paragraph's first. */
  BULLET_BREAK: '\uE005',
  /** `- ` at the start of a paragraph. */
  BULLET_START: '\uE006',
});

const FORBIDDEN = /\r\n?|\u0000|[\uE000-\uE00F]/g;

/**
 * Normalises line ends, drops NUL characters and neutralises the reserved
 * private-use characters.
 */
export function cleanInput(text: string): string {
  return text.replace(FORBIDDEN, (c) => (c === '\u0000' ? '' : c.charCodeAt(0) === 13 ? '\n' : '\ufffd'));
}

const BLOCK_START = `\n\n${Marker.BLOCK}`;
const BLOCK_END = `${Marker.END}\n\n`;

/**
 * Appends the reference to token `index` to `out`: an inline one (INLINE,
 * decimal index, END) sits inside a line of text, a block one alone on its
 * line between blank lines. Written as three pieces, the index a number: no
 * string is made for each reference. Right after another block reference
 * (`afterBlock`), that one's blank line already separates them: one more
 * would only add lines (a run of blank lines reads as one).
 */
export function pushPlaceholder(out: PieceBuffer, index: number, block: boolean, afterBlock: boolean): void {
  out.push(block ? (afterBlock ? Marker.BLOCK : BLOCK_START) : Marker.INLINE);
  out.push(index);
  out.push(block ? BLOCK_END : Marker.END);
}

/** Reads the token index of a placeholder whose marker is at `at`; `end` is just past its END. */
export function readPlaceholder(text: string, at: number): { readonly index: number; readonly end: number } {
  const end = text.indexOf(Marker.END, at);
  return { index: Number(text.slice(at + 1, end)), end: end + 1 };
}

/** The token index of a placeholder whose marker is at `at`, read without allocating. */
export function readPlaceholderIndex(text: string, at: number): number {
  let index = 0;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    index = index * 10 + (c - 48);
  }
  return index;
}

/** True for the characters the block pass puts between the lines of a paragraph. */
export function isBreakMarker(code: number): boolean {
  return code >= 0xe003 && code <= 0xe006;
}
