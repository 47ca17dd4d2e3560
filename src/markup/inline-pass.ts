import { bareUrlEnd, nextUrlStart } from './bare-url.js';
import { escapeHtml, escapeText } from './escape-html.js';
import { typographize } from './french-typography.js';
import { allowTag } from './html-allow-list.js';
import { CLOSES_PARAGRAPH, CLOSES_SIBLING, HEADINGS, REQUIRED_PARENT } from './html-nesting.js';
import type { InlineResult } from './inline-result.js';
import { FrameKind, FrameStack } from './frame-stack.js';
import { MemoFinder } from './memo-finder.js';
import { nextInlineSpecial } from './next-inline-special.js';
import { parseHtmlTag } from './parse-html-tag.js';
import { Marker, readPlaceholder } from './placeholders.js';
import type { RenderContext } from './render-context.js';
import { renderAnchorTarget, renderAutolink, renderExplicitLink, renderGlossaryLink } from './render-link.js';
import { restoreSource } from './restore-source.js';
import type { SpipToken } from './spip-token.js';

/** `text`: every shortcut; `link-text`: no links inside (a link's own text); `html`: tags only (`<html>` content). */
export type InlineMode = 'text' | 'link-text' | 'html';

/** How to read one run of inline text. */
export interface InlineOptions {
  readonly mode: InlineMode;
  readonly tokens: readonly SpipToken[];
  /** Inside an intertitre: typed headings are refused there. */
  readonly inHeading?: boolean;
}

const CLOSERS: readonly string[] = ['</i>', '</strong>'];
const EMPTY: InlineResult = Object.freeze({ html: '', hasBlock: false, afterLink: '' });
const ANCHOR_NAME = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * The inline pass: one left-to-right scan with a stack of open frames
 * (`{{`, `{`, `[`, typed tags). Closers close what is above them, unclosed
 * frames are closed at the end (a `[` that never became a link stays
 * literal), so the output is always well nested. The frame stack finds the
 * innermost brace, bracket or tag in constant time: linear in the input.
 */
class InlineParser {
  private readonly out: string[] = [];
  private readonly frames = FrameStack.take();
  private finders: Map<string, MemoFinder> | undefined;
  private nextSpecial = -1;
  private nextUrl = -2;
  private linkCount = 0;
  private openAnchors = 0;
  private hasBlock = false;
  private afterLink = '';

  constructor(
    private readonly text: string,
    private readonly ctx: RenderContext,
    private readonly options: InlineOptions,
  ) {
  }

  run(): InlineResult {
    const t = this.text;
    const n = t.length;
    let i = 0;
    while (i < n) {
      const special = this.findSpecial(i);
      const url = this.findUrl(i);
      const stop = url >= 0 && url < special ? url : special;
      if (stop > i) this.emitText(i, stop);
      if (stop >= n) break;
      i = stop === url ? this.autolink(stop) : this.special(stop);
    }
    this.closeDownTo(0);
    this.frames.release();
    const html = this.out.join('');
    return this.options.mode === 'link-text'
      ? { html, hasBlock: this.hasBlock, afterLink: this.afterLink }
      : { html: html + this.afterLink, hasBlock: this.hasBlock, afterLink: '' };
  }

  private find(needle: string, from: number): number {
    this.finders ??= new Map();
    let finder = this.finders.get(needle);
    if (!finder) {
      finder = new MemoFinder(this.text, needle);
      this.finders.set(needle, finder);
    }
    return finder.next(from);
  }

  private findSpecial(from: number): number {
    if (this.nextSpecial < from) {
      this.nextSpecial = nextInlineSpecial(this.text, from, this.options.mode === 'html');
    }
    return this.nextSpecial;
  }

  /** Where the next bare URL may start (`http://`, `https://`, `www.`), or -1. */
  private findUrl(from: number): number {
    if (this.options.mode !== 'text' || this.nextUrl === -1) return -1;
    if (this.nextUrl < from) this.nextUrl = nextUrlStart(this.text, from);
    return this.nextUrl;
  }

  /** The source character around a run, as typography sees it (markers read as line starts). */
  private charAt(i: number): string {
    if (i < 0 || i >= this.text.length) return '';
    const c = this.text.charCodeAt(i);
    return c >= 0xe003 && c <= 0xe006 ? '\n' : (this.text[i] ?? '');
  }

  private emitText(from: number, to: number): void {
    const raw = this.text.slice(from, to);
    if (this.options.mode === 'html') this.out.push(escapeText(raw));
    else this.out.push(typographize(raw, this.charAt(from - 1), this.charAt(to), this.ctx.entities));
  }

  /** Opens a typed element `name`, written as `html`. */
  private pushTag(name: string, html: string, src: number): void {
    this.frames.push(FrameKind.TAG, name, this.out.length, src, this.linkCount);
    this.out.push(html);
    if (name === 'a') this.openAnchors++;
  }

