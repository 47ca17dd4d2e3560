import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { readImageHeader } from '../src/media/process-image.js';
import { bombPng } from '../src/media/testdata/media-fixtures.js';
import { fmt, median, medianRatio } from './stats.js';

const ROUNDS = 5;
const run = promisify(execFile);

/**
 * A 12-megapixel phone photo: 4,000 × 3,000 of textured pixels (noise, slightly blurred, so it
 * compresses like a photo rather than a flat colour), stored sideways with EXIF orientation 6,
 * camera and GPS data.
 */
async function twelveMegapixelPhoto(path: string): Promise<number> {
  const bytes = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .blur(1.2).jpeg({ quality: 90 }).withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'BenchCam', Model: 'X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' } })
    .toBuffer();
  writeFileSync(path, bytes);
  return bytes.length;
}

interface Measure {
  readonly ms: number;
  readonly peakExtraMb: number;
  readonly peakMb: number;
}

async function measure(mode: 'relais' | 'http' | 'sharp', photo: string, dir: string): Promise<Measure> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'media-worker.ts'), mode, photo, dir], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measure;
}

/** How long refusing a decompression bomb takes: only its header is read. */
async function bombRefusalMs(dir: string): Promise<number> {
  const path = join(dir, 'bomb.png');
  writeFileSync(path, bombPng());
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const refused = await readImageHeader(path).then(() => false, () => true);
    if (!refused) throw new Error('the bomb was not refused');
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Issue 5: upload-to-ready time of a 12-megapixel JPEG (type sniffed, header read, turned
 * upright, re-encoded without metadata, web size made, both stored, row written) and the peak
 * memory it adds, against the same pixel work done with sharp alone, each measure in a fresh
 * process (peak = the process's maximum resident set during the upload, above its resident size
 * just before; the warm-up upload of a 2-megapixel photo stays below that peak).
 */
export async function runMediaBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-media-'));
  try {
    const photo = join(dir, 'photo-12mp.jpg');
    const size = await twelveMegapixelPhoto(photo);
    const relais: Measure[] = [];
    const http: Measure[] = [];
    const alone: Measure[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      relais.push(await measure('relais', photo, join(dir, `relais-${round}`)));
      http.push(await measure('http', photo, join(dir, `http-${round}`)));
      alone.push(await measure('sharp', photo, join(dir, `sharp-${round}`)));
    }
    const ms = (list: Measure[]) => list.map((m) => m.ms);
    const extra = (list: Measure[]) => list.map((m) => m.peakExtraMb);
    console.log(`\nMédias : envoi d’une photo de 12 mégapixels (4 000 × 3 000, ${fmt(size / 1e6, 1)} Mo, orientation EXIF 6), médianes sur ${ROUNDS} essais, chacun dans un processus neuf`);
    console.log(`  Relais (flux vers disque, type, en-tête, redressement, ré-encodage sans métadonnées, 1 200 px, stockage, ligne) : ${fmt(median(ms(relais)), 0)} ms, mémoire de pointe +${fmt(median(extra(relais)), 0)} Mo (RSS max ${fmt(median(relais.map((m) => m.peakMb)), 0)} Mo)`);
    console.log(`  Relais par HTTP (formulaire multipart, jeton, puis le même chemin ; le corps de requête compte aussi)         : ${fmt(median(ms(http)), 0)} ms, mémoire de pointe +${fmt(median(extra(http)), 0)} Mo (RSS max ${fmt(median(http.map((m) => m.peakMb)), 0)} Mo)`);
    console.log(`  sharp seul (redressement, ré-encodage, 1 200 px, mêmes réglages)                                         : ${fmt(median(ms(alone)), 0)} ms, mémoire de pointe +${fmt(median(extra(alone)), 0)} Mo (RSS max ${fmt(median(alone.map((m) => m.peakMb)), 0)} Mo)`);
    console.log(`  Rapport Relais / sharp seul : temps ×${fmt(medianRatio(ms(relais), ms(alone)))}, mémoire de pointe ajoutée ×${fmt(medianRatio(extra(relais), extra(alone)))}`);
    console.log(`  Rapport Relais par HTTP / sharp seul : temps ×${fmt(medianRatio(ms(http), ms(alone)))}, mémoire de pointe ajoutée ×${fmt(medianRatio(extra(http), extra(alone)))}`);
    console.log(`  Bombe de décompression (PNG de ${bombPng().length} octets annonçant 40 000 × 40 000 pixels) refusée en ${fmt(await bombRefusalMs(dir), 1)} ms (médiane de 20 ; seul l’en-tête est lu)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
