// Child process of the site benchmark: a demo Relais and a baseline Fastify app on two ports.
// The baseline returns, from memory, the very bytes of the article page: the ceiling to compare with.
// Argument: how many published forum contributions the article carries (default 0).
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
import { openRelais } from '../src/main.js';
import { prepareFirstStart } from '../src/site/first-start.js';
import { bumpSiteVersion } from '../src/site/site-version.js';
import { listPublicArticles } from '../src/blog/store.js';
import { insertContribution } from '../src/forum/store.js';

const dataDir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
const relais = await openRelais(parseConfig({ DATA_DIR: dataDir, ...(process.env.BENCH_DATABASE_URL && { DATABASE_URL: process.env.BENCH_DATABASE_URL, SECRET_KEY: 'bench-secret-key-0123456789abcdef0123456789' }) }), { logger: createLogger({ level: 'silent' }) });
await prepareFirstStart(relais);
const app = await buildApp(relais);
const [article] = await listPublicArticles(relais.db.kysely, { now: new Date(), limit: 1, offset: 0 });
if (!article) throw new Error('no demo article');
const path = `/article/${article.slug}`;
await publishContributions(article.id, Number(process.argv[2] ?? 0));
const page = await app.inject({ method: 'GET', url: path });

// Uncached render time: bump the change counter before each request so every one renders.
const renders: number[] = [];
for (let i = 0; i < 200; i++) {
  await bumpSiteVersion(relais.db.kysely);
  const start = process.hrtime.bigint();
  await app.inject({ method: 'GET', url: path });
  renders.push(Number(process.hrtime.bigint() - start) / 1e6);
}

const baseline = Fastify();
const bytes = page.body;
baseline.get(path, (_request, reply) => reply.header('content-type', 'text/html; charset=utf-8').send(bytes));
const baselineInject: number[] = [];
for (let i = 0; i < 200; i++) {
  const start = process.hrtime.bigint();
  await baseline.inject({ method: 'GET', url: path });
  baselineInject.push(Number(process.hrtime.bigint() - start) / 1e6);
}

await app.listen({ port: 0, host: '127.0.0.1' });
await baseline.listen({ port: 0, host: '127.0.0.1' });
const port = (server: typeof app) => (server.server.address() as { port: number }).port;
process.stdout.write(JSON.stringify({
  relais: `http://127.0.0.1:${port(app)}${path}`,
  baseline: `http://127.0.0.1:${port(baseline)}${path}`,
  bytes: Buffer.byteLength(bytes),
  dialect: relais.db.dialect,
  renders,
  baselineInject,
}) + '\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  await app.close();
  await baseline.close();
  await relais.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});

/** Publishes `count` contributions under the article, one in four answering an earlier one, as a lively forum has. */
async function publishContributions(articleId: number, count: number): Promise<void> {
  const published: { id: number; threadId: number }[] = [];
  for (let n = 0; n < count; n++) {
    const parent = n % 4 === 3 ? published[(n * 7) % published.length] : undefined;
    const created = await insertContribution(relais.db.kysely, {
      articleId, parentId: parent?.id ?? null, threadId: parent?.threadId ?? null, authorName: `Habitant·e ${n}`, email: null,
      body: `Merci pour cet article ! Le {{marché}} du samedi est un vrai plaisir ; voir [le programme->https://exemple.fr/marche-${n}].\n\n` +
        `Une question : les horaires d’été changent-ils ? {Bonne journée} à toutes et à tous. `.repeat(1 + (n % 3)),
      status: 'published', ip: null, notifyReplies: false, isOrganisationAnswer: false, spamScore: 0, spamReasons: [], userId: null,
    }, new Date(Date.now() - (count - n) * 60_000));
    published.push({ id: created.id, threadId: created.threadId ?? created.id });
  }
  if (count > 0) await bumpSiteVersion(relais.db.kysely);
}
