import { escapeHtml } from './escape-html.js';

/**
 * `<code>x</code>` on one line or `` `x` ``: SPIP's inline code, content
 * escaped and not interpreted.
 *
 * @example renderInlineCode('a<b') // "<code class='spip_code spip_code_inline' dir='ltr'>a&lt;b</code>"
 */
export function renderInlineCode(content: string): string {
  return `<code class='spip_code spip_code_inline' dir='ltr'>${escapeHtml(content)}</code>`;
}

function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 10) start++;
  while (end > start && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(start, end);
}

/** `<code>` over several lines or a ```` ``` ```` fence: SPIP's code block (leading and trailing newlines dropped, spaces kept). */
export function renderCodeBlock(content: string): string {
  return (
    `<div class="precode"><pre class='spip_code spip_code_block' dir='ltr' style='text-align:left;'>` +
    `<code>${escapeHtml(trimNewlines(content))}</code></pre></div>`
  );
}

/**
 * `<cadre>…</cadre>` / `<frame>…</frame>`: a read-only text area, content
 * escaped; rows counted as SPIP does (one per 60 characters of each line, at
 * least 2).
 */
export function renderCadre(content: string): string {
  const text = escapeHtml(content.trim());
  let rows = 0;
  for (const line of text.split('\n')) rows += Math.floor(line.length / 60) + 1;
  return `<textarea readonly='readonly' cols='40' rows='${Math.max(rows, 2)}' class='spip_cadre spip_cadre_block' dir='ltr'>${text}</textarea>`;
}

/** A `<script>` typed in the `forum` profile, shown as text the way SPIP's `echappe_js` does. */
export function renderEscapedScript(raw: string): string {
  return `<code class="echappe-js">${escapeHtml(raw).replace(/\n/g, '<br />\n')}</code>`;
}
