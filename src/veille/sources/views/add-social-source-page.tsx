import type { ComponentChildren } from 'preact';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import type { AdapterKind } from '../../adapters/adapters.js';
import { SOURCE_KIND_LABELS } from '../source-kind-labels.js';
import { addSourceHref, SourceKindNav } from './source-kind-nav.js';

/** One field of a network's form: its config key (the adapter's), French label and hint. */
interface SocialField {
  readonly name: string;
  readonly label: string;
  readonly hint?: ComponentChildren;
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  readonly secret?: boolean;
}

const QUERY: SocialField = { name: 'query', label: 'Mots recherchés', hint: 'Utilisés si vous suivez une recherche.' };

/** Each network's fields, named as its adapter's config so its messages land beside them. */
export const SOCIAL_FORM_FIELDS: Readonly<Record<AdapterKind, readonly SocialField[]>> = Object.freeze({
  mastodon: [
    { name: 'instance', label: 'Instance Mastodon', hint: 'Son nom, par exemple « mastodon.social » ou « piaille.fr ».' },
    { name: 'mode', label: 'Suivre', choices: [{ value: 'hashtag', label: 'Un mot-dièse' }, { value: 'search', label: 'Une recherche' }] },
    { name: 'hashtag', label: 'Mot-dièse', hint: 'Sans espace, par exemple « ConseilMunicipal ». Utilisé si vous suivez un mot-dièse.' },
    QUERY,
    {
      name: 'token', label: 'Jeton d’accès (facultatif)', secret: true,
      hint: 'Beaucoup d’instances n’ouvrent leur recherche qu’avec un jeton : créez-le dans Préférences › Développement, avec le seul droit « read:search ». '
        + 'Il est enregistré chiffré et ne sera jamais réaffiché.',
    },
  ],
  bluesky: [
    { name: 'query', label: 'Mots recherchés', hint: 'Comme dans la recherche de Bluesky : des mots, "une expression exacte", #mot-dièse, from:compte.' },
    { name: 'language', label: 'Langue (facultatif)', hint: 'Seulement les messages déclarés dans cette langue : son code, par exemple « fr ».' },
  ],
  reddit: [
    { name: 'mode', label: 'Suivre', choices: [{ value: 'subreddit', label: 'Un subreddit' }, { value: 'search', label: 'Une recherche dans tout Reddit' }] },
    { name: 'subreddit', label: 'Subreddit', hint: 'Son nom, par exemple « france ». Utilisé si vous suivez un subreddit.' },
    QUERY,
  ],
  youtube: [
    {
      name: 'channelId', label: 'Chaîne YouTube',
      hint: 'Son identifiant, qui commence par « UC », ou l’adresse youtube.com/channel/UC… de sa page.',
    },
  ],
});

/**
 * The form that adds a Mastodon, Bluesky, Reddit or YouTube source: the network's fields with
 * their French labels, each adapter message beside its field and in the summary above, and what
 * was typed kept after an error (except the token, never sent back to the browser).
 */
export function AddSocialSourcePage(props: { ctx: AdminContext; kind: AdapterKind; values: Readonly<Record<string, string>>; errors?: Readonly<Record<string, string>> }) {
  const { ctx, kind, errors } = props;
  const fields = SOCIAL_FORM_FIELDS[kind];
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  return (
    <AdminLayout ctx={ctx} title={`Ajouter une source : ${SOURCE_KIND_LABELS[kind]}`} current="/ecrire/veille/sources">
      <p><a href="/ecrire/veille/sources">Retour aux sources</a></p>
      <SourceKindNav current={kind} />
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={addSourceHref(kind)}>
        <CsrfField token={ctx.csrfToken} />
        {fields.map((field) => field.choices
          ? <SelectField name={field.name} label={field.label} hint={field.hint} value={props.values[field.name] ?? field.choices[0]!.value} choices={field.choices} error={errors?.[field.name]} />
          : <TextField name={field.name} label={field.label} hint={field.hint} error={errors?.[field.name]} maxLength={field.secret ? 600 : 500}
            type={field.secret ? 'password' : 'text'} autocomplete={field.secret ? 'off' : undefined} value={field.secret ? '' : props.values[field.name] ?? ''} />)}
        <div class="actions"><button type="submit" class="button primary">Ajouter</button></div>
      </form>
    </AdminLayout>
  );
}
