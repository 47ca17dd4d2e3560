import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { parseConfig } from '../config.js';
import { openRelais } from '../main.js';
import { DIALECTS } from '../test-support/databases.js';
import { CountJob } from './testdata/count-job.js';
import { openJobTestKit, waitFor } from './testdata/job-test-kit.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A child `node --import tsx` process whose output is collected. */
function spawnNode(args: readonly string[], env: Readonly<Record<string, string>>) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => { output.stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { output.stderr += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  /** Waits for `text` in the output; fails at once if the process exits first. */
  const waitForOutput = (text: string, timeoutMs: number) => waitFor(() => {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before "${text}":\n${output.stderr}`);
    return output.stdout.includes(text) || output.stderr.includes(text);
  }, timeoutMs, `"${text}"`);
  return { child, output, exited, waitForOutput };
}

// Starting a TypeScript child process is slow on a busy machine: generous, but bounded.
const START_TIMEOUT_MS = 60_000;

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

describe('worker processes', () => {
  test('two worker processes on PostgreSQL never run one job twice', async () => {
    const kit = await openJobTestKit('postgres');
    const workers = ['a', 'b'].map((name) => spawnNode([fileURLToPath(new URL('./testdata/count-worker.ts', import.meta.url)), name], kit.testDb.env));
    try {
      await sql`create table job_runs (n integer not null, worker text not null)`.execute(kit.db.kysely);
      await Promise.all(workers.map((w) => w.waitForOutput('ready', START_TIMEOUT_MS)));
      const queue = kit.queue();
      await Promise.all(Array.from({ length: 200 }, (_, n) => queue.enqueue(CountJob, { n })));

      const count = async () => Number((await sql<{ c: string }>`select count(*) as c from job_runs`.execute(kit.db.kysely)).rows[0]!.c);
      await waitFor(async () => (await count()) >= 200, 60_000, '200 runs');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { rows } = await sql<{ n: number; runs: string; workers: string }>`
        select n, count(*) as runs, string_agg(worker, ',') as workers from job_runs group by n order by n`.execute(kit.db.kysely);
      assert.equal(rows.length, 200);
      assert.deepEqual(rows.filter((row) => Number(row.runs) !== 1), [], 'some jobs ran more than once');
      assert.deepEqual(new Set(rows.map((row) => row.workers)), new Set(['a', 'b']), 'one process did all the work');
    } finally {
      for (const w of workers) await stopChild(w.child, w.exited);
      await kit.close();
    }
  });

  for (const dialect of DIALECTS) {
    test(`a \`relais worker\` process publishes a scheduled article on ${dialect}, then stops on SIGTERM`, async () => {
      const kit = await openJobTestKit(dialect);
      const relais = await openRelais(parseConfig(kit.testDb.env), { logger: kit.log.logger });
      const worker = spawnNode(['src/cli.ts', 'worker'], kit.testDb.env);
      try {
        const article = await relais.blog.createArticle({ userId: null }, {
          title: 'Conseil municipal du 12 mars', slug: undefined, sectionId: null, lead: '', body: 'Ordre du jour.',
          credits: '', status: 'published', publishedAt: new Date(Date.now() + 1500),
        });
        await worker.waitForOutput('jobs.worker.started', START_TIMEOUT_MS);
        const wentLive = () => relais.db.kysely.selectFrom('audit_log').selectAll()
          .where('action', '=', 'blog.article.went_live').where('object_id', '=', String(article.id)).execute();
        await waitFor(async () => (await wentLive()).length > 0, 30_000, 'the scheduled publication');
        assert.equal((await wentLive()).length, 1);

        assert.equal(await stopChild(worker.child, worker.exited), 0, worker.output.stderr);
        assert.match(worker.output.stderr, /jobs\.worker\.stopped/);
      } finally {
        await stopChild(worker.child, worker.exited);
        await relais.close();
        await kit.close();
      }
    });
  }
});
