import { join } from 'node:path';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase, sqliteFileIn } from './db/open-database.js';
import { createJobQueue } from './jobs/create-job-queue.js';
import type { JobQueue } from './jobs/job.js';
import { createLogger, type Logger } from './logger.js';
import { checkSecretKey } from './secrets/key-check.js';
import { deriveKey, resolveSecretKey } from './secrets/secret-key.js';
import { createBlogService, PublishScheduledArticleJob, type BlogService } from './blog/service.js';
import { createMediaService, DeleteReplacedMediaJob, MakeMediaVariantsJob, type MediaService } from './media/service.js';
import { PURGE_MEDIA_TEMPORARY_FILES_INTERVAL_SECONDS, PurgeMediaTemporaryFilesJob, purgeMediaTemporaryFiles } from './media/purge-temporary-files.js';
import { createMediaStorage } from './media/create-media-storage.js';
import type { MediaStorage } from './media/media-storage.js';
import { createAccountService, type AccountService } from './accounts/service.js';
import { createVisitorService, type VisitorService } from './accounts/visitors/visitor-service.js';
import { createForumService, type ForumService } from './forum/service.js';
import { FORUM_DIGEST_INTERVAL_SECONDS, SendForumDigestJob } from './forum/notifications/forum-event.js';
import { registerForumMail } from './forum/notifications/register-forum-mail.js';
import { createMailer, SendMailJob, type Mailer } from './mail/mailer.js';
import { HOUSEKEEPING_INTERVAL_SECONDS, HousekeepingJob, runHousekeeping } from './site/housekeeping.js';
import { createGuardedFetch, type FetchResource } from './veille/fetch/create-guarded-fetch.js';
import { POLL_DUE_SOURCES_INTERVAL_SECONDS, PollDueSourcesJob, pollDueSources } from './veille/sources/poll-due-sources.js';
import { PURGE_OLD_ITEMS_INTERVAL_SECONDS, PurgeOldItemsJob, purgeOldItems } from './veille/items/purge-old-items.js';
import { createMatchNotifier, type MatchNotifier } from './veille/watches/match-notifier.js';
import { createWatchService, type WatchService } from './veille/watches/service.js';
import { createKeyring, type Keyring } from './secrets/keyring.js';
import { SendWatchDigestsJob, WATCH_DIGESTS_INTERVAL_SECONDS } from './veille/alerts/alert-jobs.js';
import { registerWatchAlerts } from './veille/alerts/register-watch-alerts.js';
import { INSTALLED_ADAPTERS } from './relay/installed-adapters.js';
import { PUBLISH_DUE_VARIANTS_INTERVAL_SECONDS, PublishDueVariantsJob } from './relay/outbox/publish-due-variants-job.js';
import { createRelayService, type RelayService } from './relay/relay-service.js';
import { createVariantMediaLoader } from './relay/outbox/load-variant-media.js';

/** The wired application: configuration, storage, jobs and the services every entry point uses. */
export interface Relais {
  readonly config: Config;
  readonly db: Db;
  readonly jobs: JobQueue;
  readonly logger: Logger;
  readonly secretKey: string;
  /** The clock every service reads (tests may move it). */
  readonly now: () => Date;
  readonly blog: BlogService;
  readonly accounts: AccountService;
  /** Visitor accounts for the forums *sur abonnement*: invitations and self-registration. */
  readonly visitors: VisitorService;
  readonly forum: ForumService;
  readonly mailer: Mailer;
  /** Encrypts and decrypts the secrets stored in the database (tokens, webhook keys), from `secretKey`. */
  readonly keyring: Keyring;
  /** The one guarded HTTP client of every outgoing request (feeds, social APIs, webhooks). */
  readonly fetchResource: FetchResource;
  /** "Matches recorded" as items arrive (never back-fill): alerts and the live inbox subscribe. */
  readonly matchNotifier: MatchNotifier;
  /** Watches: saved, matched against each new item (`watches.matchNewItems`, polling's `onItemsStored`), back-filled. */
  readonly watches: WatchService;
  /** The relay to social networks: pages, drafts, approval, the outbox (`relay.publishDue`). */
  readonly relay: RelayService;
  /** The media library (images, documents) and where its files live (disk or S3). */
  readonly media: MediaService;
  readonly mediaStorage: MediaStorage;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly now?: () => Date;
  readonly logger?: Logger;
}

/**
 * Composition root: config → database (migrated, key checked) → job queue → services.
 * Every entry point (`relais serve`, `worker`, CLI commands, tests) starts here.
 */
