import { FetchError } from '../../fetch/fetch-error.js';
import { apiUrl } from '../api-url.js';
import { fetchJson } from '../fetch-json.js';
import { asObject, asObjects, stringField } from '../json-fields.js';
import type { AdapterEntry, AdapterResult, SourceAdapter } from '../source-adapter.js';
import { SourceAdapterError } from '../source-adapter-error.js';
import { withRateLimitWait } from '../with-rate-limit-wait.js';
import { mapMastodonStatus } from './map-mastodon-status.js';
import { validateMastodonConfig, type MastodonConfig } from './mastodon-config.js';

/** Statuses asked per poll: Mastodon's maximum for both endpoints. */
const PAGE_SIZE = 40;
/** A full page means more is waiting: come back soon rather than at the source's rhythm. */
const FULL_PAGE_HINT_SECONDS = 60;
/** Mastodon's rate-limit window: 300 calls per 5 minutes. */
const RATE_LIMIT_WINDOW_SECONDS = 300;

/**
 * Mastodon on any instance: a hashtag's public timeline (`GET /api/v1/timelines/tag/:hashtag`,
 * no token needed) or a search (`GET /api/v2/search?type=statuses`, which most instances
 * answer only with a token). The state keeps the newest status id seen and the next poll
 * asks with `min_id` (statuses immediately newer), so a burst larger than a page is
 * caught up over the following polls instead of skipped.
 */
export function createMastodonAdapter(): SourceAdapter<MastodonConfig> {
  const adapter: SourceAdapter<MastodonConfig> = {
    kind: 'mastodon',
    describe(config: MastodonConfig): string {
      const host = new URL(config.instance).host;
      return config.mode === 'hashtag'
        ? `Mastodon : #${config.hashtag} sur ${host}`
        : `Mastodon : recherche « ${config.query} » sur ${host}`;
    },
    address(config: MastodonConfig): string {
      // Hashtags are case-insensitive on Mastodon: #Lyon and #lyon are one source.
      return config.mode === 'hashtag'
        ? apiUrl(config.instance, `/tags/${encodeURIComponent(config.hashtag.toLowerCase())}`, {})
        : apiUrl(config.instance, '/search', { q: config.query });
    },
    validate: validateMastodonConfig,
    async fetch(config, state, deps): Promise<AdapterResult> {
      const scope = config.mode === 'hashtag' ? `tag:${config.hashtag}` : `search:${config.query}`;
      const minId = state['scope'] === scope ? state['minId'] : undefined;
      const url = requestUrl(config, minId);
      const headers: Record<string, string> = config.token === undefined ? {} : { authorization: `Bearer ${config.token}` };
      const json = await fetchJson(deps, url, 'l’instance Mastodon', headers).catch((error: unknown) => {
        throw refusal(error, config);
      });
      const statuses = config.mode === 'hashtag' ? asObjects(json) : asObjects(asObject(json)?.['statuses']);
      if (statuses === undefined) {
        throw new SourceAdapterError(
          'bad-response',
          'La réponse de l’instance Mastodon n’a pas la forme attendue (liste de messages).',
          `${new URL(url).origin}${new URL(url).pathname} : ${Array.isArray(json) ? 'tableau' : typeof json} inattendu`,
        );
      }
      const entries: AdapterEntry[] = [];
      let newest = minId;
      for (const status of statuses) {
        const id = stringField(status, 'id');
        const entry = mapMastodonStatus(status, config.instance);
        if (id === undefined || entry === undefined) continue;
        entries.push(entry);
        if (newest === undefined || compareStatusIds(id, newest) > 0) newest = id;
      }
      const skipped = statuses.length - entries.length;
      return {
        entries,
        state: newest === undefined ? { scope } : { scope, minId: newest },
        ...(statuses.length >= PAGE_SIZE ? { nextCheckHint: FULL_PAGE_HINT_SECONDS } : {}),
        problems: skipped > 0 ? [`${skipped} message(s) Mastodon sans identifiant ont été ignorés.`] : [],
      };
    },
  };
  return Object.freeze(adapter);
}

function requestUrl(config: MastodonConfig, minId: string | undefined): string {
  const limits = { limit: String(PAGE_SIZE), min_id: minId };
  if (config.mode === 'hashtag') return apiUrl(config.instance, `/api/v1/timelines/tag/${encodeURIComponent(config.hashtag)}`, limits);
  // `resolve=false`: only what the instance already knows; resolving would make it fetch other servers for us.
  return apiUrl(config.instance, '/api/v2/search', { q: config.query, type: 'statuses', resolve: 'false', ...limits });
}

/** Mastodon ids are decimal strings of growing length (snowflakes): longer is newer, then lexical order. */
function compareStatusIds(a: string, b: string): number {
  return a.length === b.length ? a.localeCompare(b) : a.length - b.length;
}

/**
 * 401 / 403 said in words the user can act on; the token itself never appears. A 429
 * has X-RateLimit-Reset but no Retry-After (docs.joinmastodon.org/api/rate-limits).
 */
function refusal(error: unknown, config: MastodonConfig): unknown {
  if (error instanceof FetchError && error.httpStatus === 429) return withRateLimitWait(error, RATE_LIMIT_WINDOW_SECONDS);
  if (!(error instanceof FetchError) || (error.httpStatus !== 401 && error.httpStatus !== 403)) return error;
  const host = new URL(config.instance).host;
  const message =
    config.token === undefined
      ? `L’instance ${host} demande un jeton d’accès pour ${config.mode === 'search' ? 'la recherche' : 'ce fil'} : ajoutez-en un dans la configuration de la source.`
      : `L’instance ${host} refuse le jeton d’accès : il a expiré, a été révoqué ou n’a pas le droit de lecture. Créez-en un nouveau.`;
  return new SourceAdapterError('unauthorized', message, `${host} : HTTP ${error.httpStatus}`, { cause: error });
}
