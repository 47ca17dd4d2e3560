/**
 * Gives each `<cadre>` block of rendered SPIP text an accessible name. SPIP draws `<cadre>` as a
 * read-only `<textarea>` with no label, which RGAA 11.1 / WCAG 4.1.2 (axe-core's `label` rule)
 * refuse; the renderer keeps SPIP's exact HTML, so the page adds the name. Every `<textarea>` in
 * rendered text comes from `<cadre>`: a typed one is escaped by the allow-list.
 *
 * @example
 * labelCadres('<textarea readonly="readonly" class="spip_cadre">x</textarea>', 'Texte à copier');
 * // '<textarea aria-label="Texte à copier" readonly="readonly" class="spip_cadre">x</textarea>'
 */
export function labelCadres(html: string, label: string): string {
  const attribute = label.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return html.replace(/<textarea(?![^>]*\baria-label=)(?=[\s>])/g, `<textarea aria-label="${attribute}"`);
}
