import { renderInline } from './inline-pass.js';
import type { RenderContext } from './render-context.js';
import type { SpipToken } from './spip-token.js';

type ListType = 'ul' | 'ol';

/** `-*`, `-**`, `-#`…: the depth is the number of marks, the kind comes from the first one. */
function parseItem(line: string): { readonly depth: number; readonly type: ListType; readonly text: string } {
  const mark = line[1];
  let end = 1;
  while (line[end] === mark) end++;
  return { depth: end - 1, type: mark === '#' ? 'ol' : 'ul', text: line.slice(end) };
}

/**
 * SPIP's nested lists (`traiter_listes`): one `<ul>`/`<ol>` per level, a
 * change of kind at the same level closes the list and opens the other,
 * and each `<li>` keeps the space typed after its marks. The `forum`
 * profile carries no `role`.
 *
 * @example renderList(['-* un', '-** sous-point'], ctx, [])
 * // '<ul class="spip" role="list"><li> un\n<ul class="spip" role="list"><li> sous-point</li></ul></li></ul>'
 */
export function renderList(lines: readonly string[], ctx: RenderContext, tokens: readonly SpipToken[]): string {
  const role = ctx.forum ? '' : ' role="list"';
  const open: ListType[] = [];
  let html = '';
  const close = (): void => {
    html += `</li></${open.pop()}>`;
  };
  for (const line of lines) {
    const item = parseItem(line);
    while (open.length > item.depth) close();
    if (open.length === item.depth && open.at(-1) !== item.type) close();
    if (open.length === item.depth) html += '</li>';
    while (open.length < item.depth) {
      if (open.length > 0) html += '\n';
      html += `<${item.type} class="spip"${role}>`;
      open.push(item.type);
      if (open.length < item.depth) html += '<li>';
    }
    html += `<li>${renderInline(item.text, ctx, { mode: 'text', tokens }).html}`;
  }
  while (open.length > 0) close();
  return html;
}
