import { mediaUrl, type MediaItem } from '../media-item.js';

/**
 * A small preview in the back office: the narrowest rendition of an image (its title and
 * alternative are written beside it, so the preview itself is `alt=""`), the type of a document.
 */
export function MediaThumbnail(props: { item: MediaItem }) {
  const { item } = props;
  if (item.kind !== 'image') return <span class="media-thumb media-thumb-doc" aria-hidden="true">{item.extension.toUpperCase()}</span>;
  const own = item.variants.filter((v) => v.key.endsWith(`.${item.extension}`)).sort((a, b) => a.width - b.width)[0];
  const src = mediaUrl(own?.key ?? item.storageKey);
  const width = own?.width ?? item.width ?? 0;
  const height = own?.height ?? item.height ?? 0;
  return <img class="media-thumb" src={src} width={width} height={height} alt="" loading="lazy" decoding="async" />;
}
