import { buildAnchor } from './build-anchor.js';
import { escapeHtml } from './escape-html.js';
import type { RenderContext } from './render-context.js';

interface Note {
  readonly anchor: string;
  readonly label: string;
  readonly body: string;
}

const TITLE_LENGTH = 80;

/** PHP's rawurlencode, then `%` → `_` as SPIP does for note ids (`*` → `_2A`). */
function noteAnchor(name: string): string {
  return encodeURIComponent(name)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, '_');
}

/** The note's text without shortcuts or tags, cut to 80 characters: the `title` of its call. */
function noteTitle(body: string): string {
  let plain = body
    .replace(/<[^<>]*>/g, '')
    .replace(/->[^\]]*(?:\]|$)/g, '')
    .replace(/[{}[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length > TITLE_LENGTH) {
    const cut = plain.lastIndexOf(' ', TITLE_LENGTH - 4);
    plain = `${plain.slice(0, cut > 0 ? cut : TITLE_LENGTH - 4)}\u00a0(...)`;
  }
  return plain;
}

/** Splits `<A>text` / `<*>text` into a name and a text; the name must not be a real tag closed later. */
function splitName(raw: string): { readonly name: string | undefined; readonly text: string } {
  const open = raw.search(/\S/);
  if (open < 0 || raw[open] !== '<') return { name: undefined, text: raw };
  const close = raw.indexOf('>', open);
  const name = close < 0 ? '' : raw.slice(open + 1, close);
  if (name === '' || /['"<]/.test(name) || raw.includes(`</${name}>`)) return { name: undefined, text: raw };
  return { name, text: raw.slice(close + 1) };
}

/**
 * Collects the notes of one rendering (`[[…]]`, `[[<*>…]]`, `[[<A>…]]`) in
 * order of appearance and draws both the calls in the text and the notes
 * block, with SPIP's ids (`nh1`/`nb1`, `nh_2A`/`nb_2A`, `nhA`/`nbA`).
 */
export class NoteCollector {
  private count = 0;
  private readonly seen = new Set<string>();
  private readonly notes: Note[] = [];

  /** Records a note and returns the HTML of its call. */
  add(raw: string, ctx: RenderContext): string {
    const named = splitName(raw);
    const label = named.name ?? String(++this.count);
    const anchor = noteAnchor(label);
    const first = !this.seen.has(anchor);
    this.seen.add(anchor);
    this.notes.push(Object.freeze({ anchor, label, body: named.text.trim() }));
    const call = buildAnchor(
      [
        ['href', `#nb${anchor}`],
        ['class', 'spip_note'],
        ['rel', 'appendix'],
        ['title', noteTitle(named.text)],
        ['id', first ? `nh${anchor}` : undefined],
      ],
      escapeHtml(label),
      ctx,
    );
    return `<span class="spip_note_ref">${ctx.entities.nbsp}[${call}]</span>`;
  }

  /** Draws the notes block; `renderBody` renders a note's text as blocks. */
  render(renderBody: (text: string) => string, ctx: RenderContext): string {
    return this.notes
      .map((note) => {
        const back = buildAnchor(
          [
            ['href', `#nh${note.anchor}`],
            ['class', 'spip_note'],
            ['title', `Notes ${note.anchor}`],
            ['rev', 'appendix'],
          ],
          escapeHtml(note.label),
          ctx,
        );
        const call = `<span class="spip_note_ref">[${back}]${ctx.entities.nbsp}</span>`;
        const body = renderBody(note.body);
        const content = body.startsWith('<p>') ? `<p>${call}${body.slice(3)}` : `<p>${call}</p>${body ? `\n${body}` : ''}`;
        return `<div id="nb${note.anchor}">\n${content}\n</div>`;
      })
      .join('\n\n');
  }
}
