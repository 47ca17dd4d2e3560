import type { DialectName } from '../../db/database.js';
import { createLogger } from '../../logger.js';
import { createKeyring } from '../../secrets/keyring.js';
import { buildArticle, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { DEFAULT_TEMPLATE, type PageTemplate } from '../pages/save-page.js';
import { createRelayService, type RelayService } from '../relay-service.js';
import { createFakeChannelAdapter, type FakeChannelAdapter } from './fake-channel-adapter.js';

/** A test site with a relay service over an in-memory network, and helpers to fill it. */
export interface RelayTestKit {
  readonly site: TestSite;
  readonly relay: RelayService;
  readonly network: FakeChannelAdapter;
  addPage(name: string, template?: Partial<PageTemplate>): Promise<number>;
  addArticle(title?: string, lead?: string): Promise<{ id: number; slug: string }>;
  close(): Promise<void>;
}

/** Starts a site on `dialect` whose relay posts to a fake Mastodon (`maxLength` graphemes). */
export async function startRelayTestKit(dialect: DialectName, maxLength = 500): Promise<RelayTestKit> {
  const site = await startTestSite(dialect);
  const network = createFakeChannelAdapter('mastodon', maxLength);
  const relay = createRelayService({
    db: site.relais.db, keyring: createKeyring(site.relais.secretKey), adapters: { mastodon: network }, fetch: site.relais.fetchResource,
    now: site.relais.now, publicUrl: 'https://www.ville-exemple.fr', logger: createLogger({ level: 'silent' }),
  });
  return {
    site, relay, network,
    async addPage(name, template = {}) {
      const { page } = await relay.addPage({
        network: 'mastodon', name, audience: 'jeunesse', instance: 'https://mastodon.exemple.fr', token: `jeton-${name}-secret-9876`,
        template: { ...DEFAULT_TEMPLATE, ...template },
      }, null);
      return page.id;
    },
    async addArticle(title = 'Fête de la musique', lead = 'Concerts gratuits dans tout le centre-ville, de 18 h à minuit.') {
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title, lead }));
      return { id: article.id, slug: article.slug };
    },
    close: () => site.close(),
  };
}
