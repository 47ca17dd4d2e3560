import { CsrfField, ErrorSummary, Field, controlAttributes, TextField } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import { VeilleNav } from '../../inbox/views/inbox-page.js';
import { MAX_WATCH_NAME, MAX_WATCH_QUERY } from '../schema.js';
import type { WatchScope } from '../watch-scope.js';
import { WatchQueryHelp } from './watch-query-help.js';

const LABELS = Object.freeze({ name: 'Nom de la veille', query: 'Requête', scope: 'Sources couvertes' });

const QUERY_HINT = <>Les mots que les éléments doivent contenir. Voir <a href="#aide-requete">la syntaxe</a> ou <a href="/ecrire/veille/veilles/syntaxe">l’aide complète</a>.</>;

/** What the form shows: the typed values, and the errors of the last attempt. */
export interface WatchFormValues {
  readonly name: string;
  readonly query: string;
  readonly scope: WatchScope;
  readonly ownerIds: readonly number[];
}

/** The create and edit form of a watch: name, query with its syntax help, the sources it covers. */
export function WatchFormPage(props: {
  ctx: AdminContext; watchId?: number; values: WatchFormValues; errors?: Readonly<Record<string, string>>; queryPosition?: number;
  sources: readonly { readonly id: number; readonly title: string }[]; kinds: readonly { readonly value: string; readonly label: string }[];
  people: readonly { readonly id: number; readonly name: string }[];
}) {
  const { ctx, values, errors } = props;
  const action = props.watchId ? `/ecrire/veille/veilles/${props.watchId}/modifier` : '/ecrire/veille/veilles/ajouter';
  const chosen = values.scope.all ? { sourceIds: [] as readonly number[], sourceKinds: [] as readonly string[] } : values.scope;
  const queryError = errors?.query;
  return (
    <AdminLayout ctx={ctx} title={props.watchId ? 'Modifier la veille' : 'Nouvelle veille'} current="/ecrire/veille/sources">
      <VeilleNav ctx={ctx} />
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={LABELS.name} value={values.name} required maxLength={MAX_WATCH_NAME} error={errors?.name}
          hint="Par exemple « Festival d’été » ou « Travaux du centre-ville »." />
        <Field name="query" label={LABELS.query} error={queryError}
          hint={QUERY_HINT}>
          <textarea rows={3} maxLength={MAX_WATCH_QUERY} required {...controlAttributes({ name: 'query', label: LABELS.query, hint: QUERY_HINT, ...(queryError ? { error: queryError } : {}) })}>{values.query}</textarea>
          {queryError && props.queryPosition !== undefined ? <QueryPointer query={values.query} position={props.queryPosition} /> : null}
        </Field>
        <fieldset class={errors?.scope ? 'field has-error' : 'field'} id="f-scope">
          <legend>{LABELS.scope}</legend>
          {errors?.scope ? <p class="field-error">{errors.scope}</p> : null}
          <div class="choice"><input type="radio" name="scope" value="all" id="f-scope-all" checked={values.scope.all} /> <label for="f-scope-all">Toutes les sources, y compris celles ajoutées plus tard</label></div>
          <div class="choice"><input type="radio" name="scope" value="chosen" id="f-scope-chosen" checked={!values.scope.all} /> <label for="f-scope-chosen">Seulement les sources et types cochés ci-dessous</label></div>
          {props.kinds.length > 0 ? <p class="hint">Types de sources :</p> : null}
          {props.kinds.map((k) => (
            <div class="choice"><input type="checkbox" name="kinds" value={k.value} id={`f-kind-${k.value}`} checked={chosen.sourceKinds.includes(k.value)} /> <label for={`f-kind-${k.value}`}>{k.label}</label></div>
          ))}
          {props.sources.length > 0 ? <p class="hint">Sources :</p> : null}
          {props.sources.map((s) => (
            <div class="choice"><input type="checkbox" name="sources" value={String(s.id)} id={`f-source-${s.id}`} checked={chosen.sourceIds.includes(s.id)} /> <label for={`f-source-${s.id}`}>{s.title}</label></div>
          ))}
        </fieldset>
        {props.people.length > 0 ? (
          <fieldset class="field">
            <legend>Responsables</legend>
            <p class="hint">Les personnes qui reçoivent les alertes de cette veille.</p>
            {props.people.map((u) => (
              <div class="choice"><input type="checkbox" name="owners" value={String(u.id)} id={`f-owner-${u.id}`} checked={values.ownerIds.includes(u.id)} /> <label for={`f-owner-${u.id}`}>{u.name}</label></div>
            ))}
          </fieldset>
        ) : null}
        <div class="actions">
          <button type="submit" class="button primary">{props.watchId ? 'Enregistrer' : 'Créer la veille'}</button>
          <a class="button" href="/ecrire/veille/veilles">Annuler</a>
        </div>
      </form>
      <section id="aide-requete" aria-label="Syntaxe des requêtes"><WatchQueryHelp /></section>
    </AdminLayout>
  );
}

/** The query as typed with a caret under the character where reading stopped. */
function QueryPointer(props: { query: string; position: number }) {
  const line = props.query.replace(/\n/g, ' ');
  return (
    <pre class="query-pointer" aria-hidden="true">{line}{'\n'}{' '.repeat(Math.min(props.position, line.length))}^</pre>
  );
}
