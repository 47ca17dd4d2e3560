import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { runPgTool } from '../backup/pg-tool.js';
import { COMMANDS } from '../cli/commands.js';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openRelais } from '../main.js';
import { createTestDatabase, DIALECTS } from '../test-support/databases.js';
import { runCommandInMemory } from '../test-support/run-cli.js';
import { buildArticle } from '../test-support/test-site.js';
import { CHANNELS } from './channels/channels.js';
import { startFakeMastodonServer } from './channels/testdata/fake-mastodon-server.js';

const TOKEN = 'mastodon-jeton-UNIQUE-7f3c9a1b2d4e6f80';

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

for (const dialect of DIALECTS) {
  describe(`relais relay on ${dialect}`, () => {
    test('pages add, draft, approve and run; the token is never printed nor stored in clear', { timeout: 120_000 }, async () => {
      const database = await createTestDatabase(dialect);
      const network = await startFakeMastodonServer({ tokens: [TOKEN] });
      const scratch = mkdtempSync(join(tmpdir(), 'relais-relay-cli-'));
      const env = { ...database.env, FETCH_ALLOW_HOSTS: '127.0.0.1' };
      const relais = (args: string[], input = '') => runCommandInMemory(COMMANDS, ['relay', ...args], env, input);
      const outputs: string[] = [];
      try {
        const added = await relais(['pages', 'add', 'mastodon', '--name', 'jeunesse', '--audience', 'Jeunesse', '--instance', network.origin, '--token', TOKEN]);
        assert.equal(added.code, 0, added.stderr);
        assert.match(added.stderr, /Attention : un jeton donné avec --token reste dans l’historique du shell/);
        assert.match(added.stdout, /jeton enregistré \(…6f80\)/);
        const tokenFile = join(scratch, 'jeton');
        writeFileSync(tokenFile, `${TOKEN}\n`);
        const fromFile = await relais(['pages', 'add', 'mastodon', '--name', 'emploi', '--audience', 'Emploi', '--instance', network.origin, '--token-file', tokenFile]);
        assert.equal(fromFile.code, 0, fromFile.stderr);
        assert.equal(fromFile.stderr, '');
        const fromStdin = await relais(['pages', 'add', 'mastodon', '--name', 'culture', '--audience', 'Culture', '--instance', network.origin], `${TOKEN}\n`);
        assert.equal(fromStdin.code, 0, fromStdin.stderr);
        const noToken = await relais(['pages', 'add', 'mastodon', '--name', 'vide', '--audience', 'x', '--instance', network.origin]);
        assert.equal(noToken.code, 2);

        const listed = await relais(['pages', '--json']);
        const pages = JSON.parse(listed.stdout) as { name: string; account_name: string; token_hint: string }[];
        assert.deepEqual(pages.map((p) => p.name).sort(), ['culture', 'emploi', 'jeunesse']);
        assert.ok(pages.every((p) => p.account_name.startsWith('@mairie@') && p.token_hint === '6f80' && !('credentials' in p)));

        // An article to relay, through the real blog service of a CLI-opened Relais.
        const site = await openRelais(parseConfig(env), { logger: createLogger({ level: 'silent' }) });
        const article = await site.blog.createArticle({ userId: null }, buildArticle({ title: 'Fête de la musique 🎶', lead: 'Concerts « gratuits » : 18 h – minuit !', slug: 'fete-de-la-musique' }));
        await site.close();

        const drafted = await relais(['draft', article.slug, '--pages', 'jeunesse,emploi', '--json']);
        assert.equal(drafted.code, 0, drafted.stderr);
        const rows = JSON.parse(drafted.stdout) as { id: number; page: string; text: string; length: number; limit: number }[];
        assert.deepEqual(rows.map((r) => r.page), ['jeunesse', 'emploi']);
        for (const row of rows) {
          assert.deepEqual(Object.keys(row), ['id', 'page', 'text', 'length', 'limit']);
          assert.equal(row.length, CHANNELS.mastodon.countLength(row.text));
          assert.equal(row.limit, 500);
          assert.match(row.text, /utm_source=mastodon&utm_medium=social&utm_campaign=fete-de-la-musique/);
        }
        const plain = await relais(['draft', article.slug, '--pages', 'culture']);
        assert.match(plain.stdout, /^n° 3\tculture\t\d+ \/ 500\n/);
        assert.equal((await relais(['draft', article.slug, '--pages', 'inconnue'])).code, 1);

        const later = await relais(['approve', String(rows[1]!.id), '--at', '2099-01-01T09:00:00+01:00']);
        assert.match(later.stdout, /programmée pour 2099-01-01T08:00:00\.000Z/);
        assert.equal((await relais(['approve', String(rows[0]!.id)])).code, 0);
        assert.equal((await relais(['approve', String(rows[0]!.id)])).code, 1, 'approved once only');
        const run = await relais(['run', '--once']);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, new RegExp(`^n° ${rows[0]!.id}\tjeunesse\tpubliée\t`, 'm'));
        assert.match(run.stdout, /1 publiée\(s\), 0 à réessayer, 0 en échec\./);
        assert.equal(network.posts.length, 1);
        assert.equal(network.posts[0]!.text, rows[0]!.text);
        assert.equal((await relais(['run'])).code, 2);
        outputs.push(added.stdout, fromFile.stdout, fromStdin.stdout, listed.stdout, drafted.stdout, run.stdout, run.stderr);

        // At rest: after a checkpoint, no file of the data folder, nor a dump, holds the token.
        const token = Buffer.from(TOKEN);
        for (const output of outputs) assert.ok(!output.includes(TOKEN));
        if (dialect === 'sqlite') {
          const sqlite = new SQLite(join(database.dataDir, 'relais.sqlite'));
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
          sqlite.close();
        } else {
          const dump = join(scratch, 'dump.sql');
          await runPgTool('pg_dump', ['--format=plain', `--file=${dump}`], database.env['DATABASE_URL']!, process.env);
          const text = readFileSync(dump);
          assert.ok(text.includes(Buffer.from('relay_pages')), 'the dump holds the pages');
          assert.ok(!text.includes(token), 'pg_dump output holds the token');
        }
        const files = filesUnder(database.dataDir);
        assert.ok(dialect === 'postgres' || files.some((f) => f.endsWith('relais.sqlite')));
        for (const file of files) assert.ok(!readFileSync(file).includes(token), `${file} holds the token`);
      } finally {
        await network.close();
        rmSync(scratch, { recursive: true, force: true });
        await database.drop();
      }
    });
  });
}
