// One measured upload in a fresh process, so its peak memory is its own (`bench/media.ts` runs it).
// Usage: node --import tsx bench/media-worker.ts relais|http|sharp <photo.jpg> <work dir>
import { createReadStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open-database.js';
import { createDiskStorage } from '../src/media/disk-storage.js';
import { encodeAs, WEB_WIDTH } from '../src/media/process-image.js';
import { createMediaService } from '../src/media/service.js';
import { plainImage } from '../src/media/testdata/media-fixtures.js';
import { multipartBody } from '../src/media/testdata/multipart-body.js';
import { parseConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
import { openRelais } from '../src/main.js';
import { csrfTokenIn, signIn, type TestSite } from '../src/test-support/test-site.js';

const [mode, photo, dir] = process.argv.slice(2) as ['relais' | 'http' | 'sharp', string, string];
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Relais: the whole upload path of `relais media add` and the back office, up to the item being ready to show. */
async function relaisUpload(): Promise<() => Promise<void>> {
  const db = openDatabase({ sqliteFile: join(dir, 'relais.sqlite') });
  await migrateToLatest(db);
  const media = createMediaService({ db, jobs: { async enqueue() {} }, storage: createDiskStorage(join(dir, 'media')), tmpDir: join(dir, 'tmp'), now: () => new Date() });
  const warm = await media.add({ source: createReadStream(await writeSmall()), fileName: 'warm.jpg' }, { alt: 'Échauffement' }, null);
  await media.remove(warm.item.id, { confirmed: true });
  return async () => {
    await media.add({ source: createReadStream(photo), fileName: 'photo.jpg' }, { alt: 'La place du marché un jour de fête' }, null);
  };
}

/**
 * Relais over HTTP: the back office's upload form, as a browser posts it (multipart, form token),
 * through Fastify, the streamed spooling and the same service. The request body is built in
 * this process (as the client's), so its 3 Mo count in the peak too.
 */
async function httpUpload(): Promise<() => Promise<void>> {
  const config = parseConfig({ DATA_DIR: dir, SECRET_KEY: 'bench-secret-key-0123456789abcdef0123456789ab', RELAIS_DEMO: '0', PUBLIC_URL: 'http://relais.bench' });
  const relais = await openRelais(config, { logger: createLogger({ level: 'silent' }) });
  const app = await buildApp(relais);
  const credentials = { email: 'bench@mairie.test', password: 'mot-de-passe-du-banc-1' };
  await relais.accounts.addUser(null, { ...credentials, role: 'editor' });
  const cookie = await signIn({ app } as TestSite, credentials);
  const post = async (bytes: Buffer, alt: string) => {
    const form = await app.inject({ url: '/ecrire/media/nouveau', headers: { cookie } });
    const body = multipartBody({ _csrf: csrfTokenIn(form.body), alt }, { name: 'file', fileName: 'photo.jpg', type: 'image/jpeg', bytes }, cookie);
    const response = await app.inject({ method: 'POST', url: '/ecrire/media/nouveau', ...body });
    if (response.statusCode !== 303) throw new Error(`upload failed: ${response.statusCode}`);
  };
  await post(readFileSync(await writeSmall()), 'Échauffement');
  return () => post(readFileSync(photo), 'La place du marché un jour de fête');
}

/** sharp alone: the same pixels work (upright, original re-encoded, 1,200 px web size) from the same file, nothing else. */
async function sharpAlone(): Promise<() => Promise<void>> {
  const run = async (input: string, name: string) => {
    const base = sharp(input).autoOrient();
    await Promise.all([
      encodeAs(base.clone(), 'jpeg', 'original').toFile(join(dir, `${name}-original.jpg`)),
      encodeAs(base.clone().resize({ width: WEB_WIDTH }), 'jpeg', 'variant').toFile(join(dir, `${name}-web.jpg`)),
    ]);
  };
  await run(await writeSmall(), 'warm');
  return () => run(photo, 'photo');
}

async function writeSmall(): Promise<string> {
  const path = join(dir, 'warm-input.jpg');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, await plainImage(1600, 1200, 'jpeg'));
  return path;
}

mkdirSync(dir, { recursive: true });
const run = mode === 'relais' ? await relaisUpload() : mode === 'http' ? await httpUpload() : await sharpAlone();
(globalThis as { gc?: () => void }).gc?.();
// Resident now, not the high-water mark: set-up and the warm-up may have risen higher than where the process stands.
const before = process.memoryUsage().rss / (1024 * 1024);
const t0 = performance.now();
await run();
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, peakExtraMb: maxRssMb() - before, peakMb: maxRssMb() }) + '\n');
rmSync(dir, { recursive: true, force: true });
