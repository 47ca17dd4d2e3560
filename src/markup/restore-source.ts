import { Marker, readPlaceholder } from './placeholders.js';
import type { SpipToken } from './spip-token.js';

/** A run of text as the writer typed it, and the note calls it held. */
export interface RestoredSource {
  /** The text with every marker turned back into what was typed there. */
  readonly text: string;
  /** The HTML of the note calls (and other anchored tokens) met: they go after the link, never inside an attribute. */
  readonly moved: string;
}

/** What the block pass's line-break markers stand for in the source. */
const TYPED_BREAKS: Readonly<Record<string, string>> = Object.freeze({
  [Marker.AUTO_BREAK]: '\n',
  [Marker.MANUAL_BREAK]: '\n_ ',
  [Marker.BULLET_BREAK]: '\n- ',
  [Marker.BULLET_START]: '- ',
});
const MARKERS = /[\uE000-\uE00F]/g;

/**
 * Turns the renderer's markers in a run of text back into what the writer
 * typed, for a link's URL or title: a protected span (code, cadre, `<html>`,
 * an escaped script) is given back as typed, a line break as a line break. A
 * placeholder can then never reach an attribute, and the attribute holds
 * the writer's text (SPIP keeps it too, as escaped text). A note call moves
 * out (`moved`): its note is already counted, and a URL cannot hold a link.
 *
 * @example restoreSource('https://e.fr\uE0000\uE002', [{ kind: 'html', html: '<code…>', hasAnchor: false, source: '<code>x</code>' }])
 * // { text: 'https://e.fr<code>x</code>', moved: '' }
 */
export function restoreSource(raw: string, tokens: readonly SpipToken[]): RestoredSource {
  MARKERS.lastIndex = 0;
  if (!MARKERS.test(raw)) return { text: raw, moved: '' };
  let text = '';
  let moved = '';
  let copied = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    const code = c.charCodeAt(0);
    if (code < 0xe000 || code > 0xe00f) continue;
    text += raw.slice(copied, i);
    if ((c === Marker.INLINE || c === Marker.BLOCK) && raw.includes(Marker.END, i)) {
      const { index, end } = readPlaceholder(raw, i);
      const token = tokens[index];
      if (token?.kind === 'html' && token.hasAnchor) moved += token.html;
      else if (token?.kind === 'html') text += token.source;
      i = end - 1;
    } else {
      text += TYPED_BREAKS[c] ?? '';
    }
    copied = i + 1;
  }
  return { text: text + raw.slice(copied), moved };
}
