import type { ChannelAdapter } from '../channels/channel-adapter.js';

/**
 * How a network weighs a link, found by asking its adapter: the same count for a short and a
 * long link means a fixed weight (Mastodon, X: 23); otherwise links count in full.
 */
export function urlWeight(adapter: Pick<ChannelAdapter, 'countLength'>): number | undefined {
  const short = adapter.countLength(`https://exemple.fr/${'a'.repeat(30)}`);
  const long = adapter.countLength(`https://exemple.fr/${'a'.repeat(90)}`);
  return short === long ? short : undefined;
}

/**
 * The counter under a post's text area: the server's count in the page, kept up to date as one
 * types by `relay-counter.js` (graphemes through Intl.Segmenter, links at the network's
 * weight). The server counts again on saving and blocks what is too long.
 */
export function LengthCounter(props: { fieldId: string; length: number; limit: number; urlWeight: number | undefined; network: string }) {
  const over = props.length > props.limit;
  return (
    <p class={over ? 'field-error relay-counter' : 'hint relay-counter'} id={`${props.fieldId}-count`} aria-live="polite"
      data-for={props.fieldId} data-limit={props.limit} data-url-weight={props.urlWeight ?? ''} data-counting={props.network === 'x' || props.network === 'bluesky' ? props.network : undefined}>
      <span class="relay-count">{props.length}</span> / {props.limit} caractères comptés par le réseau<span class="relay-verdict">{over ? ' : trop long, raccourcissez le texte.' : '.'}</span>
    </p>
  );
}
