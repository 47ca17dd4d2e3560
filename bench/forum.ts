// The forum's benchmarks: contributions accepted per second over HTTP, and the article page with a lively forum.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.js';
import { openDatabase, sqliteFileIn } from '../src/db/open-database.js';
import { createLogger } from '../src/logger.js';
import { openRelais } from '../src/main.js';
import { DEFAULT_FORUM_LIMITS, FORUM_LIMIT_WINDOW_SECONDS, writeForumLimits } from '../src/forum/forum-limits.js';
import { countContributionsByStatus } from '../src/forum/store.js';
import { forumFormBody, openForumForm } from '../src/forum/testdata/forum-form-over-http.js';
import { startServerProcess } from '../src/test-support/server-process.js';
import { buildArticle } from '../src/test-support/test-site.js';
import { formPostsPerSecond, LOAD_CLIENT, type PostOutcome } from './load.js';
import { runSiteBench } from './site.js';
import { fmt, median } from './stats.js';

const ROUNDS = 3;
const SECONDS = 5;
/** The article page is measured with this many published contributions under it. */
const PAGE_CONTRIBUTIONS = 200;

/** CPU time a process has used so far, in ms (Linux): steadier than throughput on a machine shared with others. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
}

/**
 * Contributions accepted per second by a real `relais serve` process on SQLite (the default
 * setup; a 303 is sent only after the commit), over HTTP, every message a different text:
 * with the posting limits off and the form's tokens issued ahead, then with the default limits.
 */
async function runPostingBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-bench-forum-'));
  const env = { DATA_DIR: dataDir, RELAIS_DEMO: '0' };
  const relais = await openRelais(parseConfig(env), { logger: createLogger({ level: 'silent' }) });
  const article = await relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Réunion publique sur le plan de circulation' }));
  await relais.close();
  const db = openDatabase({ sqliteFile: sqliteFileIn(dataDir) });
  await writeForumLimits(db.kysely, { postsPerAddress: 0, postsPerSite: 0 });
  const server = await startServerProcess(env);
  try {
    const form = await openForumForm(server.url, article.slug);
    // Tokens issued ahead: the time token is stamped up to a second late, so wait the minimum and a second more.
    await new Promise((resolve) => setTimeout(resolve, (DEFAULT_FORUM_LIMITS.minDelaySeconds + 1) * 1000 + 100));
    // `texte` last: the load generator appends a counter to it, so no two messages are the same text.
    const prefix = (round: string) => forumFormBody(form, { nom: 'Camille Lefèvre', texte: `Très bonne idée, le sens unique rue de l’Église ; message ${round}-` });
    const cpuPerPost: number[] = [];
    const post = async (round: string, seconds: number) => {
      const cpuBefore = processCpuMs(server.child.pid!);
      const outcome = await formPostsPerSecond(`${server.url}/forum/envoyer`, form.cookie, prefix(round), seconds);
      cpuPerPost.push((processCpuMs(server.child.pid!) - cpuBefore) / outcome.total);
      return outcome;
    };

    await post('chauffe', 2);
    const off: PostOutcome[] = [];
    for (let round = 0; round < ROUNDS; round++) off.push(await post(`r${round}`, SECONDS));
    const storedCount = async () => Object.values(await countContributionsByStatus(db.kysely)).reduce((sum, n) => sum + n, 0);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the last round's requests still in the server
    const storedBefore = await storedCount();
    await writeForumLimits(db.kysely, DEFAULT_FORUM_LIMITS);
    const limited = await post('limites', SECONDS);

    const accepted = off.map((o) => o.acceptedPerSecond);
    const stored = await countContributionsByStatus(db.kysely);
    const storedLimited = (await storedCount()) - storedBefore;
    const list = (values: number[]) => values.map((r) => fmt(r, 0)).join(' / ');
    console.log(`\n## Contributions au forum (sqlite, serveur relais serve, charge : ${LOAD_CLIENT}, ${SECONDS} s par tour)`);
    console.log(`acceptées/s, limites désactivées, jetons émis d’avance : ${fmt(median(accepted), 0)} médiane (${list(accepted)}) — objectif ≥ 1 000`);
    console.log(`CPU du serveur par envoi                              : ${fmt(median(cpuPerPost.slice(1, 1 + ROUNDS)))} ms médiane (${cpuPerPost.slice(1, 1 + ROUNDS).map((ms) => fmt(ms)).join(' / ')})`);
    console.log(`refusées pendant ces tours                            : ${off.reduce((sum, o) => sum + o.others, 0)}`);
    console.log(`limites par défaut (${DEFAULT_FORUM_LIMITS.postsPerAddress} par adresse, ${DEFAULT_FORUM_LIMITS.postsPerSite} pour le site, en ${FORUM_LIMIT_WINDOW_SECONDS / 60} min) : ` +
      `${storedLimited} acceptée(s) en ${SECONDS} s (${fmt(storedLimited / SECONDS, 1)}/s), ${fmt(limited.otherPerSecond, 0)} refusées/s (429) sur ${limited.total} envois, ${fmt(cpuPerPost.at(-1)!)} ms de CPU par envoi`);
    console.log(`en base après les tours : ${stored.proposed} à valider, ${stored.spam} spam (le test de doublon cherche par empreinte indexée : son coût ne croît pas avec le nombre de messages)`);
  } finally {
    await server.stop();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- forum`: posting throughput, then the article page with 200 published contributions. */
export async function runForumBench(): Promise<void> {
  await runPostingBench();
  await runSiteBench(PAGE_CONTRIBUTIONS);
}
