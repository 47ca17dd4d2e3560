import { escapeHtml } from './escape-html.js';
import { renderInline } from './inline-pass.js';
import { asciiLower, MemoFinder } from './memo-finder.js';
import { PieceBuffer } from './piece-buffer.js';
import { pushPlaceholder } from './placeholders.js';
import { renderCadre, renderCodeBlock, renderEscapedScript, renderInlineCode } from './render-code.js';
import type { RenderContext } from './render-context.js';
import type { DocumentRef } from './render-options.js';
import type { MarkerKind, SpipToken, Tokenised } from './spip-token.js';

const SPECIAL = /[<[`]/g;
/** Once no `]]` is left, a `[` can open no note: it is no longer worth stopping at. */
const SPECIAL_WITHOUT_NOTES = /[<`]/g;
const MEDIA = /<(img|doc|emb)([0-9]{1,9})(?:\|(left|right|center))?>/iy;
const BLOCK_HTML = /^\s*<(?:div|figure|dl|table|p|ul|ol|blockquote)\b/i;
/** One frozen token per marker kind, shared: a text of a million `<quote>` allocates no token each. */
const MARKER_TOKENS: Readonly<Record<MarkerKind, SpipToken>> = Object.freeze({
  'quote-open': Object.freeze({ kind: 'quote-open' }),
  'quote-close': Object.freeze({ kind: 'quote-close' }),
  'poesie-open': Object.freeze({ kind: 'poesie-open' }),
  'poesie-close': Object.freeze({ kind: 'poesie-close' }),
});
const MARKERS: readonly (readonly [string, SpipToken])[] = [
  ['<quote>', MARKER_TOKENS['quote-open']],
  ['</quote>', MARKER_TOKENS['quote-close']],
  ['<poesie>', MARKER_TOKENS['poesie-open']],
  ['</poesie>', MARKER_TOKENS['poesie-close']],
  ['<poetry>', MARKER_TOKENS['poesie-open']],
  ['</poetry>', MARKER_TOKENS['poesie-close']],
];

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** True when `text` reads `needle` (lower-case ASCII) at `at`, its ASCII letters in any case. */
function startsWithAnyCase(text: string, needle: string, at: number): boolean {
  if (at + needle.length > text.length) return false;
  for (let k = 0; k < needle.length; k++) {
    const c = text.charCodeAt(at + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== needle.charCodeAt(k)) return false;
  }
  return true;
}

/** Drops the spaces that end `text` (SPIP removes those before a note call). */
function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(0, end);
}

/**
 * The first pass, SPIP's `echappe_html` made safe: one scan takes out what
 * must not be read as shortcuts (code, cadre, `<html>`, fences, backticks,
 * media, notes, comments; scripts in the forum) and the `<quote>` /
 * `<poesie>` markers, leaving placeholders. Closing tags are looked up with
 * memoised searches, so unclosed openers cost nothing more.
 */
class Tokeniser {
  private readonly tokens: SpipToken[] = [];
  private readonly finders = new Map<string, MemoFinder>();
  /** The source with ASCII letters lower-cased, made only when a closing tag is searched for. */
  private lower: string | undefined;
  /** The text so far, in pieces joined once at the end (a string grown by `+=` stays alive as a deep tree). */
  private readonly out = new PieceBuffer('');
  /** True when the last piece written is a block reference. */
  private afterBlock = false;
  /** False inside a note, or once no `]]` is left after the scan. */
  private notesLeft: boolean;
  private copied = 0;

  constructor(
    private readonly source: string,
    private readonly ctx: RenderContext,
    withNotes: boolean,
  ) {
    this.notesLeft = withNotes;
  }

  run(): Tokenised {
    let i = 0;
    for (;;) {
      const special = this.notesLeft ? SPECIAL : SPECIAL_WITHOUT_NOTES;
      special.lastIndex = i;
      if (!special.test(this.source)) break; // `test`: no match object per `<`, `[` or backtick
      const at = special.lastIndex - 1;
      const end = this.tryAt(at);
      i = end >= 0 ? end : at + 1;
    }
    this.out.push(this.source.slice(this.copied));
    return { text: this.out.join(), tokens: this.tokens };
  }

  private find(needle: string, from: number): number {
    let finder = this.finders.get(needle);
    if (!finder) {
      // Needles with letters are searched in any case; the others are the same in both texts.
      const text = /[a-z]/.test(needle) ? (this.lower ??= asciiLower(this.source)) : this.source;
      finder = new MemoFinder(text, needle);
      this.finders.set(needle, finder);
    }
    return finder.next(from);
  }

  /** Replaces source[at, end) with a token (or with nothing) and returns `end`. */
  private replace(at: number, end: number, token: SpipToken | undefined, block: boolean): number {
    let before = this.source.slice(this.copied, at);
    if (token?.kind === 'html' && token.hasAnchor && !block) before = trimEndSpaces(before);
    if (before !== '') {
      this.out.push(before);
      this.afterBlock = false;
    }
    if (token) {
      pushPlaceholder(this.out, this.tokens.push(token) - 1, block, this.afterBlock);
      this.afterBlock = block;
    }
    this.copied = end;
    return end;
  }

