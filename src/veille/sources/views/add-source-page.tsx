import { CsrfField, ErrorSummary, fieldId, TextField } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import type { DiscoveredFeed } from '../discover-feeds.js';
import { SourceKindNav } from './source-kind-nav.js';

const LABELS = Object.freeze({ url: 'Adresse du flux ou du site' });

/**
 * The add form: one address; after a web page announcing several feeds, those feeds as a radio
 * list to pick one. An error keeps the typed address.
 */
export function AddSourcePage(props: { ctx: AdminContext; url: string; error?: string; feeds?: readonly DiscoveredFeed[] }) {
  const { ctx, feeds } = props;
  const errors = props.error ? { url: props.error } : undefined;
  return (
    <AdminLayout ctx={ctx} title="Ajouter une source" current="/ecrire/veille/sources">
      <p><a href="/ecrire/veille/sources">Retour aux sources</a></p>
      <SourceKindNav current="feed" />
      <ErrorSummary errors={errors} labels={LABELS} />
      {feeds && feeds.length > 0 ? (
        <form method="post" action="/ecrire/veille/sources/ajouter">
          <CsrfField token={ctx.csrfToken} />
          <fieldset class="source-choices">
            <legend>Cette page propose {feeds.length} flux : lequel suivre ?</legend>
            {feeds.map((feed, index) => (
              <div class="choice">
                <input type="radio" name="url" id={`${fieldId('url')}-${index}`} value={feed.url} required checked={index === 0} />
                <label for={`${fieldId('url')}-${index}`}>{feed.title || feed.url} <small><code>{feed.url}</code></small></label>
              </div>
            ))}
          </fieldset>
          <div class="actions"><button type="submit" class="button primary">Ajouter ce flux</button></div>
        </form>
      ) : null}
      <form method="post" action="/ecrire/veille/sources/ajouter">
        <CsrfField token={ctx.csrfToken} />
        <TextField name="url" label={LABELS.url} value={props.url} required autocomplete="url" maxLength={2048} error={props.error}
          hint="L’adresse d’un flux RSS, Atom ou JSON Feed, ou celle d’une page de site : Relais y cherche les flux annoncés." />
        <div class="actions"><button type="submit" class="button primary">{feeds && feeds.length > 0 ? 'Chercher à une autre adresse' : 'Ajouter'}</button></div>
      </form>
    </AdminLayout>
  );
}
