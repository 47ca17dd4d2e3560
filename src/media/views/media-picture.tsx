import { altOf, imageSources } from '../image-sources.js';
import type { MediaItem } from '../media-item.js';

/**
 * An image of the library in a page: `<picture>` with its AVIF and WebP sources, `srcset`/`sizes`,
 * width and height (no layout shift), its text alternative (`alt=""` when decorative). `eager`
 * for the one image at the top of a page; every other waits until it nears the screen.
 */
export function MediaPicture(props: { item: MediaItem; sizes: string; eager?: boolean; class?: string; baseUrl?: string }) {
  const s = imageSources(props.item, props.baseUrl);
  return (
    <picture class={props.class}>
      {s.sources.map((source) => <source type={source.type} srcset={source.srcset} sizes={props.sizes} />)}
      <img
        src={s.src} srcset={s.srcset || undefined} sizes={s.srcset ? props.sizes : undefined} width={s.width} height={s.height}
        alt={altOf(props.item)} loading={props.eager ? 'eager' : 'lazy'} decoding={props.eager ? undefined : 'async'}
        {...(props.eager ? { fetchpriority: 'high' } : {})}
      />
    </picture>
  );
}
