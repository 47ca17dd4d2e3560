import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open-database.js';
import type { Db } from '../../db/database.js';
import { decryptSecret } from '../../secrets/cipher.js';
import { createKeyring } from '../../secrets/keyring.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { runCommandInMemory } from '../../test-support/run-cli.js';
import { sourcesCommands } from './cli.js';
import { findSourceByUrl } from './store.js';

const TOKEN = 'Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY';

for (const dialect of DIALECTS) {
  describe(`relais sources add --kind … on ${dialect}`, () => {
    let database: TestDatabase;
    let db: Db;
    const run = (args: string[], input = '') => runCommandInMemory(sourcesCommands, ['sources', ...args], database.env, input);
    before(async () => {
      database = await createTestDatabase(dialect);
      // The first command migrates the database.
      await run(['list']);
      db = openDatabase(database.target);
    });
    after(async () => {
      await db?.close();
      await database?.drop();
    });

    test('adds a Mastodon hashtag once, whatever its spelling', async () => {
      const added = await run(['add', '--kind', 'mastodon', '--instance', 'Mastodon.Exemple.fr', '--hashtag', '#ConseilMunicipal']);
      assert.equal(added.code, 0, added.stderr);
      assert.match(added.stdout, /Source ajoutée \(n° \d+\) : Mastodon : #ConseilMunicipal sur mastodon\.exemple\.fr\nhttps:\/\/mastodon\.exemple\.fr\/tags\/conseilmunicipal\n$/);
      const again = await run(['add', '--kind', 'mastodon', '--instance', 'https://mastodon.exemple.fr/', '--hashtag', 'conseilmunicipal']);
      assert.match(again.stdout, /déjà suivie/);
      const row = await findSourceByUrl(db.kysely, 'https://mastodon.exemple.fr/tags/conseilmunicipal');
      assert.equal(row?.kind, 'mastodon');
      assert.deepEqual(JSON.parse(row!.config!), { instance: 'https://mastodon.exemple.fr', mode: 'hashtag', hashtag: 'ConseilMunicipal' });
      assert.equal(row?.access_token, null);
    });

    test('a Mastodon search’s token from standard input or a file is stored encrypted and never printed', async () => {
      const added = await run(['add', '--kind', 'mastodon', '--instance', 'mastodon.exemple.fr', '--search', 'budget participatif', '--token-stdin'], `${TOKEN}\n`);
      assert.equal(added.code, 0, added.stderr);
      assert.match(added.stdout, /Jeton d’accès enregistré \(chiffré\)/);
      const row = await findSourceByUrl(db.kysely, 'https://mastodon.exemple.fr/search?q=budget+participatif');
      assert.ok(row?.access_token);
      assert.ok(!row.access_token.includes(TOKEN) && !row.config!.includes(TOKEN));
      assert.equal(decryptSecret(row.access_token, createKeyring(database.env.SECRET_KEY!)), TOKEN);

      const file = join(database.dataDir, 'jeton.txt');
      writeFileSync(file, `${TOKEN}\n`);
      const fromFile = await run(['add', '--kind', 'mastodon', '--instance', 'autre.exemple.fr', '--search', 'piscine', '--token-file', file]);
      assert.equal(fromFile.code, 0, fromFile.stderr);
      const listed = await run(['list', '--json']);
      assert.doesNotMatch(listed.stdout, new RegExp(`${TOKEN}|v1\\.`));
      const rows = JSON.parse(listed.stdout) as { url: string; has_access_token: boolean }[];
      assert.equal(rows.find((r) => r.url === row.url)?.has_access_token, true);
      for (const result of [added, fromFile, listed]) assert.doesNotMatch(`${result.stdout}${result.stderr}`, new RegExp(TOKEN));
    });

    test('relais sources token replaces an expired token or removes it, never printing it', async () => {
      const row = (await findSourceByUrl(db.kysely, 'https://mastodon.exemple.fr/search?q=budget+participatif'))!;
      const NEW = 'bm91dmVhdS1qZXRvbi1kZS10ZXN0LTk4NzY1';
      const replaced = await run(['token', String(row.id), '--token-stdin'], `${NEW}\n`);
      assert.equal(replaced.code, 0, replaced.stderr);
      assert.match(replaced.stdout, /Jeton d’accès enregistré \(chiffré\)/);
      assert.doesNotMatch(replaced.stdout + replaced.stderr, new RegExp(NEW));
      const stored = (await findSourceByUrl(db.kysely, row.url))!.access_token!;
      assert.equal(decryptSecret(stored, createKeyring(database.env.SECRET_KEY!)), NEW);
      const refused = await run(['token', String(row.id), '--token-stdin'], 'pas un jeton\n');
      assert.equal(refused.code, 2);
      assert.equal((await findSourceByUrl(db.kysely, row.url))!.access_token, stored, 'a refused token changes nothing');
      const feedless = (await findSourceByUrl(db.kysely, 'https://mastodon.exemple.fr/tags/conseilmunicipal'))!;
      assert.equal((await run(['token', String(feedless.id), '--remove', '--token-stdin'])).code, 2);
      assert.equal((await run(['token', String(row.id)])).code, 2);
      assert.equal((await run(['token', '99999', '--remove'])).code, 1);
      assert.equal((await run(['token', String(row.id), '--remove'])).code, 0);
      assert.equal((await findSourceByUrl(db.kysely, row.url))!.access_token, null);
    });

    test('a token on the command line works but warns; a token for another network or a bad one is refused', async () => {
      const warned = await run(['add', '--kind', 'mastodon', '--instance', 'troisieme.exemple.fr', '--search', 'école', '--token', TOKEN]);
      assert.equal(warned.code, 0, warned.stderr);
      assert.match(warned.stderr, /historique du shell/);
      assert.equal((await run(['add', '--kind', 'reddit', '--subreddit', 'france', '--token', TOKEN])).code, 2);
      const bad = await run(['add', '--kind', 'mastodon', '--instance', 'quatre.exemple.fr', '--search', 'x', '--token-stdin'], 'pas un jeton\n');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--token-file : Le jeton d’accès n’a pas la forme attendue/);
      assert.doesNotMatch(bad.stderr, /pas un jeton/);
    });

    test('adds Bluesky, Reddit and YouTube sources; says in French which option is wrong', async () => {
      const bluesky = await run(['add', '--kind', 'bluesky', '--search', 'budget participatif', '--language', 'fr']);
      assert.match(bluesky.stdout, /Bluesky : recherche « budget participatif » \(langue fr\)\nhttps:\/\/bsky\.app\/search\?q=budget\+participatif&lang=fr/);
      assert.match((await run(['add', '--kind', 'reddit', '--subreddit', 'r/France'])).stdout, /https:\/\/www\.reddit\.com\/r\/france\/new\//);
      assert.match((await run(['add', '--kind', 'reddit', '--search', 'piscine'])).stdout, /Reddit : recherche « piscine »/);
      assert.match((await run(['add', '--kind', 'youtube', '--channel', 'UCx3Wk0m5bVqQ0Ga9kGm3nPw'])).stdout, /https:\/\/www\.youtube\.com\/channel\/UCx3Wk0m5bVqQ0Ga9kGm3nPw/);

      const noHashtag = await run(['add', '--kind', 'mastodon', '--instance', 'mastodon.exemple.fr', '--hashtag', 'deux mots']);
      assert.equal(noHashtag.code, 2);
      assert.match(noHashtag.stderr, /--hashtag : Indiquez un mot-dièse sans espace/);
      const noMode = await run(['add', '--kind', 'reddit']);
      assert.match(noMode.stderr, /--hashtag \/ --subreddit \/ --search : Choisissez/);
      assert.match((await run(['add', '--kind', 'youtube', '--channel', '@mairie'])).stderr, /--channel : Un nom de chaîne en « @ » ne suffit pas/);
      assert.equal((await run(['add', '--kind', 'myspace'])).code, 2);
      const feedWithOption = await run(['add', 'https://ville.exemple.fr/feed', '--hashtag', 'x']);
      assert.equal(feedWithOption.code, 2);
      assert.match(feedWithOption.stderr, /--hashtag ne vaut que pour une source de réseau social/);

      const listed = await run(['list']);
      assert.match(listed.stdout, /\tChaîne YouTube\t/);
      assert.match(listed.stdout, /\tBluesky\tjamais consultée\tBluesky : recherche/);
      const exported = await run(['export']);
      assert.doesNotMatch(exported.stdout, /reddit|bsky|youtube|mastodon/, 'a social source is no feed for another reader');
    });
  });
}