  private html(at: number, end: number, html: string, block: boolean, hasAnchor = false): number {
    return this.replace(at, end, { kind: 'html', html, hasAnchor, source: this.source.slice(at, end) }, block);
  }

  private tryAt(at: number): number {
    const c = this.source[at];
    if (c === '[') return this.notesLeft && this.source[at + 1] === '[' ? this.note(at) : -1;
    if (c === '`') return this.backtick(at);
    const source = this.source;
    if (source.startsWith('<!--', at)) {
      const close = this.find('-->', at + 4);
      return close < 0 ? -1 : this.replace(at, close + 3, undefined, false);
    }
    if (startsWithAnyCase(source, '<code', at) && !isAlphanumeric(source.charCodeAt(at + 5))) return this.code(at);
    if (startsWithAnyCase(source, '<cadre>', at)) return this.cadre(at, '</cadre>');
    if (startsWithAnyCase(source, '<frame>', at)) return this.cadre(at, '</frame>');
    if (startsWithAnyCase(source, '<html>', at)) return this.typedHtml(at);
    for (const [tag, token] of MARKERS) if (startsWithAnyCase(source, tag, at)) return this.replace(at, at + tag.length, token, true);
    if (this.ctx.forum && startsWithAnyCase(source, '<script', at) && !isAlphanumeric(source.charCodeAt(at + 7))) return this.script(at);
    MEDIA.lastIndex = at;
    const media = MEDIA.exec(this.source);
    return media ? this.media(at, media) : -1;
  }

  private note(at: number): number {
    const close = this.find(']]', at + 2);
    if (close < 0) {
      this.notesLeft = false;
      return -1;
    }
    const call = this.ctx.notes.add(this.source.slice(at + 2, close), this.ctx);
    return this.html(at, close + 2, call, false, true);
  }

  private backtick(at: number): number {
    const lineStart = at === 0 || this.source[at - 1] === '\n';
    if (lineStart && this.source.startsWith('```', at)) return this.fence(at);
    const close = this.find('`', at + 1);
    const newline = this.find('\n', at + 1);
    if (close <= at + 1 || (newline >= 0 && newline < close)) return -1;
    return this.html(at, close + 1, renderInlineCode(this.source.slice(at + 1, close)), false);
  }

  /** A ```` ``` ```` fence runs to a line starting with ```` ``` ```` (or to the end). */
  private fence(at: number): number {
    const n = this.source.length;
    const lineEnd = this.find('\n', at);
    if (lineEnd < 0) return this.html(at, n, renderCodeBlock(''), true);
    const close = this.find('\n```', lineEnd);
    const contentEnd = close < 0 ? n : close;
    const closeLineEnd = close < 0 ? -1 : this.find('\n', close + 4);
    const end = close < 0 || closeLineEnd < 0 ? n : closeLineEnd;
    return this.html(at, end, renderCodeBlock(this.source.slice(lineEnd + 1, contentEnd)), true);
  }

  private code(at: number): number {
    const tagEnd = this.find('>', at);
    const close = tagEnd < 0 ? -1 : this.find('</code>', tagEnd + 1);
    if (close < 0) return -1;
    const content = this.source.slice(tagEnd + 1, close);
    const block = content.includes('\n');
    return this.html(at, close + 7, block ? renderCodeBlock(content) : renderInlineCode(content), block);
  }

  private cadre(at: number, closer: string): number {
    const close = this.find(closer, at + 7);
    if (close < 0) return -1;
    return this.html(at, close + closer.length, renderCadre(this.source.slice(at + 7, close)), true);
  }

  /** `<html>…</html>`: the content passes through the allow-list only, no shortcuts. */
  private typedHtml(at: number): number {
    const close = this.find('</html>', at + 6);
    if (close < 0) return -1;
    const result = renderInline(this.source.slice(at + 6, close), this.ctx, { mode: 'html', tokens: [] });
    return this.html(at, close + 7, result.html, result.hasBlock, result.html.includes('<a '));
  }

  /** SPIP's `echappe_js`: from `<script` to the first `</script>` (or the end), shown as text. */
  private script(at: number): number {
    const close = this.find('</script', at + 7);
    let end = close < 0 ? this.source.length : close + 8;
    if (close >= 0 && this.source[end] === '>') end++;
    return this.html(at, end, renderEscapedScript(this.source.slice(at, end)), false);
  }

  private media(at: number, match: RegExpExecArray): number {
    const ref: DocumentRef = {
      kind: (match[1] ?? 'doc').toLowerCase() as DocumentRef['kind'],
      id: Number(match[2]),
      ...(match[3] ? { align: match[3].toLowerCase() as NonNullable<DocumentRef['align']> } : {}),
    };
    const drawn = this.ctx.resolveDocument(ref);
    const html = drawn ?? (this.ctx.forum ? '' : `<tt>${escapeHtml(match[0])}</tt>`);
    return this.html(at, at + match[0].length, html, drawn !== undefined && BLOCK_HTML.test(drawn), html.includes('<a '));
  }
}

/** Runs the first pass over a cleaned text (see `Tokeniser`). `withNotes` is false inside a note. */
export function tokeniseSpip(source: string, ctx: RenderContext, withNotes: boolean): Tokenised {
  return new Tokeniser(source, ctx, withNotes).run();
}