export async function openRelais(config: Config, options: OpenOptions = {}): Promise<Relais> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger();
  const secretKey = resolveSecretKey(config);
  const db = openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqliteFile: sqliteFileIn(config.dataDir) },
    (err) => logger.warn({ err }, 'db.connection.lost'),
  );
  try {
    await migrateToLatest(db);
    await checkSecretKey(db.kysely, secretKey);
  } catch (error) {
    await db.close();
    throw error;
  }
  const jobs = createJobQueue(db, { logger, now });
  const blog = createBlogService({
    db, jobs, now,
    // `relay` is created below; an article is only published once openRelais has returned.
    onPublished: (article) => relay.autoDraft(article).catch((err: unknown) => logger.warn({ err, articleId: article.id }, 'relay.auto_draft.failed')),
  });
  const accounts = createAccountService({ db, now });
  const visitors = createVisitorService({ db, now, accounts });
  const forum = registerForumMail({ db, jobs, now, logger, publicUrl: config.publicUrl, secretKey, mailEnabled: config.smtpUrl !== undefined }, createForumService({ db, now, tokenKey: deriveKey(secretKey, 'forum-token') }));
  const mailer = createMailer(config.smtpUrl, `Relais <relais@${new URL(config.publicUrl).hostname}>`);
  jobs.handle(PublishScheduledArticleJob, ({ articleId }) => blog.markScheduledPublication(articleId));
  jobs.handle(SendMailJob, (message) => mailer.send(message), { maxAttempts: 8, retryDelaySeconds: 60 });
  jobs.handle(HousekeepingJob, () => runHousekeeping(db, now()));
  const keyring = createKeyring(secretKey);
  const mediaTmpDir = join(config.dataDir, 'tmp');
  const fetchResource = createGuardedFetch({ publicUrl: config.publicUrl, allowHosts: config.fetchAllowHosts, maxConcurrent: config.fetchConcurrency });
  const matchNotifier = createMatchNotifier((err) => logger.warn({ err }, 'veille.match.listener-failed'));
  const watches = createWatchService({ db, now, notifier: matchNotifier, logger });
  registerWatchAlerts({ db, jobs, now, logger, publicUrl: config.publicUrl, fetchResource, keyring, mailEnabled: config.smtpUrl !== undefined }, matchNotifier);
  jobs.handle(PollDueSourcesJob, async () => { await pollDueSources({ db, fetchResource, now, logger, onItemsStored: watches.matchNewItems, keyring }); });
  jobs.handle(PurgeOldItemsJob, async () => { await purgeOldItems(db, now()); });
  const mediaStorage = createMediaStorage(config);
  const media = createMediaService({ db, jobs, storage: mediaStorage, tmpDir: mediaTmpDir, now });
  jobs.handle(MakeMediaVariantsJob, ({ mediaId }) => media.makeVariants(mediaId), { maxAttempts: 3 });
  jobs.handle(DeleteReplacedMediaJob, ({ keys }) => media.deleteReplaced(keys));
  jobs.handle(PurgeMediaTemporaryFilesJob, async () => { await purgeMediaTemporaryFiles(mediaTmpDir, now()); });
  const relay = createRelayService({
    db, keyring, adapters: INSTALLED_ADAPTERS, fetch: fetchResource, now, publicUrl: config.publicUrl, logger,
    loadMedia: createVariantMediaLoader(db.kysely, mediaStorage, config.publicUrl),
  });
  jobs.handle(PublishDueVariantsJob, async () => { await relay.publishDue(); });

  return {
    config, db, jobs, logger, secretKey, now, blog, accounts, visitors, forum, mailer, keyring, fetchResource, matchNotifier, watches, relay, media, mediaStorage,
    async close() {
      await jobs.stop();
      await db.close();
    },
  };
}

/**
 * Makes this process consume background jobs, with the recurring ones scheduled: `relais worker`,
 * and `relais serve` on SQLite (where jobs run in-process).
 */
export async function startBackgroundWork(relais: Relais): Promise<void> {
  await relais.jobs.every(HousekeepingJob, HOUSEKEEPING_INTERVAL_SECONDS);
  await relais.jobs.every(SendForumDigestJob, FORUM_DIGEST_INTERVAL_SECONDS);
  await relais.jobs.every(PollDueSourcesJob, POLL_DUE_SOURCES_INTERVAL_SECONDS);
  await relais.jobs.every(PurgeOldItemsJob, PURGE_OLD_ITEMS_INTERVAL_SECONDS);
  await relais.jobs.every(PurgeMediaTemporaryFilesJob, PURGE_MEDIA_TEMPORARY_FILES_INTERVAL_SECONDS);
  await relais.jobs.every(PublishDueVariantsJob, PUBLISH_DUE_VARIANTS_INTERVAL_SECONDS);
  await relais.jobs.every(SendWatchDigestsJob, WATCH_DIGESTS_INTERVAL_SECONDS);
  await relais.jobs.start();
}
