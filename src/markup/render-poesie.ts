import { renderInline } from './inline-pass.js';
import type { RenderContext } from './render-context.js';
import type { SpipToken } from './spip-token.js';

/**
 * `<poesie>…</poesie>` (alias `<poetry>`): one `<div>` per line, one
 * `<div>&nbsp;</div>` for each run of blank lines, shortcuts read in each
 * line. `drawLine` lets the caller draw lines that are block tokens.
 */
export function renderPoesie(
  lines: readonly string[],
  ctx: RenderContext,
  tokens: readonly SpipToken[],
  drawLine: (line: string) => string | undefined,
): string {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start++;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  const out = ['<blockquote class="spip_poesie">'];
  let blank = false;
  for (const line of lines.slice(start, end)) {
    if (line.trim() === '') {
      if (!blank) out.push(`<div>${ctx.entities.nbsp}</div>`);
      blank = true;
      continue;
    }
    blank = false;
    out.push(drawLine(line) ?? `<div>${renderInline(line.trim(), ctx, { mode: 'text', tokens }).html}</div>`);
  }
  out.push('</blockquote>');
  return out.join('\n');
}
