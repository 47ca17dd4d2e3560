import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildLargeSpipDatabase } from '../src/import/spip/testdata/build-large-spip-database.js';
import { fmt, median, medianRatio } from './stats.js';

const ROUNDS = 3;
const SIZE = { articles: 10_000, messages: 100_000 };
const run = promisify(execFile);

interface Measure {
  readonly ms: number;
  /** CPU time (user + system): steadier than wall time on a shared, loaded machine. */
  readonly cpuMs: number;
  readonly peakExtraMb: number;
  readonly peakMb: number;
}

async function measure(mode: 'relais' | 'copy', spipFile: string, dir: string): Promise<Measure> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'spip-import-worker.ts'), mode, spipFile, dir], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measure;
}

/**
 * Issue 9: `relais import spip` of a generated SPIP database of 10,000 articles and 100,000 forum
 * messages into a fresh Relais on SQLite (sections, articles with shortcuts renumbered and links
 * resolved in a second pass, threads, redirects), its time and peak memory, against a raw copy of
 * the same rows into a bare SQLite file (the I/O floor), each in a fresh process.
 */
export async function runSpipImportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-spip-'));
  try {
    const spipFile = join(dir, 'spip.sqlite');
    buildLargeSpipDatabase(spipFile, SIZE);
    const relais: Measure[] = [];
    const copy: Measure[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      relais.push(await measure('relais', spipFile, join(dir, `relais-${round}`)));
      copy.push(await measure('copy', spipFile, join(dir, `copy-${round}`)));
      rmSync(join(dir, `relais-${round}`), { recursive: true, force: true });
      rmSync(join(dir, `copy-${round}`), { recursive: true, force: true });
    }
    const ms = (list: Measure[]) => list.map((m) => m.ms);
    const cpu = (list: Measure[]) => list.map((m) => m.cpuMs);
    const extra = (list: Measure[]) => list.map((m) => m.peakExtraMb);
    console.log(`\nImport SPIP : ${fmt(SIZE.articles, 0)} articles et ${fmt(SIZE.messages, 0)} messages de forum (SQLite), médianes sur ${ROUNDS} essais, chacun dans un processus neuf`);
    console.log(`  relais import spip (rubriques, articles, fils, redirections) : ${fmt(median(ms(relais)) / 1000, 1)} s (CPU ${fmt(median(cpu(relais)) / 1000, 1)} s), mémoire de pointe +${fmt(median(extra(relais)), 0)} Mo (RSS max ${fmt(median(relais.map((m) => m.peakMb)), 0)} Mo)`);
    console.log(`  copie brute des mêmes lignes (lecture + écriture SQLite)     : ${fmt(median(ms(copy)) / 1000, 1)} s (CPU ${fmt(median(cpu(copy)) / 1000, 1)} s), mémoire de pointe +${fmt(median(extra(copy)), 0)} Mo (RSS max ${fmt(median(copy.map((m) => m.peakMb)), 0)} Mo)`);
    console.log(`  Rapport import / copie brute : temps ×${fmt(medianRatio(ms(relais), ms(copy)))}, CPU ×${fmt(medianRatio(cpu(relais), cpu(copy)))}, mémoire de pointe ajoutée ×${fmt(medianRatio(extra(relais), extra(copy)))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
