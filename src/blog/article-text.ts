import { renderSpip, type RenderResult, type ResolveObjectLink } from '../markup/render-spip.js';

/** An article text turned into safe HTML: the body and its footnotes. */
export type RenderedText = RenderResult;

/** `[->art12]` and `[->rub3]` point at the stable numeric addresses, which lead to the current slug. */
const siteLinks: ResolveObjectLink = (kind, id) => (kind === 'article' ? `/article/${id}` : `/rubrique/${id}`);

/** The one function pages call to turn an article's SPIP shortcuts into HTML (`article` profile). */
export function renderArticleText(text: string): RenderedText {
  return renderSpip(text, { profile: 'article', resolveObjectLink: siteLinks });
}
