import { CsrfField, Field, SelectField, TextField } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { NETWORK_NAMES } from '../channels/channel-adapter.js';
import type { PageRow } from '../pages/page-store.js';
import { NETWORK_LABELS } from './relay-labels.js';

/** What the page form shows: a stored page, or what was typed (never the token). */
export interface PageFormValues {
  readonly network: string;
  readonly name: string;
  readonly audience: string;
  readonly instance: string;
  readonly accountId: string;
  readonly openingLine: string;
  readonly hashtags: string;
  readonly flags: ReadonlySet<'useTitle' | 'useLead' | 'useLink' | 'emojiAllowed' | 'utmTags' | 'autoDraft' | 'autoApprove' | 'active'>;
}

/** The form's values for a stored page. */
export function pageFormValues(page: PageRow): PageFormValues {
  const flags = new Set<PageFormValues['flags'] extends ReadonlySet<infer F> ? F : never>();
  if (page.use_title) flags.add('useTitle');
  if (page.use_lead) flags.add('useLead');
  if (page.use_link) flags.add('useLink');
  if (page.emoji_allowed) flags.add('emojiAllowed');
  if (page.utm_tags) flags.add('utmTags');
  if (page.auto_draft) flags.add('autoDraft');
  if (page.auto_approve) flags.add('autoApprove');
  if (page.active) flags.add('active');
  return {
    network: page.network, name: page.name, audience: page.audience, instance: page.instance ?? '', accountId: page.account_id ?? '',
    openingLine: page.opening_line, hashtags: page.hashtags, flags,
  };
}

const CHECKBOXES: readonly [PageFormValues['flags'] extends ReadonlySet<infer F> ? F : never, string][] = [
  ['useTitle', 'Reprendre le titre de l’article'],
  ['useLead', 'Reprendre le chapô (ou le début du texte)'],
  ['useLink', 'Ajouter le lien vers l’article'],
  ['utmTags', 'Marquer le lien pour les statistiques (utm_source, utm_medium, utm_campaign)'],
  ['emojiAllowed', 'Émojis autorisés'],
  ['autoDraft', 'Préparer un brouillon à chaque article publié'],
  ['autoApprove', 'Publier ce brouillon sans approbation'],
  ['active', 'Page active'],
];

/** Adds or edits a page: network account, audience, token (never shown back), tone template. */
export function PageFormPage(props: { ctx: AdminContext; values: PageFormValues; page?: PageRow; error?: string }) {
  const { ctx, values, page } = props;
  const action = page ? `/ecrire/relais/pages/${page.id}` : '/ecrire/relais/pages/ajouter';
  return (
    <AdminLayout ctx={ctx} title={page ? `Page « ${page.name} »` : 'Ajouter une page'} current="/ecrire/relais">
      {props.error ? <p class="error-summary" role="alert">{props.error}</p> : null}
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        {page ? <p>Réseau : <strong>{NETWORK_LABELS[page.network] ?? page.network}</strong></p> : (
          <SelectField name="network" label="Réseau" value={values.network} choices={NETWORK_NAMES.map((n) => ({ value: n, label: NETWORK_LABELS[n] ?? n }))} />
        )}
        <TextField name="name" label="Nom de la page" value={values.name} required hint="Court et unique, par exemple « jeunesse-mastodon »." />
        <TextField name="audience" label="Public" value={values.audience} required hint="Jeunesse, emploi, culture, institution…" />
        <TextField name="instance" label="Adresse de l’instance ou du serveur" value={values.instance} hint="Obligatoire pour Mastodon (https://…) ; pour les autres réseaux, laissez vide." />
        <TextField name="accountId" label="Identifiant du compte" value={values.accountId} hint="Bluesky : identifiant ou DID ; Facebook, Threads : numéro de la page ou du compte ; LinkedIn : numéro de l’organisation." />
        <Field name="token" label="Jeton d’accès" hint={page?.token_hint ? `Enregistré (…${page.token_hint}). Laissez vide pour le garder.` : page ? 'Enregistré. Laissez vide pour le garder.' : 'Il est chiffré dès son enregistrement et n’est plus jamais affiché.'}>
          <input type="password" id="f-token" name="token" value="" autocomplete="off" required={!page} />
        </Field>
        <fieldset>
          <legend>Ton de la page</legend>
          <TextField name="openingLine" label="Phrase d’accroche" value={values.openingLine} hint="Placée en tête de chaque publication (facultatif)." />
          <TextField name="hashtags" label="Mots-dièse" value={values.hashtags} hint="Séparés par des espaces, par exemple « #jeunesse #ValFleuri »." />
          {CHECKBOXES.map(([name, label]) => (
            <div class="field checkbox">
              <input type="checkbox" id={`f-${name}`} name={name} value="1" checked={values.flags.has(name)} />
              <label for={`f-${name}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="button primary">Enregistrer</button>
          <a class="button" href="/ecrire/relais/pages">Annuler</a>
        </div>
      </form>
    </AdminLayout>
  );
}
