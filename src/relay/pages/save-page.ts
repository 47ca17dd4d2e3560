import { addAuditEntry } from '../../audit/store.js';
import type { Executor } from '../../db/database.js';
import type { ChannelCredentials } from '../channels/channel-adapter.js';
import { ChannelError } from '../channels/channel-error.js';
import { RelayError } from '../relay-error.js';
import { normalizeHashtags } from '../variants/draft-text.js';
import { openCredentials, sealCredentials } from './page-credentials.js';
import { getPage, insertPage, recordPageHealth, replacePageCredentials, updatePage, type PageRow } from './page-store.js';
import type { ChannelCallDeps } from '../channel-call-deps.js';

/** A page's tone template, as a form or the CLI gives it. */
export interface PageTemplate {
  readonly useTitle: boolean;
  readonly useLead: boolean;
  readonly useLink: boolean;
  readonly openingLine: string;
  readonly hashtags: string;
  readonly emojiAllowed: boolean;
  readonly utmTags: boolean;
  readonly autoDraft: boolean;
  readonly autoApprove: boolean;
}

/** The template of a new page: title, lead and tagged link, emoji allowed, no automatic draft. */
export const DEFAULT_TEMPLATE: PageTemplate = Object.freeze({
  useTitle: true, useLead: true, useLink: true, openingLine: '', hashtags: '', emojiAllowed: true, utmTags: true, autoDraft: false, autoApprove: false,
});

/** A page to add or change; `token` may be empty on an edit (the stored one is kept). */
export interface PageInput {
  readonly network: string;
  readonly name: string;
  readonly audience: string;
  readonly instance?: string | undefined;
  readonly accountId?: string | undefined;
  readonly token: string;
  readonly template: PageTemplate;
  readonly active?: boolean;
}

export interface SavePageDeps extends ChannelCallDeps {
  readonly db: Executor;
}

/** The page columns of a tone template. */
export function templateColumns(t: PageTemplate) {
  return {
    use_title: Number(t.useTitle), use_lead: Number(t.useLead), use_link: Number(t.useLink), opening_line: t.openingLine.trim(),
    hashtags: normalizeHashtags(t.hashtags), emoji_allowed: Number(t.emojiAllowed), utm_tags: Number(t.utmTags),
    auto_draft: Number(t.autoDraft), auto_approve: Number(t.autoDraft && t.autoApprove),
  };
}

/** What each network needs besides its token, in the words of its own screens. */
const ACCOUNT_NEEDED: Readonly<Record<string, string>> = Object.freeze({
  bluesky: 'l’identifiant Bluesky du compte (par exemple mairie.bsky.social)',
  facebook: 'le numéro de la page Facebook',
  linkedin: 'le numéro de l’organisation LinkedIn',
  threads: 'le numéro du compte Threads',
});

function checkInput(deps: SavePageDeps, input: PageInput, isNew: boolean): void {
  if (!deps.adapters[input.network]) throw new RelayError('invalid_page', `Réseau inconnu : « ${input.network} ».`);
  if (input.name.trim() === '') throw new RelayError('invalid_page', 'Donnez un nom à la page.');
  if (input.audience.trim() === '') throw new RelayError('invalid_page', 'Indiquez le public de la page (jeunesse, emploi, culture…).');
  if (input.network === 'mastodon' && !input.instance) throw new RelayError('invalid_page', 'Indiquez l’adresse de l’instance Mastodon (https://…).');
  if (input.instance && !/^https?:\/\/[^\s/]+/.test(input.instance)) throw new RelayError('invalid_page', 'L’adresse de l’instance doit commencer par https://.');
  const account = ACCOUNT_NEEDED[input.network];
  if (isNew && account && !input.accountId) throw new RelayError('invalid_page', `Indiquez ${account} (option --account, ou le champ « Identifiant du compte »).`);
  if (isNew && input.token.trim() === '') throw new RelayError('invalid_page', 'Indiquez le jeton d’accès de la page.');
}

function credentialsOf(input: PageInput): ChannelCredentials {
  return {
    accessToken: input.token.trim(),
    ...(input.instance && { instance: input.instance.replace(/\/+$/, '') }),
    ...(input.accountId && { accountId: input.accountId }),
  };
}

