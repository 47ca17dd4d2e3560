import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openRelais } from '../main.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test-support/databases.js';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.js';
import { buildArticle } from '../test-support/test-site.js';
import { writeForumLimits } from './forum-limits.js';
import { listContributionsForModeration } from './store.js';
import { openForumForm, sendForumForm, type ForumFormSession } from './testdata/forum-form-over-http.js';

/** The server is killed once this many contributions were acknowledged… */
const ACKNOWLEDGED_BEFORE_KILL = 120;
/** …while this many more are on their way. */
const IN_FLIGHT = 8;
/** A bound on the stream, whatever happens. */
const MAX_SENT = 400;

/** Texts a forum really receives: accents, ligatures, emoji (joined and flagged), shortcuts, markup, several paragraphs, some long. */
function messageText(n: number): string {
  const pieces = [
    `Marqueur durable-${n} : l’été à Val-Fleuri, c’est « génial » !`,
    'Œuvre, cœur, ÇA, déjà-vu, naïveté, Noël — 20 °C… 😀 👩‍👩‍👧 🇫🇷 🏳️‍🌈',
    '{{gras}} {italique} [lien->https://exemple.fr] <quote>citation</quote> <script>alert(1)</script>',
    '\tTabulation, espace fine insécable\u202F!, et un décalage droite-à-gauche \u202Eabc\u202C.',
  ];
  const body = pieces.slice(0, 1 + (n % pieces.length)).join('\n\n');
  return n % 25 === 0 ? `${body}\n\n${'Un long paragraphe où chaque mot compte. '.repeat(150)}` : body;
}

/** Prepares the data folder or database the server will start on: one article, posting limits off. */
async function prepareSite(database: TestDatabase): Promise<string> {
  const relais = await openRelais(parseConfig(database.env), { logger: createLogger({ level: 'silent' }) });
  try {
    // The per-address and site-wide limits are settings; 0 turns them off. The 3-second minimum
    // stays: the form's token is taken once, ahead, and reused (it is valid for hours).
    await writeForumLimits(relais.db.kysely, { postsPerAddress: 0, postsPerSite: 0 });
    const article = await relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Le marché de Noël' }));
    return article.slug;
  } finally {
    await relais.close();
  }
}

interface StreamOutcome {
  /** Marker number → text, for every contribution whose 303 came back. */
  readonly acknowledged: Map<number, string>;
  /** Requests that got no answer (cut by the kill) or another status. */
  readonly unanswered: number;
}

/** Sends contributions, `IN_FLIGHT` at a time, and SIGKILLs the server in the middle of the stream. */
async function streamThenKill(server: ServerProcess, form: ForumFormSession): Promise<StreamOutcome> {
  const acknowledged = new Map<number, string>();
  let unanswered = 0;
  let next = 0;
  let killing: Promise<void> | undefined;
  const sender = async () => {
    while (killing === undefined && next < MAX_SENT) {
      const n = next++;
      const text = messageText(n);
      const status = await sendForumForm(server.url, form, { nom: `Zoé Ñúñez ${n} 🌻`, texte: text }).catch(() => 0);
      if (status === 303) acknowledged.set(n, text);
      else unanswered += 1;
      if (acknowledged.size >= ACKNOWLEDGED_BEFORE_KILL) killing ??= server.kill();
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
  await killing;
  return { acknowledged, unanswered };
}

for (const dialect of DIALECTS) {
  describe(`nothing lost on ${dialect}`, () => {
    test('every contribution acknowledged before a SIGKILL of the server is there after a restart, byte for byte', { timeout: 240_000 }, async (t) => {
      const database = await createTestDatabase(dialect);
      const servers: ServerProcess[] = [];
      try {
        const slug = await prepareSite(database);
        servers.push(await startServerProcess(database.env));
        const form = await openForumForm(servers[0]!.url, slug);
        // The time token is stamped up to a second late: wait the 3-second minimum and one more.
        await new Promise((resolve) => setTimeout(resolve, 4_100));

        const { acknowledged, unanswered } = await streamThenKill(servers[0]!, form);
        assert.ok(acknowledged.size >= ACKNOWLEDGED_BEFORE_KILL, `only ${acknowledged.size} acknowledged:\n${servers[0]!.output()}`);
        assert.equal(servers[0]!.child.signalCode, 'SIGKILL');
        assert.ok(unanswered >= 1, 'the kill cut no request: it did not happen mid-stream');
        t.diagnostic(`${acknowledged.size} acknowledged, ${unanswered} cut by the kill`);

        const restarted = await startServerProcess(database.env);
        servers.push(restarted);
        // The restarted server takes new contributions with the same form (same key, same cookie).
        assert.equal(await sendForumForm(restarted.url, form, { nom: 'Après redémarrage', texte: 'Marqueur durable-après' }), 303);

        const relais = await openRelais(parseConfig(database.env), { logger: createLogger({ level: 'silent' }) });
        try {
          const stored = await listContributionsForModeration(relais.db.kysely, { limit: 10_000, offset: 0 });
          const byMarker = new Map<number, typeof stored>();
          for (const c of stored) {
            const n = Number(/durable-(\d+) /.exec(c.body)?.[1] ?? -1);
            byMarker.set(n, [...(byMarker.get(n) ?? []), c]);
          }
          for (const [n, text] of acknowledged) {
            const found = byMarker.get(n) ?? [];
            assert.equal(found.length, 1, `contribution ${n}: ${found.length} rows`);
            assert.equal(found[0]!.body, text, `contribution ${n} altered`);
            assert.equal(found[0]!.authorName, `Zoé Ñúñez ${n} 🌻`);
            assert.equal(Buffer.compare(Buffer.from(found[0]!.body), Buffer.from(text)), 0);
          }
          // Unacknowledged ones may or may not have been stored, but never twice.
          assert.ok([...byMarker.values()].every((rows) => rows.length === 1));
          assert.ok(stored.length <= acknowledged.size + unanswered + 1);
          assert.ok(stored.some((c) => c.body === 'Marqueur durable-après'));
        } finally {
          await relais.close();
        }
      } finally {
        for (const server of servers) await server.stop();
        await database.drop();
      }
    });
  });
}
