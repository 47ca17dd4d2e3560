import { escapeAttribute, escapeHtml } from '../markup/escape-html.js';
import type { DocumentRef, ResolveDocument } from '../markup/render-spip.js';
import { formatFileSize } from './format-file-size.js';
import { altOf, BODY_SIZES, imageSources } from './image-sources.js';
import { mediaUrl, type MediaItem } from './media-item.js';

/** "PDF – 1,2 Mo": a document's type and size, as SPIP shows them beside its link. */
export function documentInfo(item: Pick<MediaItem, 'extension' | 'byteSize'>): string {
  return `${item.extension.toUpperCase()} – ${formatFileSize(item.byteSize)}`;
}

/** SPIP's classes on a media model: `spip_document_12 spip_document spip_documents spip_document_image spip_documents_left spip_document_left`. */
function classesOf(item: MediaItem, align: DocumentRef['align']): string {
  const kind = item.kind === 'image' ? 'spip_document_image' : 'spip_document_file';
  const side = align ? ` spip_documents_${align} spip_document_${align}` : '';
  return `spip_document_${item.id} spip_document spip_documents ${kind}${side}`;
}

function caption(parts: readonly [cls: string, text: string][]): string {
  const shown = parts.filter(([, text]) => text !== '');
  if (shown.length === 0) return '';
  return `<figcaption class="spip_doc_legende">${shown.map(([cls, text]) => `<span class="${cls}">${escapeHtml(text)}</span>`).join(' ')}</figcaption>`;
}

function pictureHtml(item: MediaItem, baseUrl: string): string {
  const s = imageSources(item, baseUrl);
  const sources = s.sources.map((source) => `<source type="${source.type}" srcset="${escapeAttribute(source.srcset)}" sizes="${BODY_SIZES}">`).join('');
  const srcset = s.srcset ? ` srcset="${escapeAttribute(s.srcset)}" sizes="${BODY_SIZES}"` : '';
  const img = `<img src="${escapeAttribute(s.src)}"${srcset} width="${s.width}" height="${s.height}" alt="${escapeAttribute(altOf(item))}" loading="lazy" decoding="async">`;
  return sources ? `<picture>${sources}${img}</picture>` : img;
}

/**
 * Draws one media shortcut like SPIP 4's models: an image as a figure (the caption and credit
 * below it when there are; `<docN>` adds the title), a document as a link whose text gives its
 * type and size ("Délibération (PDF – 1,2 Mo)"). Images are lazy: in an article body they are
 * below the fold.
 */
export function drawMedia(item: MediaItem, ref: DocumentRef, baseUrl = ''): string {
  const open = `<div class="${classesOf(item, ref.align)}"><figure class="spip_doc_inner">`;
  if (item.kind === 'image') {
    const legend = caption([['spip_doc_titre', ref.kind === 'doc' ? item.title : ''], ['spip_doc_descriptif', item.caption], ['spip_doc_credits', item.credit]]);
    return `${open}${pictureHtml(item, baseUrl)}${legend}</figure></div>`;
  }
  const href = escapeAttribute(baseUrl + mediaUrl(item.storageKey));
  const link = `<a href="${href}" class="spip_doc_lien">${escapeHtml(item.title)} <span class="spip_doc_infos">(${documentInfo(item)})</span></a>`;
  return `${open}${link}${caption([['spip_doc_descriptif', item.caption], ['spip_doc_credits', item.credit]])}</figure></div>`;
}

/**
 * The `resolveDocument` of `renderSpip` over items loaded beforehand (`loadMediaFor`): a shortcut
 * to an item not in `items` stays as typed, as SPIP does for a missing document.
 *
 * @example
 * renderSpip('<img12|left>', { profile: 'article', resolveDocument: createDocumentResolver(items) })
 */
export function createDocumentResolver(items: ReadonlyMap<number, MediaItem>, baseUrl = ''): ResolveDocument {
  return (ref) => {
    const item = items.get(ref.id);
    return item ? drawMedia(item, ref, baseUrl) : undefined;
  };
}
