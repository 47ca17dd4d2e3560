import { renderSpip } from '../markup/render-spip.js';
import type { Contribution } from './contribution.js';

/**
 * A contribution's text as safe HTML (the renderer's `forum` profile), its notes appended. Note
 * anchors get the contribution's id as prefix, so several messages on one page never share an id.
 *
 * @example
 * renderContributionText({ id: 7, body: 'Oui[[Voir le PLU.]]' }).includes('id="m7-nb1"') // true
 */
export function renderContributionText(contribution: Pick<Contribution, 'id' | 'body'>): string {
  const { html, notes } = renderSpip(contribution.body, { profile: 'forum' });
  const prefix = `m${contribution.id}-`;
  return (html + notes).replace(/(id="|href="#)(n[bh]\d+)"/g, `$1${prefix}$2"`);
}
