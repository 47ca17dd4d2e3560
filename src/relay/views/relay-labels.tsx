import type { RelayVariantState } from '../../db/schema.js';
import { Badge } from '../../http/admin-kit.js';
import { formatDateTime } from '../../i18n/format-date.js';

/** Each network's name in French sentences. */
export const NETWORK_LABELS: Readonly<Record<string, string>> = Object.freeze({
  mastodon: 'Mastodon', bluesky: 'Bluesky', facebook: 'Facebook', linkedin: 'LinkedIn', x: 'X (Twitter)', threads: 'Threads',
});

/** A variant's state, in French. */
export const STATE_LABELS: Readonly<Record<RelayVariantState, string>> = Object.freeze({
  draft: 'Brouillon', submitted: 'À approuver', approved: 'Approuvée', scheduled: 'Programmée', publishing: 'En cours d’envoi',
  published: 'Publiée', failed: 'En échec',
});

// The back office's badge colours (contrast checked).
const TONES: Readonly<Record<RelayVariantState, string>> = Object.freeze({
  draft: 'draft', submitted: 'proposed', approved: 'scheduled', scheduled: 'scheduled', publishing: 'scheduled', published: 'published', failed: 'proposed',
});

/** A variant's state as a coloured label. */
export function StateBadge(props: { state: RelayVariantState }) {
  return <Badge tone={TONES[props.state]}>{STATE_LABELS[props.state]}</Badge>;
}

/** "3 avril 2026 à 14:05", or a dash. */
export function dateOrDash(iso: string | null | undefined, timeZone: string): string {
  return iso ? formatDateTime(iso, 'fr', timeZone) : '—';
}

/** A post's text as it will show on the network: its lines kept (the live counter updates the element `id`). */
export function PostPreview(props: { text: string; network: string; id?: string }) {
  return (
    <figure class="panel relay-preview">
      <figcaption>Aperçu sur {NETWORK_LABELS[props.network] ?? props.network}</figcaption>
      <p id={props.id} style="white-space: pre-wrap; overflow-wrap: anywhere">{props.text}</p>
    </figure>
  );
}
