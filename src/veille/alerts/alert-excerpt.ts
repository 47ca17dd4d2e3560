import { excerptAroundMark } from '../inbox/excerpt-around-mark.js';

/** An excerpt with the matched words marked: as HTML (`<mark>`) and as plain text (`*word*`). */
export interface AlertExcerpt {
  readonly html: string;
  readonly text: string;
}

const ENTITIES: Readonly<Record<string, string>> = Object.freeze({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" });

/**
 * The inbox's excerpt around the first matched word (`excerptAroundMark`), for an e-mail: as
 * HTML, and as plain text where each mark becomes `*…*` (the usual plain-text emphasis) and the
 * entities are read back.
 *
 * @example
 * alertExcerpt('Le <mark>budget</mark> &amp; le reste');
 * // { html: 'Le <mark>budget</mark> &amp; le reste', text: 'Le *budget* & le reste' }
 */
export function alertExcerpt(highlighted: string, radius = 160): AlertExcerpt {
  const html = excerptAroundMark(highlighted, radius);
  const text = html.replace(/<\/?mark>/g, '*').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
  return Object.freeze({ html, text });
}
