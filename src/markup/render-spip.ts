import { renderDocument } from './render-document.js';
import type { RenderOptions, RenderResult } from './render-options.js';
import { applySecondWall } from './second-wall.js';

/**
 * Renders SPIP *raccourcis typographiques* to safe HTML, the same HTML as
 * SPIP 4.3 (MARKUP.md), with French typography. Returns the body and,
 * separately, the notes block (`""` when there are none). The renderer's
 * allow-list is the first wall; js-xss runs after it as a second.
 *
 * @example
 * const { html, notes } = renderSpip(
 *   "{{Conseil municipal}} : voir [l'ordre du jour->art12][[Publié en mairie.]]",
 *   { profile: 'article', resolveObjectLink: (kind, id) => `/${kind}s/${id}` },
 * );
 * // html:
 * // <p><strong>Conseil municipal</strong>&nbsp;: voir <a href="/articles/12">l’ordre du jour</a>
 * // <span class="spip_note_ref">&nbsp;[<a href="#nb1" class="spip_note" rel="appendix" title="Publié en mairie." id="nh1">1</a>]</span></p>
 * // notes:
 * // <div id="nb1">
 * // <p><span class="spip_note_ref">[<a href="#nh1" class="spip_note" title="Notes 1" rev="appendix">1</a>]&nbsp;</span>Publié en mairie.</p>
 * // </div>
 */
export function renderSpip(text: string, options: RenderOptions): RenderResult {
  const { html, notes } = renderDocument(text, options);
  return Object.freeze({
    html: applySecondWall(html, options.profile),
    notes: applySecondWall(notes, options.profile),
  });
}

export type { DocumentRef, ObjectKind, Profile, RenderOptions, RenderResult, ResolveDocument, ResolveObjectLink } from './render-options.js';
