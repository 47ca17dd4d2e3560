import { ActionButton, AdminPager, CsrfField } from '../../http/admin-kit.js';
import { BulkForm } from './moderation-bulk-form.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { CONTRIBUTION_STATUSES, STATUS_LABELS, type ContributionStatus } from '../contribution.js';
import { MODERATION_TRANSITIONS, type ModerationAction } from '../moderation-action.js';
import { renderContributionText } from '../render-contribution.js';
import type { QueuedContribution } from '../store.js';

const ACTION_LABELS: Readonly<Record<ModerationAction, string>> = Object.freeze({
  approve: 'Publier', reject: 'Refuser', spam: 'Spam', unpublish: 'Dépublier',
});
const ACTION_TITLES: Readonly<Record<ModerationAction, string>> = Object.freeze({
  approve: 'Publier', reject: 'Refuser', spam: 'Classer comme spam', unpublish: 'Dépublier',
});
const ACTION_TONES: Readonly<Record<ModerationAction, 'primary' | 'danger' | undefined>> = Object.freeze({
  approve: 'primary', reject: undefined, spam: 'danger', unpublish: undefined,
});

/** The address of the queue for one status (and one article). */
export const queueHref = (status: ContributionStatus, page = 1, articleId?: number) =>
  `/ecrire/forum?statut=${status}${articleId !== undefined ? `&article=${articleId}` : ''}${page > 1 ? `&page=${page}` : ''}`;