/** Adds a page, its credentials encrypted; then checks them with the network (a failure is recorded, not fatal). */
export async function addPage(deps: SavePageDeps, input: PageInput, userId: number | null): Promise<{ page: PageRow; warning?: string }> {
  checkInput(deps, input, true);
  const credentials = credentialsOf(input);
  const { stored, hint } = sealCredentials(credentials, deps.keyring);
  const page = await insertPage(deps.db, {
    network: input.network, name: input.name.trim(), audience: input.audience.trim(), instance: credentials.instance ?? null,
    account_id: input.accountId ?? null, credentials: stored, token_hint: hint, active: Number(input.active ?? true), ...templateColumns(input.template),
  }, deps.now());
  if (!page) throw new RelayError('invalid_page', `Une page s’appelle déjà « ${input.name.trim()} ».`);
  await addAuditEntry(deps.db, { userId, action: 'relay.page.added', objectType: 'relay_page', objectId: page.id, summary: `${page.network} : ${page.name}` }, deps.now());
  const warning = await verifyPage(deps, page.id);
  return { page: (await getPage(deps.db, page.id))!, ...(warning && { warning }) };
}

/** Changes a page; a new token replaces the stored credentials, an empty one keeps them. */
export async function editPage(deps: SavePageDeps, id: number, input: PageInput, userId: number | null): Promise<string | undefined> {
  const before = await getPage(deps.db, id);
  if (!before) throw new RelayError('unknown_page', 'Page introuvable.');
  checkInput(deps, { ...input, network: before.network }, false);
  const newToken = input.token.trim() !== '';
  const sealed = newToken ? sealCredentials(credentialsOf({ ...input, network: before.network }), deps.keyring) : undefined;
  await updatePage(deps.db, id, {
    name: input.name.trim(), audience: input.audience.trim(), instance: input.instance?.replace(/\/+$/, '') || before.instance,
    account_id: input.accountId || before.account_id, active: Number(input.active ?? true), ...templateColumns(input.template),
    ...(sealed && { credentials: sealed.stored, token_hint: sealed.hint, last_error: null, last_error_at: null }),
  }, deps.now()).catch((error: unknown) => {
    deps.logger.warn({ err: error, page: id }, 'relay.page.update_failed');
    throw new RelayError('invalid_page', `Impossible d’enregistrer la page : le nom « ${input.name.trim()} » est peut-être déjà pris.`);
  });
  await addAuditEntry(deps.db, { userId, action: 'relay.page.updated', objectType: 'relay_page', objectId: id, summary: input.name }, deps.now());
  return newToken ? verifyPage(deps, id) : undefined;
}

/**
 * Checks a page's credentials with its network and records the outcome for the health screen
 * (account name, token expiry, last success or error). Returns the French problem, if any.
 */
export async function verifyPage(deps: SavePageDeps, id: number): Promise<string | undefined> {
  const page = (await getPage(deps.db, id))!;
  const adapter = deps.adapters[page.network]!;
  try {
    const account = await adapter.verifyCredentials(openCredentials(page.credentials, deps.keyring), { fetch: deps.fetch });
    const renewed = account.refreshedCredentials && sealCredentials(account.refreshedCredentials, deps.keyring).stored;
    await deps.db.transaction().execute(async (trx) => {
      await updatePage(trx, id, { account_name: account.accountName, token_expires_at: account.expiresAt ?? null }, deps.now());
      // Renewed credentials (X rotates its refresh token) are kept unless a new token was saved meanwhile.
      if (renewed) await replacePageCredentials(trx, id, page.credentials, renewed, deps.now());
      await recordPageHealth(trx, id, { ok: true }, deps.now());
    });
    return undefined;
  } catch (error) {
    const message = error instanceof ChannelError ? error.message : 'La vérification du jeton a échoué (réseau injoignable ?).';
    if (!(error instanceof ChannelError)) deps.logger.warn({ err: error, page: id }, 'relay.page.verify_failed');
    else if (error.refreshedCredentials) await replacePageCredentials(deps.db, id, page.credentials, sealCredentials(error.refreshedCredentials, deps.keyring).stored, deps.now());
    await recordPageHealth(deps.db, id, { ok: false, error: message }, deps.now());
    return message;
  }
}
