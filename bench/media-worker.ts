// One measured upload in a fresh process, so its peak memory is its own (`bench/media.ts` runs it).
// Usage: node --import tsx bench/media-worker.ts relais|sharp <photo.jpg> <work dir>
import { createReadStream } from 'node:fs';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open-database.js';
import { createDiskStorage } from '../src/media/disk-storage.js';
import { encodeAs, WEB_WIDTH } from '../src/media/process-image.js';
import { createMediaService } from '../src/media/service.js';
import { plainImage } from '../src/media/testdata/media-fixtures.js';

const [mode, photo, dir] = process.argv.slice(2) as ['relais' | 'sharp', string, string];
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
const run = mode === 'relais' ? await relaisUpload() : await sharpAlone();
const before = maxRssMb();
const t0 = performance.now();
await run();
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, peakExtraMb: maxRssMb() - before, peakMb: maxRssMb() }) + '\n');
rmSync(dir, { recursive: true, force: true });
