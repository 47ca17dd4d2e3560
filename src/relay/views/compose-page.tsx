import type { Article } from '../../blog/article.js';
import { CsrfField, Field } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import type { PageRow } from '../pages/page-store.js';
import { NETWORK_LABELS } from './relay-labels.js';

/**
 * Composing from an article: which article (the latest published ones), and which pages, each
 * getting its own variant drafted with its tone; the drafts open next for review.
 */
export function ComposePage(props: { ctx: AdminContext; articles: readonly Article[]; chosen: number | undefined; pages: readonly PageRow[]; error?: string }) {
  const { ctx, pages } = props;
  const active = pages.filter((p) => p.active);
  return (
    <AdminLayout ctx={ctx} title="Préparer des publications" current="/ecrire/relais">
      {props.error ? <p class="error-summary" role="alert">{props.error}</p> : null}
      {active.length === 0 ? <div class="panel"><p>Aucune page active : un administrateur doit d’abord relier une page (« Pages et connexions »).</p></div> : (
        <form method="post" action="/ecrire/relais/composer">
          <CsrfField token={ctx.csrfToken} />
          <fieldset>
            <legend>À partir de</legend>
            <div class="field checkbox">
              <input type="radio" id="f-from-article" name="from" value="article" checked />
              <label for="f-from-article">Un article publié</label>
            </div>
            <Field name="article" label="Article à relayer">
              <select id="f-article" name="article">
                {props.articles.map((a) => <option value={String(a.id)} selected={a.id === props.chosen}>{a.title}</option>)}
              </select>
            </Field>
            <div class="field checkbox">
              <input type="radio" id="f-from-text" name="from" value="text" />
              <label for="f-from-text">Un texte libre (sans article)</label>
            </div>
            <Field name="text" label="Texte libre" hint="Le même texte pour chaque page ; vous pourrez ensuite adapter chaque version.">
              <textarea id="f-text" name="text" rows={5}></textarea>
            </Field>
          </fieldset>
          <fieldset>
            <legend>Pages où le relayer (une version par page, dans son ton)</legend>
            {active.map((p) => (
              <div class="field checkbox">
                <input type="checkbox" id={`f-page-${p.id}`} name="pages" value={String(p.id)} checked />
                <label for={`f-page-${p.id}`}>{p.name} — {NETWORK_LABELS[p.network] ?? p.network}, {p.audience}</label>
              </div>
            ))}
          </fieldset>
          <div class="actions"><button type="submit" class="button primary">Préparer les brouillons</button></div>
        </form>
      )}
    </AdminLayout>
  );
}
