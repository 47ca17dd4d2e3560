import { IMAGE_MIME, mediaUrl, type ImageFormat, type MediaItem } from './media-item.js';
import { formatOfExtension } from './media-keys.js';

/** What a `<picture>` needs: modern-format sources first, then the fallback `<img>`. */
export interface ImageSources {
  readonly sources: readonly { readonly type: string; readonly srcset: string }[];
  readonly src: string;
  readonly srcset: string;
  readonly width: number;
  readonly height: number;
}

/** Body images sit in a column about 45 rem wide; below that, the screen's width. */
export const BODY_SIZES = '(min-width: 48rem) 45rem, 100vw';

/** Every rendition of one format, narrowest first, as `srcset` candidates (the original counts for its own format). */
function candidates(item: MediaItem, format: ImageFormat, baseUrl: string): { url: string; width: number }[] {
  const list = item.variants.filter((v) => v.format === format).map((v) => ({ url: baseUrl + mediaUrl(v.key), width: v.width }));
  if (formatOfExtension(item.extension) === format && item.width !== null && !list.some((c) => c.width === item.width)) {
    list.push({ url: baseUrl + mediaUrl(item.storageKey), width: item.width });
  }
  return list.sort((a, b) => a.width - b.width);
}

const srcsetOf = (list: readonly { url: string; width: number }[]) => list.map((c) => `${c.url} ${c.width}w`).join(', ');

/**
 * The `srcset` of an image for each format made so far (AVIF, WebP, then its own), the fallback
 * `src` (the web size, else the original) and the intrinsic size for `width`/`height`, which
 * keeps the page from jumping as images arrive. `baseUrl` makes the addresses absolute (feeds).
 *
 * @example
 * imageSources(item).srcset // "/media/ab/ab…-480.jpg 480w, /media/ab/ab…-800.jpg 800w, /media/ab/ab…-1200.jpg 1200w"
 */
export function imageSources(item: MediaItem, baseUrl = ''): ImageSources {
  const own = formatOfExtension(item.extension) ?? 'jpeg';
  const fallback = candidates(item, own, baseUrl);
  const web = fallback.filter((c) => c.width <= 1200).pop() ?? fallback[0];
  const sources = (['avif', 'webp'] as const).filter((f) => f !== own)
    .map((f) => ({ type: IMAGE_MIME[f], srcset: srcsetOf(candidates(item, f, baseUrl)) }))
    .filter((s) => s.srcset !== '');
  const width = item.width ?? 0;
  const height = item.height ?? 0;
  // width/height give the ratio; the web size's own numbers keep the fallback honest.
  const shown = web && web.width < width ? { width: web.width, height: Math.round((height * web.width) / width) } : { width, height };
  return Object.freeze({ sources, src: web?.url ?? baseUrl + mediaUrl(item.storageKey), srcset: fallback.length > 1 ? srcsetOf(fallback) : '', ...shown });
}

/** The text alternative to write: `""` for a decorative image (RGAA 1.2). */
export function altOf(item: Pick<MediaItem, 'alt' | 'decorative'>): string {
  return item.decorative ? '' : item.alt;
}
