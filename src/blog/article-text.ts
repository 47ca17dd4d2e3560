/** An article text turned into safe HTML: the body and its footnotes. */
export interface RenderedText {
  readonly html: string;
  readonly notes: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The one function pages call to turn SPIP shortcuts into HTML. Until the SPIP renderer is wired in,
 * paragraphs come from blank lines and everything else is escaped.
 */
export function renderArticleText(text: string): RenderedText {
  const html = text.split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${p.replace(/[&<>"']/g, (c) => ESCAPES[c]!)}</p>`)
    .join('\n');
  return { html, notes: '' };
}