  /** Drops the top frame; returns its closing tag ('' for a bracket, which closes silently). */
  private popFrame(): string {
    const top = this.frames.length - 1;
    const kind = this.frames.kind(top);
    const name = kind === FrameKind.TAG ? this.frames.name(top) : '';
    this.frames.pop();
    if (name === 'a') this.openAnchors--;
    return kind === FrameKind.BRACKET ? '' : (CLOSERS[kind] ?? `</${name}>`);
  }

  /**
   * Closes every frame from the top down to `index` included. A run of equal
   * closing tags is written as one piece: a million unclosed `{{` end in one
   * string, not a million slots of the output array.
   */
  private closeDownTo(index: number): void {
    let closer = '';
    let count = 0;
    while (this.frames.length > index) {
      const next = this.popFrame();
      if (next === closer) {
        count++;
        continue;
      }
      this.pushRepeated(closer, count);
      closer = next;
      count = 1;
    }
    this.pushRepeated(closer, count);
  }

  private pushRepeated(piece: string, count: number): void {
    if (piece !== '' && count > 0) this.out.push(count === 1 ? piece : piece.repeat(count));
  }

  /**
   * Drops the innermost `[` of bracket frame `top`, the frames above it and
   * everything they emitted (a `[` that became a link); the `[` before it in
   * the same run stay open and written.
   */
  private discardInnermostBracket(top: number): void {
    const at = this.frames.at(top);
    const kept = this.frames.count(top) - 1;
    while (this.frames.length > top + 1) this.popFrame();
    this.frames.dropInnermostBracket();
    this.out.length = at;
    if (kept > 0) this.out.push('['.repeat(kept));
  }

  private special(at: number): number {
    const t = this.text;
    switch (t[at]) {
      case '{':
        return this.openBraces(at);
      case '}':
        return this.closeBraces(at);
      case '[':
        return this.openBracket(at);
      case ']':
        return this.closeBracket(at);
      case '-':
        return this.arrow(at);
      case '<':
        return this.tag(at);
      case Marker.INLINE:
        return this.token(at);
      case Marker.AUTO_BREAK:
        this.out.push("<br class='autobr' />\n");
        return at + 1;
      case Marker.MANUAL_BREAK:
        this.out.push("\n<br class='manualbr' />");
        return at + 1;
      case Marker.BULLET_BREAK:
        this.out.push(`\n<br />${this.bullet()}`);
        return at + 1;
      default:
        this.out.push(this.bullet());
        return at + 1;
    }
  }

  private bullet(): string {
    return `<span class="spip-puce ltr"><b>–</b></span>${this.ctx.entities.nbsp}`;
  }

  private openBraces(at: number): number {
    let end = at;
    while (this.text[end] === '{') end++;
    const count = end - at;
    // One output piece for the whole run: only a bracket's frame needs its own (see discardInnermostBracket).
    const piece = this.out.length;
    for (let k = 0; k < count >> 1; k++) this.frames.push(FrameKind.STRONG, '', piece, at, this.linkCount);
    if (count % 2 === 1) this.frames.push(FrameKind.ITALIC, '', piece, at, this.linkCount);
    this.out.push(count === 1 ? '<i>' : count === 2 ? '<strong>' : '<strong>'.repeat(count >> 1) + (count % 2 === 1 ? '<i>' : ''));
    return end;
  }

  private closeBraces(at: number): number {
    let end = at;
    while (this.text[end] === '}') end++;
    let count = end - at;
    while (count > 0) {
      const top = this.frames.topBrace();
      if (top < 0) break;
      const width = this.frames.kind(top) === FrameKind.STRONG ? 2 : 1;
      if (count < width) break;
      this.closeDownTo(top);
      count -= width;
    }
    if (count > 0) this.emitText(end - count, end);
    return end;
  }

  /** A run of `[`, read at once: only its last `[` may open a glossary link `[?terme]`. */
  private openBracket(at: number): number {
    let end = at + 1;
    while (this.text.charCodeAt(end) === 91) end++;
    if (this.text[end] === '?' && this.options.mode === 'text' && this.openAnchors === 0) {
      this.openBrackets(at, end - 1);
      const glossaryEnd = this.glossary(end - 1);
      if (glossaryEnd > 0) return glossaryEnd;
      this.openBrackets(end - 1, end);
      return end;
    }
    this.openBrackets(at, end);
    return end;
  }

  /** Opens one frame for the `[` of source[from, to), written as one output piece. */
  private openBrackets(from: number, to: number): void {
    if (to <= from) return;
    this.frames.push(FrameKind.BRACKET, '', this.out.length, from + 1, this.linkCount, to - from);
    this.out.push(to - from === 1 ? '[' : '['.repeat(to - from));
  }

  /** `[?terme]` / `[?terme#lang]`: the term is plain text up to the next `]`, with no `[` inside. */
  private glossary(at: number): number {
    const close = this.find(']', at + 2);
    const open = this.find('[', at + 2);
    if (close < 0 || (open >= 0 && open < close)) return -1;
    const raw = this.text.slice(at + 2, close);
    if (/[\uE000-\uE00F]/.test(raw)) return -1;
    const hash = raw.lastIndexOf('#');
    const term = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    const lang = hash >= 0 ? raw.slice(hash + 1).trim() : undefined;
    if (term === '') return -1;
    this.out.push(renderGlossaryLink(term, lang || undefined, this.ctx));
    return close + 1;
  }

