import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SendMailJob } from '../../mail/mailer.js';
import { encryptSecret } from '../../secrets/cipher.js';
import { createKeyring } from '../../secrets/keyring.js';
import { DIALECTS } from '../../test-support/databases.js';
import { startSmtpPeer, type SmtpPeer } from '../../test-support/smtp-peer.js';
import { addTestUser, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { setWatchOwners } from '../watches/store.js';
import { SendAlertWebhookJob, SendWatchDigestsJob } from './alert-jobs.js';
import { sendAlertWebhook } from './send-alert-webhook.js';
import { saveAlertSettings } from './settings-store.js';
import { readAlternativeMail, type AlternativeMail } from './testdata/read-alternative-mail.js';
import { seedGroup, seedItem, seedSource } from './testdata/seed-veille.js';
import { startWebhookReceiver, type WebhookReceiver } from './testdata/start-webhook-receiver.js';

const SECRET = 'secret-de-signature-des-tests-0123456789';
type Mail = AlternativeMail & { readonly to: readonly string[] };

for (const dialect of DIALECTS) {
  describe(`watch alerts over a real SMTP peer and webhook receiver on ${dialect}`, () => {
    let smtp: SmtpPeer;
    let hooks: WebhookReceiver;
    let site: TestSite;
    let owners: string[];
    let ownerIds: number[];
    let sources: number[];

    const mails = (): Mail[] => smtp.received.map((m) => ({ ...readAlternativeMail(m.raw), to: m.to }));
    async function waitUntil(done: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
      const end = Date.now() + timeoutMs;
      while (!(await done())) {
        if (Date.now() > end) throw new Error('condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    /** Gives queued jobs time to run, for checks that something does not come. */
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));
    const advance = (ms: number) => site.setNow(new Date(site.relais.now().getTime() + ms));
    const hooksAt = (path: string) => hooks.received.filter((r) => r.path === path);

    async function addWatch(name: string, query: string, settings: { email?: boolean; webhookPath?: string; digestHour?: number | null } = {}): Promise<number> {
      const { watch } = await site.relais.watches.create({ name, query }, ownerIds[0]!);
      await setWatchOwners(site.relais.db.kysely, watch.id, ownerIds);
      await saveAlertSettings(site.relais.db.kysely, watch.id, {
        email: settings.email ?? true, webhookUrl: settings.webhookPath ? hooks.url(settings.webhookPath) : null,
        encryptedSecret: settings.webhookPath ? encryptSecret(SECRET, createKeyring(site.relais.secretKey)) : null, digestHour: settings.digestHour ?? null,
      });
      return watch.id;
    }
    /** Stores one item per source (the first `count`) telling the same story, and matches them as polling does. */
    async function story(title: string, text: string, count = 1, group?: number): Promise<{ group: number; items: number[] }> {
      const groupId = group ?? await seedGroup(site.relais.db.kysely);
      const items: number[] = [];
      for (const sourceId of sources.slice(0, count)) {
        items.push(await seedItem(site.relais.db.kysely, { sourceId, groupId, title, text, createdAt: site.relais.now().toISOString() }));
      }
      await site.relais.watches.matchNewItems(items);
      return { group: groupId, items };
    }

    before(async () => {
      smtp = await startSmtpPeer();
      hooks = await startWebhookReceiver(SECRET);
      site = await startTestSite(dialect, { SMTP_URL: smtp.url, FETCH_ALLOW_HOSTS: '127.0.0.1' });
      // The production back-offs shortened, so retries show within a test.
      site.relais.jobs.handle(SendMailJob, (message) => site.relais.mailer.send(message), { maxAttempts: 8, retryDelaySeconds: 1 });
      site.relais.jobs.handle(SendAlertWebhookJob, ({ alertId }) => sendAlertWebhook({ ...site.relais, publicUrl: site.relais.config.publicUrl, keyring: createKeyring(site.relais.secretKey) }, alertId),
        { maxAttempts: 6, retryDelaySeconds: 1 });
      await site.relais.jobs.start();
      const users = [await addTestUser(site, 'editor'), await addTestUser(site, 'moderator')];
      owners = users.map((u) => u.email).sort();
      ownerIds = users.map((u) => u.id);
      sources = [];
      for (let i = 0; i < 30; i++) sources.push(await seedSource(site.relais.db.kysely, { title: `Journal ${i + 1}` }));
    });
    after(async () => {
      await site?.close();
      await smtp?.close();
      await hooks?.close();
    });

    test('one story from 30 sites: one e-mail per owner and one signed webhook, then the later copies only update the count', async () => {
      const watch = await addWatch('Budget municipal', 'budget primitif', { webhookPath: '/budget' });
      const { group, items } = await story('Le budget primitif 2027 est voté', 'Le conseil municipal a voté lundi le budget primitif de la commune, en hausse.');
      await waitUntil(() => mails().length >= 2 && hooksAt('/budget').length >= 1);
      const sent = mails().filter((m) => m.subject.includes('Budget municipal'));
      assert.deepEqual(sent.flatMap((m) => m.to).sort(), owners);
      const mail = sent[0]!;
      assert.equal(mail.subject, '[Ma commune] Veille « Budget municipal » : Le budget primitif 2027 est voté');
      assert.match(mail.text, /Source : Journal 1/);
      assert.match(mail.text, /voté lundi le \*budget\* \*primitif\* de la commune/);
      assert.ok(mail.text.includes(`http://relais.test/ecrire/veille/boite?veille=${watch}`));
      assert.match(mail.html, /<mark>budget<\/mark> <mark>primitif<\/mark>/);
      const [hook] = hooksAt('/budget');
      assert.equal(hook!.signed, true, 'the receiver checked the HMAC-SHA256 signature');
      assert.equal(hook!.headers['x-relais-event'], 'veille.alert');
      const body = hook!.body as { event: string; watch: { id: number }; story: { sources_count: number }; item: { id: number; title: string } };
      assert.deepEqual([body.event, body.watch.id, body.item.id, body.story.sources_count], ['veille.alert', watch, items[0], 1]);

      // 29 more sites pick the story up, and one match is published twice: no new alert, the count follows.
      const more = await story('Le budget primitif 2027 est voté', 'Le conseil municipal a voté lundi le budget primitif de la commune, en hausse.', 30, group);
      assert.equal(more.items.length, 30);
      await site.relais.matchNotifier.publish([{ matchId: 0, watchId: watch, itemId: items[0]!, groupId: group, matchedAt: site.relais.now().toISOString() }]);
      await waitUntil(async () => (await site.relais.db.kysely.selectFrom('veille_alerts').select('sources_count').where('watch_id', '=', watch).executeTakeFirst())?.sources_count === 30);
      await settle();
      assert.equal(mails().filter((m) => m.subject.includes('Budget municipal')).length, 2);
      assert.equal(hooksAt('/budget').length, 1);
      const alerts = await site.relais.db.kysely.selectFrom('veille_alerts').select(['sources_count', 'first_item_id']).where('watch_id', '=', watch).execute();
      assert.deepEqual(alerts, [{ sources_count: 30, first_item_id: items[0] }]);
    });

    test('a webhook answering 500 is retried with back-off and delivered once, while another watch\'s alerts go out meanwhile', async () => {
      hooks.answer('/panne', (n) => (n === 1 ? 500 : 200));
      hooks.answer('/toujours-en-panne', () => 503);
      const broken = await addWatch('Travaux', 'travaux voirie', { webhookPath: '/toujours-en-panne', email: false });
      const flaky = await addWatch('Festival', 'festival', { webhookPath: '/panne', email: false });
      const quiet = await addWatch('Piscine', 'piscine', { webhookPath: '/piscine', email: false });
      await story('Travaux de voirie rue Haute', 'Des travaux de voirie commencent lundi rue Haute.');
      await story('Le festival revient', 'Le festival de musique revient cet été au parc.');
      await waitUntil(() => hooksAt('/panne').length >= 1 && hooksAt('/toujours-en-panne').length >= 1);
      await story('La piscine rouvre', 'La piscine municipale rouvre ses portes samedi.');
      await waitUntil(() => hooksAt('/piscine').length >= 1);
      for (let i = 0; i < 8 && hooksAt('/panne').length < 2; i++) {
        advance(4000); // SQLite retries on the business clock; PostgreSQL's back-off is a second here
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      await waitUntil(() => hooksAt('/panne').length >= 2);
      await settle();
      assert.equal(hooksAt('/panne').length, 2, 'delivered, then never again');
      assert.ok(hooksAt('/panne').every((h) => h.signed), 'each try is signed anew');
      const rows = await site.relais.db.kysely.selectFrom('veille_alerts').select(['watch_id', 'webhook_attempts', 'sent_webhook_at', 'webhook_last_error'])
        .where('watch_id', 'in', [broken, flaky, quiet]).orderBy('watch_id').execute();
      assert.equal(rows[1]!.webhook_attempts, 2);
      assert.ok(rows[1]!.sent_webhook_at !== null && rows[1]!.webhook_last_error === null);
      assert.equal(rows[0]!.sent_webhook_at, null);
      assert.match(rows[0]!.webhook_last_error ?? '', /503/);
      assert.ok(rows[2]!.sent_webhook_at !== null);
    });

    test('an archived item back-filled into a new watch\'s inbox is never alerted', async () => {
      const old = await seedItem(site.relais.db.kysely, { sourceId: sources[0]!, title: 'La médiathèque fête ses 20 ans', text: 'La médiathèque fête ses vingt ans samedi.' });
      const watch = await addWatch('Médiathèque', 'médiathèque', { webhookPath: '/mediatheque' });
      const backfilled = await site.relais.db.kysely.selectFrom('veille_matches').select(['item_id', 'backfilled']).where('watch_id', '=', watch).execute();
      assert.deepEqual(backfilled, [{ item_id: old, backfilled: 1 }]);
      await settle();
      assert.equal(mails().filter((m) => m.subject.includes('Médiathèque')).length, 0);
      assert.equal(hooksAt('/mediatheque').length, 0);
      assert.equal((await site.relais.db.kysely.selectFrom('veille_alerts').select('id').where('watch_id', '=', watch).execute()).length, 0);
    });

    test('the daily digest goes at the watch\'s Paris hour with the day\'s stories and counts, once, and not at all on a quiet day', async () => {
      site.setNow(new Date('2026-12-01T10:00:00.000Z'));
      const watch = await addWatch('Marché de Noël', 'marché noël', { email: false, digestHour: 8 });
      await story('Le marché de Noël ouvre', 'Le marché de Noël ouvre vendredi place de la Mairie.', 3);
      await story('Marché de Noël : les horaires', 'Les horaires du marché de Noël sont publiés.');
      await waitUntil(async () => (await site.relais.db.kysely.selectFrom('veille_alerts').select('id').where('watch_id', '=', watch).execute()).length === 2);
      const digests = () => mails().filter((m) => m.subject.includes('Marché de Noël'));
      site.setNow(new Date('2026-12-02T06:30:00.000Z')); // 07:30 in Paris: not yet
      await site.relais.jobs.enqueue(SendWatchDigestsJob, {});
      await settle();
      assert.equal(digests().length, 0);
      site.setNow(new Date('2026-12-02T07:05:00.000Z')); // 08:05 in Paris
      await site.relais.jobs.enqueue(SendWatchDigestsJob, {});
      await waitUntil(() => digests().length >= 2);
      const digest = digests()[0]!;
      assert.equal(digest.subject, '[Ma commune] Veille « Marché de Noël » : 2 sujets le 2 décembre 2026');
      assert.match(digest.text, /- Le marché de Noël ouvre \(3 sources\)\n.*\n- Marché de Noël : les horaires \(1 source\)/);
      assert.deepEqual(digests().flatMap((m) => m.to).sort(), owners);
      site.setNow(new Date('2026-12-02T15:00:00.000Z'));
      await site.relais.jobs.enqueue(SendWatchDigestsJob, {});
      site.setNow(new Date('2026-12-03T07:10:00.000Z')); // the next day, nothing new
      await site.relais.jobs.enqueue(SendWatchDigestsJob, {});
      await settle();
      assert.equal(digests().length, 2);
    });
  });
}
