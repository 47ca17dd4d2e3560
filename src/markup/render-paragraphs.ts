import { renderInline } from './inline-pass.js';
import { isBreakMarker, Marker } from './placeholders.js';
import type { RenderContext } from './render-context.js';
import type { SpipToken } from './spip-token.js';

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

/**
 * The first line of a paragraph or list item: `_ ` is dropped there, `- `
 * becomes SPIP's bullet.
 */
export function firstLine(line: string): string {
  const text = line.trim();
  if (text.startsWith('_ ')) return text.slice(2).trimStart();
  if (text.startsWith('- ')) return Marker.BULLET_START + text.slice(2).trimStart();
  return text;
}

/** A following line, with the break SPIP puts before it: manual (`_ `), bullet (`- `) or automatic. */
export function nextLine(line: string): string {
  const text = line.trimEnd();
  if (text.startsWith('_ ')) return Marker.MANUAL_BREAK + text.slice(2).trimStart();
  if (text.startsWith('- ')) return Marker.BULLET_BREAK + text.slice(2).trimStart();
  return Marker.AUTO_BREAK + text;
}

/** Strips white space and line breaks at both ends; a bullet break left first becomes a bullet start. */
function trimPiece(piece: string): string {
  let start = 0;
  let end = piece.length;
  while (start < end) {
    const c = piece.charCodeAt(start);
    if (!isSpaceCode(c) && !(isBreakMarker(c) && c !== 0xe005 && c !== 0xe006)) break;
    start++;
  }
  while (end > start) {
    const c = piece.charCodeAt(end - 1);
    if (!isSpaceCode(c) && !isBreakMarker(c)) break;
    end--;
  }
  const body = piece.slice(start, end);
  return body.charCodeAt(0) === 0xe005 ? Marker.BULLET_START + body.slice(1) : body;
}

/**
 * One group of lines between blank lines: paragraphs, split around
 * `{{{intertitres}}}` (never wrapped in `<p>`). A paragraph holding typed
 * block elements is not wrapped either, so the browser keeps its tree.
 */
export function renderParagraphs(lines: readonly string[], ctx: RenderContext, tokens: readonly SpipToken[]): string[] {
  let joined = firstLine(lines[0] ?? '');
  for (let i = 1; i < lines.length; i++) joined += nextLine(lines[i] ?? '');
  const blocks: string[] = [];
  const paragraph = (piece: string): void => {
    const text = trimPiece(piece);
    if (text === '') return;
    const result = renderInline(text, ctx, { mode: 'text', tokens });
    if (result.html.trim() === '') return;
    blocks.push(result.hasBlock ? result.html : `<p>${result.html}</p>`);
  };
  let position = 0;
  for (;;) {
    const open = joined.indexOf('{{{', position);
    const close = open < 0 ? -1 : joined.indexOf('}}}', open + 3);
    if (close < 0) break;
    paragraph(joined.slice(position, open));
    const title = renderInline(trimPiece(joined.slice(open + 3, close)), ctx, { mode: 'text', tokens, inHeading: true });
    blocks.push(`<h2 class="spip">${title.html}</h2>`);
    position = close + 3;
  }
  paragraph(joined.slice(position));
  return blocks;
}