  private closeBracket(at: number): number {
    const top = this.frames.topBracket();
    if (top < 0) {
      this.emitText(at, at + 1);
      return at + 1;
    }
    const t = this.text;
    const src = this.frames.source(top);
    if (this.options.mode === 'text' && at - 2 >= src && t[at - 1] === '-' && t[at - 2] === '<') {
      const name = t.slice(src, at - 2).trim();
      if (ANCHOR_NAME.test(name)) {
        this.discardInnermostBracket(top);
        this.out.push(renderAnchorTarget(name, this.ctx));
        return at + 1;
      }
    }
    this.closeDownTo(top + 1);
    this.frames.dropInnermostBracket();
    this.emitText(at, at + 1);
    return at + 1;
  }

  /** `->` inside a `[`: the URL runs to the next `]`; the text before it is read again as link text. */
  private arrow(at: number): number {
    const top = this.frames.topBracket();
    const close = this.find(']', at + 2);
    const eligible = this.options.mode === 'text' && this.openAnchors === 0 && top >= 0 && this.frames.links(top) === this.linkCount;
    if (!eligible || close < 0) {
      this.emitText(at, at + 2);
      return at + 2;
    }
    const rawText = this.text.slice(this.frames.source(top), at);
    const rawUrl = this.text.slice(at + 2, close);
    this.discardInnermostBracket(top);
    const link = renderExplicitLink(
      rawText,
      rawUrl,
      this.ctx,
      (raw) => renderInline(raw, this.ctx, { ...this.options, mode: 'link-text' }),
      (raw) => restoreSource(raw, this.options.tokens),
    );
    this.out.push(link.html, link.afterLink);
    this.linkCount++;
    return close + 1;
  }

  private autolink(at: number): number {
    const end = bareUrlEnd(this.text, at);
    if (end < 0 || this.openAnchors > 0) {
      this.emitText(at, at + 1);
      return at + 1;
    }
    this.out.push(renderAutolink(this.text.slice(at, end), this.ctx));
    return end;
  }

  private tag(at: number): number {
    const tag = parseHtmlTag(this.text, at);
    if (!tag) {
      this.emitText(at, at + 1);
      return at + 1;
    }
    const allowed = allowTag(tag, this.ctx.profile);
    if (allowed && tag.closing) {
      const open = this.frames.topTag(allowed.name);
      if (open >= 0) this.closeDownTo(open);
      return tag.end;
    }
    if (!allowed || !this.mayOpen(allowed.name)) {
      this.out.push(escapeHtml(this.text.slice(at, tag.end)));
      return tag.end;
    }
    if (allowed.isBlock) this.hasBlock = true;
    if (allowed.isVoid) this.out.push(allowed.html);
    else this.pushTag(allowed.name, allowed.html, at);
    return tag.end;
  }

  /** Applies `html-nesting.ts`: may this typed element open here without the browser rearranging the tree? */
  private mayOpen(name: string): boolean {
    const current = this.topTag();
    if (current !== undefined && CLOSES_SIBLING[name]?.includes(current)) this.closeDownTo(this.frames.length - 1);
    // A browser puts a <tbody> between a <table> and its rows: write it ourselves.
    if (name === 'tr' && this.topTag() === 'table') this.pushTag('tbody', '<tbody>', 0);
    const parents = REQUIRED_PARENT[name];
    const parent = this.topTag();
    if (parents && (parent === undefined || !parents.includes(parent))) return false;
    if (name === 'a' && (this.openAnchors > 0 || this.options.mode === 'link-text')) return false;
    const inHeading = this.options.inHeading || HEADINGS.some((h) => this.frames.topTag(h) >= 0);
    if (HEADINGS.includes(name) && inHeading) return false;
    return !(CLOSES_PARAGRAPH.has(name) && this.frames.topTag('p') >= 0);
  }

  private topTag(): string | undefined {
    const top = this.frames.length - 1;
    return this.frames.kind(top) === FrameKind.TAG ? this.frames.name(top) : undefined;
  }

  private token(at: number): number {
    const { index, end } = readPlaceholder(this.text, at);
    const token = this.options.tokens[index];
    if (token?.kind !== 'html') return end;
    if (token.hasAnchor && (this.options.mode === 'link-text' || this.openAnchors > 0)) this.afterLink += token.html;
    else this.out.push(token.html);
    return end;
  }
}

/**
 * Renders one run of inline text (a paragraph, a cell, a list item, a
 * title): bold, italic, links of every form, bare URLs, typed HTML through
 * the allow-list, French typography on the text between.
 *
 * @example renderInline('{{gras}} et {italique}', ctx, { mode: 'text', tokens: [] }).html
 * // '<strong>gras</strong> et <i>italique</i>'
 */
export function renderInline(text: string, ctx: RenderContext, options: InlineOptions): InlineResult {
  return text === '' ? EMPTY : new InlineParser(text, ctx, options).run();
}
