import { buildAnchor } from './build-anchor.js';
import { escapeHtml } from './escape-html.js';
import type { InlineResult } from './inline-result.js';
import { Marker } from './placeholders.js';
import type { RenderContext } from './render-context.js';
import type { RestoredSource } from './restore-source.js';
import { checkUrl } from './safe-url.js';

/** A link's HTML and what must follow it (note calls met in its text: links cannot nest). */
export interface LinkHtml {
  readonly html: string;
  readonly afterLink: string;
}

const OBJECT_TARGET = /^(art|article|rub|rubrique)?\s*([0-9]{1,9})$/i;
const LANGUAGE = /^[a-z]{2,3}(?:_[a-z]{2,4})?$/;
const EXTERNAL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const HTTP = /^https?:\/\//i;
const TITLE_REFUSED = new RegExp(`[<>${Marker.INLINE}${Marker.BLOCK}]`);

interface LinkText {
  readonly text: string;
  readonly title: string | undefined;
  readonly lang: string | undefined;
}

/** Reads a run of the link back as the writer typed it (see `restoreSource`). */
export type ReadSource = (raw: string) => RestoredSource;

/**
 * `texte|bulle{en}` → text, title, hreflang (SPIP's `_RACCOURCI_ATTRIBUTS`; a
 * title holds no `<` or `>`, nor a protected span: SPIP's placeholder for one
 * is a `<span>`). The title is the writer's text, a line break read as a space.
 */
function splitLinkText(raw: string, readSource: ReadSource): LinkText {
  let text = raw;
  let title: string | undefined;
  const bar = raw.indexOf('|');
  if (bar >= 0 && !TITLE_REFUSED.test(raw.slice(bar + 1))) {
    text = raw.slice(0, bar);
    title = readSource(raw.slice(bar + 1)).text.replace(/\n/g, ' '); // as js-xss, the second wall, writes it
  }
  let lang: string | undefined;
  const tail = title ?? text;
  const suffix = /\{([a-z_]*)\}\s*$/.exec(tail);
  if (suffix && LANGUAGE.test(suffix[1] ?? '')) {
    lang = suffix[1];
    if (title === undefined) text = tail.slice(0, suffix.index);
    else title = tail.slice(0, suffix.index);
  }
  title = title?.trim();
  return { text, title: title === '' ? undefined : title, lang };
}

function isEmail(url: string): boolean {
  const at = url.indexOf('@');
  return at > 0 && url.indexOf('.', at) > at + 1 && !/[\s:/<>"]/.test(url);
}

/** SPIP's link classes: anchor, mail, bare URL shown as text, external. */
function linkClass(href: string, auto: boolean): string | undefined {
  if (href.startsWith('#')) return 'spip_ancre';
  if (/^mailto:/i.test(href)) return 'spip_mail';
  if (auto) return EXTERNAL.test(href) ? 'spip_url spip_out' : 'spip_url';
  return EXTERNAL.test(href) ? 'spip_out' : undefined;
}

function objectLink(match: RegExpExecArray, parts: LinkText, ctx: RenderContext, renderText: (raw: string) => InlineResult): LinkHtml {
  const kind = /^rub/i.test(match[1] ?? '') ? 'rubrique' : 'article';
  const id = Number(match[2]);
  const inner = parts.text.trim() === '' ? { html: `${kind} ${id}`, afterLink: '' } : renderText(parts.text);
  const target = ctx.resolveObjectLink(kind, id);
  const href = target === undefined ? undefined : checkUrl(target, 'link');
  if (href === undefined) return { html: inner.html, afterLink: inner.afterLink };
  const attributes = [['href', href], ['hreflang', parts.lang], ['title', parts.title]] as const;
  return { html: buildAnchor(attributes, inner.html, ctx), afterLink: inner.afterLink };
}

/**
 * `[texte|bulle{en}->url]` and its short forms (MARKUP.md, "Inline"): URL,
 * mail, anchor and object targets, SPIP's classes and `rel`. A refused URL
 * (`javascript:`…) leaves the text and no `href`. The URL and the title are
 * read back as typed (`readSource`): a protected span inside them shows as
 * the writer typed it, a note call met there follows the link.
 */
export function renderExplicitLink(
  rawText: string,
  rawUrl: string,
  ctx: RenderContext,
  renderText: (raw: string) => InlineResult,
  readSource: ReadSource,
): LinkHtml {
  const url = readSource(rawUrl);
  const link = renderLink(splitLinkText(rawText, readSource), url.text.trim(), ctx, renderText);
  return url.moved === '' ? link : { html: link.html, afterLink: link.afterLink + url.moved };
}

function renderLink(parts: LinkText, target: string, ctx: RenderContext, renderText: (raw: string) => InlineResult): LinkHtml {
  const object = OBJECT_TARGET.exec(target);
  if (object) return objectLink(object, parts, ctx, renderText);
  const auto = parts.text.trim() === '';
  if (target === '') return auto ? { html: '', afterLink: '' } : renderText(parts.text);
  let url = target;
  if (/^www\./i.test(url) && !url.includes('@')) url = `http://${url}`;
  else if (isEmail(url)) url = `mailto:${url}`;
  const href = checkUrl(url, 'link');
  const inner = auto ? { html: escapeHtml(target), afterLink: '' } : renderText(parts.text);
  const attributes = [
    ['href', href],
    ['class', href === undefined ? undefined : linkClass(href, auto)],
    ['hreflang', parts.lang],
    ['title', parts.title],
    ['rel', href !== undefined && HTTP.test(href) ? 'external' : undefined],
  ] as const;
  return { html: buildAnchor(attributes, inner.html, ctx), afterLink: inner.afterLink };
}

/** PHP's rawurlencode, keeping `_` as Wikipedia URLs do. */
function rawUrlEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `[?Jean Jaurès]` / `[?Paris#en]`: a link to the French Wikipedia (SPIP's glossary). */
export function renderGlossaryLink(term: string, lang: string | undefined, ctx: RenderContext): string {
  const href = `https://fr.wikipedia.org/wiki/${rawUrlEncode(term.replace(/\s+/g, '_'))}`;
  const attributes = [['href', href], ['class', 'spip_glossaire'], ['title', lang], ['rel', 'external']] as const;
  return buildAnchor(attributes, escapeHtml(term), ctx);
}

/** A bare `https://…` or `www.…` in the text. */
export function renderAutolink(shown: string, ctx: RenderContext): string {
  const href = checkUrl(/^www\./i.test(shown) ? `http://${shown}` : shown, 'link');
  const attributes = [['href', href], ['class', 'spip_url spip_out auto'], ['rel', 'nofollow external']] as const;
  return buildAnchor(attributes, escapeHtml(shown), ctx);
}

/** `[ancre<-]`: an anchor others can link to with `[texte->#ancre]`. */
export function renderAnchorTarget(name: string, ctx: RenderContext): string {
  return buildAnchor([['id', name]], '', ctx);
}
