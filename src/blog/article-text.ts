import { renderSpip, type RenderResult, type ResolveDocument, type ResolveObjectLink } from '../markup/render-spip.js';
import { labelCadres } from './label-cadres.js';

/** An article text turned into safe HTML: the body and its footnotes. */
export type RenderedText = RenderResult;

/** `[->art12]` and `[->rub3]` point at the stable numeric addresses, which lead to the current slug. */
const siteLinks: ResolveObjectLink = (kind, id) => (kind === 'article' ? `/article/${id}` : `/rubrique/${id}`);

/**
 * The one function pages call to turn an article's SPIP shortcuts into HTML (`article` profile),
 * with each `<cadre>` given an accessible name in the page's language, and `<imgN>`/`<docN>`
 * drawn by `resolveDocument` (`createDocumentResolver` over the media the page loaded).
 */
export function renderArticleText(text: string, language = 'fr', resolveDocument?: ResolveDocument): RenderedText {
  const { html, notes } = renderSpip(text, { profile: 'article', resolveObjectLink: siteLinks, ...(resolveDocument ? { resolveDocument } : {}) });
  return { html: labelCadres(html, language === 'en' ? 'Text to copy' : 'Texte à copier'), notes };
}
