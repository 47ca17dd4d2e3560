import type { AlertExcerpt } from './alert-excerpt.js';
import { watchInboxPath } from './alert-links.js';
import type { AlertView } from './alert-view-store.js';

/** The JSON body of an alert webhook (field names are part of the documented interface: docs/veille-alerts.md). */
export interface AlertWebhookBody {
  readonly event: 'veille.alert';
  readonly alert_id: number;
  readonly watch: { readonly id: number; readonly name: string };
  readonly story: { readonly group_id: number; readonly sources_count: number };
  readonly item: {
    readonly id: number;
    readonly title: string;
    readonly link: string | null;
    readonly author: string | null;
    readonly published_at: string | null;
    readonly excerpt: string;
    readonly excerpt_html: string;
    readonly source: { readonly id: number; readonly title: string; readonly url: string; readonly kind: string };
  };
  readonly inbox_url: string;
  readonly matched_at: string;
}

/** The "send a test" body: says which watch, carries no item. */
export interface TestWebhookBody {
  readonly event: 'veille.test';
  readonly watch: { readonly id: number; readonly name: string };
  readonly sent_at: string;
}

/** What an alert's webhook posts. */
export function alertWebhookBody(publicUrl: string, view: AlertView, excerpt: AlertExcerpt): AlertWebhookBody {
  const { item, source, watch } = view;
  return {
    event: 'veille.alert',
    alert_id: view.alertId,
    watch: { id: watch.id, name: watch.name },
    story: { group_id: view.groupId, sources_count: view.sourcesCount },
    item: {
      id: item.id, title: item.title, link: item.link, author: item.author, published_at: item.publishedAt, excerpt: excerpt.text, excerpt_html: excerpt.html,
      source: { id: source.id, title: source.title, url: source.url, kind: source.kind },
    },
    inbox_url: `${publicUrl}${watchInboxPath(watch.id)}`,
    matched_at: view.firstMatchedAt,
  };
}
