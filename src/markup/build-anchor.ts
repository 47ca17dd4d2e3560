import { escapeAttribute } from './escape-html.js';
import type { RenderContext } from './render-context.js';

/** An attribute of an `<a>` the renderer emits; undefined values are left out. */
export type AnchorAttribute = readonly [name: string, value: string | undefined];

/**
 * Writes an `<a>` element. Every link goes through here so the `forum`
 * profile can add `nofollow` to its `rel` in one place (SPIP's
 * `liens_nofollow`).
 *
 * @example buildAnchor([['href', '#nb1'], ['rel', 'appendix']], '1', ctx) // '<a href="#nb1" rel="appendix">1</a>'
 */
export function buildAnchor(attributes: readonly AnchorAttribute[], innerHtml: string, ctx: RenderContext): string {
  let html = '<a';
  let rel: string | undefined;
  for (const [name, value] of attributes) {
    if (name === 'rel') rel = value;
    else if (value !== undefined) html += ` ${name}="${escapeAttribute(value)}"`;
  }
  if (ctx.forum && !rel?.split(' ').includes('nofollow')) rel = rel ? `nofollow ${rel}` : 'nofollow';
  if (rel) html += ` rel="${rel}"`;
  return `${html}>${innerHtml}</a>`;
}