/** The moderation queue: counts per status as filters, then each message with what a moderator needs and the actions its status allows. */
export function ModerationPage(props: {
  ctx: AdminContext; status: ContributionStatus; counts: Readonly<Record<ContributionStatus, number>>;
  contributions: readonly QueuedContribution[]; page: number; hasNext: boolean; timeZone: string; notice?: string;
  /** When the queue is narrowed to one article. */
  article?: { readonly id: number; readonly title: string };
  /** The articles that have messages, for the filter. */
  articles: readonly { readonly id: number; readonly title: string; readonly count: number }[];
}) {
  const { ctx, status } = props;
  const articleId = props.article?.id;
  return (
    <AdminLayout ctx={ctx} title="Forum" current="/ecrire/forum" notice={props.notice}>
      <nav class="status-filter" aria-label="Messages par statut">
        <ul>
          {CONTRIBUTION_STATUSES.map((s) => (
            <li><a href={queueHref(s, 1, articleId)} aria-current={s === status ? 'page' : undefined}>{STATUS_LABELS[s]} ({props.counts[s]})</a></li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/ecrire/forum" class="queue-filter">
        <input type="hidden" name="statut" value={status} />
        <label for="filtre-article">Article</label>{' '}
        <select id="filtre-article" name="article">
          <option value="">Tous les articles</option>
          {props.articles.map((a) => <option value={String(a.id)} selected={a.id === articleId}>{a.title} ({a.count} {a.count === 1 ? 'message' : 'messages'})</option>)}
        </select>{' '}
        <button type="submit" class="button small">Filtrer</button>
      </form>
      {props.article ? <p>Messages de l’article « {props.article.title} » seulement. <a href={queueHref(status)}>Voir les messages de tous les articles</a></p> : null}
      <p><a href="/ecrire/forum/donnees">Données personnelles : exporter ou effacer les messages d’une adresse (RGPD)</a></p>
      <h2>{STATUS_LABELS[status]} — les plus récents d’abord</h2>
      <p class="keyboard-help" id="raccourcis" hidden>
        Raccourcis clavier : <kbd>j</kbd> message suivant, <kbd>k</kbd> message précédent, <kbd>a</kbd> publier, <kbd>r</kbd> refuser,
        {' '}<kbd>s</kbd> spam, <kbd>x</kbd> cocher ou décocher le message (sans effet pendant la saisie dans un champ).
      </p>
      {props.contributions.length === 0 ? <p class="empty">Aucun message dans cette liste.</p> : (
        <BulkForm ctx={ctx} status={status} articleId={articleId} ids={props.contributions.map((c) => c.id)} />
      )}
      {props.contributions.length === 0 ? null : (
        <ol class="moderation-queue">
          {props.contributions.map((c) => (
            <li class="moderation-item" id={`message${c.id}`}>
              <article aria-labelledby={`message${c.id}-titre`} tabIndex={-1} data-message={c.id}>
                <h3 id={`message${c.id}-titre`}>Message n° {c.id} de {c.authorName}, sur « <a href={queueHref(status, 1, c.articleId)} title="Voir seulement les messages de cet article">{c.articleTitle}</a> »</h3>
                <p class="moderation-select">
                  <input type="checkbox" name="selection" value={String(c.id)} form="selection" id={`choix${c.id}`} />
                  {' '}<label for={`choix${c.id}`}>Sélectionner le message n° {c.id}</label>
                  {' '}· <a href={`/article/${c.articleSlug}`}>Voir l’article sur le site</a>
                </p>
                <dl class="moderation-meta">
                  <dt>Reçu le</dt><dd><time datetime={c.createdAt}>{formatDateTime(c.createdAt, 'fr', props.timeZone)}</time></dd>
                  <dt>Courriel</dt><dd>{c.email ?? '—'}</dd>
                  <dt>Adresse IP</dt><dd>{c.ip ?? '—'}</dd>
                  <dt>Signaux de spam</dt><dd>{c.spamReasons.length > 0 ? `${c.spamReasons.join(' ; ')} (score ${c.spamScore})` : `aucun (score ${c.spamScore})`}</dd>
                  {c.parentId !== null ? <><dt>En réponse au</dt><dd>message n° {c.parentId}</dd></> : null}
                </dl>
                <div class="forum-text" dangerouslySetInnerHTML={{ __html: renderContributionText(c) }} />
                <div class="actions">
                  {(Object.keys(MODERATION_TRANSITIONS) as ModerationAction[]).filter((a) => MODERATION_TRANSITIONS[a].from.includes(c.status)).map((a) => (
                    <ActionButton ctx={ctx} action={`/ecrire/forum/${c.id}/${a}`} label={ACTION_LABELS[a]} tone={ACTION_TONES[a]}
                      title={`${ACTION_TITLES[a]} le message n° ${c.id} de ${c.authorName}`} fields={{ retour: status, ...(articleId !== undefined && { article: String(articleId) }) }} />
                  ))}
                  <a class="button small" href={`/ecrire/forum/${c.id}/modifier?retour=${status}${articleId !== undefined ? `&article=${articleId}` : ''}`}
                    aria-label={`Modifier le message n° ${c.id} de ${c.authorName}`}>Modifier</a>
                </div>
                {c.status === 'proposed' || c.status === 'published' ? (
                  <details class="organisation-answer">
                    <summary>{c.status === 'proposed' ? 'Publier et répondre au nom de l’organisation' : 'Répondre au nom de l’organisation'}</summary>
                    <form method="post" action={`/ecrire/forum/${c.id}/reponse`}>
                      <CsrfField token={ctx.csrfToken} />
                      <input type="hidden" name="retour" value={status} />
                      {articleId !== undefined ? <input type="hidden" name="article" value={String(articleId)} /> : null}
                      <label for={`reponse${c.id}`}>Réponse à {c.authorName} (publiée aussitôt)</label>
                      <textarea id={`reponse${c.id}`} name="texte" rows={4} required />
                      <button type="submit" class="button small primary">Publier la réponse</button>
                    </form>
                  </details>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
      <AdminPager page={props.page} hasNext={props.hasNext} href={(n) => queueHref(status, n, articleId)} />
      <script src={ctx.assets.url('list-keys.js')} defer />
      <script src={ctx.assets.url('moderation-keys.js')} defer />
    </AdminLayout>
  );
}
