import type { Relais } from '../../main.js';
import { sealCredentials } from '../pages/page-credentials.js';
import { insertPage } from '../pages/page-store.js';
import { DEFAULT_TEMPLATE, templateColumns } from '../pages/save-page.js';
import { CLI_ACTOR } from '../relay-service.js';

/** The demo page: a Mastodon account of the town hall, inactive, whose token is plainly not a real one. */
export const DEMO_PAGE = Object.freeze({
  name: 'Mastodon de la mairie (démo)',
  network: 'mastodon',
  audience: 'institution',
  instance: 'https://mastodon.example',
  token: 'jeton-de-demonstration-a-remplacer',
});

/**
 * Adds the demo relay page and one draft from a demo article. The page is stored inactive and its
 * credentials are never checked (that would call the network): nothing is posted until someone
 * enters a real token and turns it on.
 */
export async function loadDemoRelay(relais: Relais, articleId: number): Promise<number> {
  const now = relais.now();
  const credentials = { accessToken: DEMO_PAGE.token, instance: DEMO_PAGE.instance };
  const { stored, hint } = sealCredentials(credentials, relais.keyring);
  const page = await insertPage(relais.db.kysely, {
    network: DEMO_PAGE.network, name: DEMO_PAGE.name, audience: DEMO_PAGE.audience, instance: DEMO_PAGE.instance,
    account_id: null, credentials: stored, token_hint: hint, active: 0,
    ...templateColumns({ ...DEFAULT_TEMPLATE, hashtags: '#ValFleuri' }),
  }, now);
  if (!page) return 0;
  const drafted = await relais.relay.draftFromArticle(CLI_ACTOR, articleId, [page.name]);
  return drafted.length;
}
