/**
 * Cuts highlighted HTML (escaped text with `<mark>` elements, as `highlightMatches` gives) to
 * about `radius` characters either side of the first `<mark>`, at spaces — never inside a tag or
 * an entity, which hold none — closing a `<mark>` the cut left open. Without a mark, the start.
 *
 * @example
 * excerptAroundMark('… long text … the <mark>budget</mark> is voted …', 40);
 */
export function excerptAroundMark(html: string, radius = 160): string {
  const first = html.indexOf('<mark>');
  const centre = first < 0 ? 0 : first;
  let start = Math.max(0, centre - radius);
  if (start > 0) {
    const space = html.indexOf(' ', start);
    start = space < 0 || space > centre ? centre : space + 1;
  }
  let end = Math.min(html.length, centre + radius * 2 - (centre - start));
  if (end < html.length) {
    const space = html.lastIndexOf(' ', end);
    end = space > centre ? space : html.length;
  }
  let excerpt = html.slice(start, end);
  if (excerpt.lastIndexOf('<mark>') > excerpt.lastIndexOf('</mark>')) excerpt += '</mark>';
  return `${start > 0 ? '… ' : ''}${excerpt}${end < html.length ? ' …' : ''}`;
}
