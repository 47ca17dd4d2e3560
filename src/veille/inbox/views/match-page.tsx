import { can } from '../../../accounts/policy.js';
import type { User } from '../../../accounts/user.js';
import { CsrfField, TextAreaField } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import { formatDateTime } from '../../../i18n/format-date.js';
import type { MatchNote, StoryTelling } from '../store.js';
import { STATE_LABELS, type HighlightedEntry } from './inbox-entry-view.js';
import { inboxHref, VeilleNav } from './inbox-page.js';

/** One match: the item highlighted in full, its triage, its notes and the form to add one. */
export function MatchPage(props: {
  ctx: AdminContext; item: HighlightedEntry & { textHtml: string }; notes: readonly MatchNote[]; tellings: readonly StoryTelling[];
  assignees: readonly Pick<User, 'id' | 'name'>[]; timeZone: string; notice?: string; noteError?: string; noteBody?: string;
}) {
  const { ctx, item, notes } = props;
  const { entry } = item;
  const triage = can(ctx.user, 'veille.inbox.triage');
  const back = inboxHref({ watchId: entry.watchId });
  const here = `/ecrire/veille/boite/${entry.matchId}`;
  return (
    <AdminLayout ctx={ctx} title={entry.title || 'Élément sans titre'} current="/ecrire/veille/sources" notice={props.notice}>
      <VeilleNav ctx={ctx} />
      <p><a href={back}>Retour à la veille « {entry.watchName} »</a></p>
      <dl class="facts">
        <dt>État</dt><dd>{STATE_LABELS[entry.state]}{entry.assigneeName ? `, confié à ${entry.assigneeName}` : ''}</dd>
        <dt>Source</dt><dd>{entry.sourceTitle}{entry.author ? ` · ${entry.author}` : ''}</dd>
        <dt>Date</dt><dd>{formatDateTime(entry.publishedAt ?? entry.storedAt, 'fr', props.timeZone)}</dd>
        <dt>Même histoire</dt><dd>{entry.groupSize > 1 ? `vue sur ${entry.groupSize} sources` : 'une seule source'}</dd>
        <dt>Conservation</dt><dd>{entry.kept ? 'conservé (jamais effacé par la durée de conservation)' : 'effacé après la durée de conservation'}</dd>
        {entry.link ? <><dt>Lien</dt><dd><a href={entry.link} rel="noopener noreferrer">{entry.link}</a></dd></> : null}
      </dl>
      <h2 dangerouslySetInnerHTML={{ __html: item.titleHtml }} />
      <div class="panel match-text" dangerouslySetInnerHTML={{ __html: item.textHtml }} />
      {triage ? (
        <form method="post" action="/ecrire/veille/boite/actions" class="bulk-actions">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="selection" value={String(entry.matchId)} />
          <input type="hidden" name="retour" value={here} />
          {(['to_handle', 'handled', 'ignored', 'new'] as const).filter((s) => s !== entry.state).map((s) => (
            <><button type="submit" name="action" value={s} class="button small">{STATE_LABELS[s]}</button>{' '}</>
          ))}
          <button type="submit" name="action" value={entry.kept ? 'unkeep' : 'keep'} class="button small">{entry.kept ? 'Ne plus conserver' : 'Conserver'}</button>{' '}
          <label for="f-assignee">Confier à</label>{' '}
          <select id="f-assignee" name="assignee">
            <option value="">Personne</option>
            {props.assignees.map((u) => <option value={String(u.id)} selected={u.id === entry.assigneeId}>{u.name}</option>)}
          </select>{' '}
          <button type="submit" name="action" value="assign" class="button small">Confier</button>
        </form>
      ) : null}
      {props.tellings.length > 0 ? (
        <>
          <h2>La même histoire, vue sur {entry.groupSize} sources</h2>
          <ul class="story-tellings">
            {props.tellings.map((t) => (
              <li>
                {t.link ? <a href={t.link} rel="noopener noreferrer">{t.title || t.link}</a> : t.title}{' — '}{t.sourceTitle},{' '}
                {formatDateTime(t.publishedAt ?? t.storedAt, 'fr', props.timeZone)}{t.itemId === entry.itemId ? ' (cet élément)' : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Notes</h2>
      {notes.length === 0 ? <p>Aucune note.</p> : (
        <ul class="match-notes">
          {notes.map((n) => (
            <li><p class="note-meta">{n.authorName ?? 'Compte supprimé'}, {formatDateTime(n.createdAt, 'fr', props.timeZone)}</p><p class="note-body">{n.body}</p></li>
          ))}
        </ul>
      )}
      {triage ? (
        <form method="post" action={`${here}/notes`}>
          <CsrfField token={ctx.csrfToken} />
          <TextAreaField name="body" label="Ajouter une note" value={props.noteBody ?? ''} rows={4} error={props.noteError}
            hint="Visible par toute l’équipe de veille." />
          <div class="actions"><button type="submit" class="button primary">Ajouter la note</button></div>
        </form>
      ) : null}
    </AdminLayout>
  );
}
