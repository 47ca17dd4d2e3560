import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { LOAD_CLIENT, requestsPerSecond } from './load.js';
import { fmt, median } from './stats.js';

interface ServerInfo {
  relais: string;
  baseline: string;
  bytes: number;
  dialect: string;
  renders: number[];
  baselineInject: number[];
}

/**
 * The article page against a Fastify route returning the same bytes from memory, both served by
 * one child process and loaded by wrk or autocannon from this one, alternately, five rounds each.
 * With `contributions`, the article carries that many published forum messages.
 */
export async function runSiteBench(contributions = 0): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./site-server.ts', import.meta.url).pathname, String(contributions)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    });
    const info = JSON.parse(firstLine) as ServerInfo;
    const relais: number[] = [];
    const baseline: number[] = [];
    const ratios: number[] = [];
    await requestsPerSecond(info.relais, 2); // warm-up
    await requestsPerSecond(info.baseline, 2);
    // Interleaved pairs: a burst of load from elsewhere on this shared machine hits both sides of a pair.
    for (let round = 0; round < 5; round++) {
      relais.push(await requestsPerSecond(info.relais, 3));
      baseline.push(await requestsPerSecond(info.baseline, 3));
      ratios.push(relais.at(-1)! / baseline.at(-1)!);
    }
    const list = (values: number[]) => values.map((r) => fmt(r, 0)).join(' / ');
    const forum = contributions > 0 ? `, ${contributions} contributions publiées` : '';
    console.log(`\n## Page d'article (${info.dialect}${forum}, ${fmt(info.bytes / 1024, 1)} Kio, charge : ${LOAD_CLIENT})`);
    console.log(`requêtes/s, page en cache        : ${fmt(median(relais), 0)} médiane (${list(relais)})`);
    console.log(`requêtes/s, référence en mémoire : ${fmt(median(baseline), 0)} médiane (${list(baseline)})`);
    console.log(`rapport Relais / référence       : ${fmt(median(ratios))} médiane des ${ratios.length} paires (${ratios.map((r) => fmt(r)).join(' / ')}) — objectif ≥ 0,50`);
    console.log(`rendu sans cache (inject)        : ${fmt(median(info.renders))} ms médian ; référence inject ${fmt(median(info.baselineInject))} ms`);
  } finally {
    // End of input: the server closes and removes its data folder; a stuck one is stopped.
    const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGTERM'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
