import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import type { EnqueueOptions, JobType } from '../jobs/job.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test-support/databases.js';
import { buildArticle } from '../test-support/test-site.js';
import { createBlogService } from './service.js';

/** Records what the service asks of the job queue. */
function recordingJobs() {
  const calls: string[] = [];
  return {
    calls,
    async enqueue<P>(type: JobType<P>, payload: P, options?: EnqueueOptions) {
      calls.push(`enqueue ${type.name} ${JSON.stringify(payload)} at ${options?.runAt?.toISOString()} key ${options?.singletonKey}`);
    },
    async cancel(type: JobType<unknown>, key: string) {
      calls.push(`cancel ${type.name} ${key}`);
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`blog service on ${dialect}`, () => {
    let testDb: TestDatabase;
    let db: Db;
    before(async () => {
      testDb = await createTestDatabase(dialect);
      db = openDatabase(testDb.target);
      await migrateToLatest(db);
    });
    after(async () => {
      await db.close();
      await testDb.drop();
    });

    test('schedules a publication job for a future date, cancels it when unscheduled, and leaves the queue alone otherwise', async () => {
      const now = new Date('2026-03-01T09:00:00Z');
      const jobs = recordingJobs();
      const blog = createBlogService({ db, jobs, now: () => now });
      const at = new Date('2026-03-02T08:00:00Z');
      const scheduled = await blog.createArticle({ userId: null }, buildArticle({ title: 'Programmé', publishedAt: at }));
      assert.deepEqual(jobs.calls, [`enqueue blog.publish-scheduled-article {"articleId":${scheduled.id}} at ${at.toISOString()} key article:${scheduled.id}`]);

      jobs.calls.length = 0;
      await blog.updateArticle({ userId: null }, scheduled.id, buildArticle({ title: 'Programmé', status: 'draft', publishedAt: at }));
      assert.deepEqual(jobs.calls, [`cancel blog.publish-scheduled-article article:${scheduled.id}`]);

      jobs.calls.length = 0;
      const immediate = await blog.createArticle({ userId: null }, buildArticle({ title: 'Tout de suite', publishedAt: undefined }));
      await blog.updateArticle({ userId: null }, immediate.id, buildArticle({ title: 'Tout de suite, corrigé', publishedAt: undefined }));
      await blog.deleteArticle({ userId: null }, immediate.id);
      assert.deepEqual(jobs.calls, [], 'no job traffic for articles that were never scheduled');
      assert.equal(immediate.publishedAt, now.toISOString(), 'published without a date means now');
    });

    test('gives a new article a unique readable slug and refuses a slug already taken', async () => {
      const blog = createBlogService({ db, jobs: recordingJobs(), now: () => new Date() });
      const first = await blog.createArticle({ userId: null }, buildArticle({ title: 'Réunion publique : l’école' }));
      const second = await blog.createArticle({ userId: null }, buildArticle({ title: 'Réunion publique : l’école' }));
      assert.equal(first.slug, 'reunion-publique-l-ecole');
      assert.equal(second.slug, 'reunion-publique-l-ecole-2');
      await assert.rejects(blog.createArticle({ userId: null }, buildArticle({ slug: first.slug })), /déjà utilisée/);
    });
  });
}
