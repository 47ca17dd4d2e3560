import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { fmt, median } from './stats.js';

interface ServerInfo {
  relais: string;
  baseline: string;
  bytes: number;
  dialect: string;
  renders: number[];
  baselineInject: number[];
}

const WRK = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary is "not installed".
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();

/** Requests per second at 10 connections: wrk when installed (a separate, lighter client), else autocannon. */
async function requestsPerSecond(url: string, seconds: number): Promise<number> {
  if (WRK) {
    const output = execFileSync('wrk', ['-t', '1', '-c', '10', '-d', `${seconds}s`, url], { encoding: 'utf8' });
    if (/Non-2xx/.test(output)) throw new Error(`${url}: non-2xx responses`);
    return Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  }
  const result = await autocannon({ url, connections: 10, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/**
 * The article page against a Fastify route returning the same bytes from memory, both served by
 * one child process and loaded by autocannon from this one, alternately, three rounds each.
 */
export async function runSiteBench(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./site-server.ts', import.meta.url).pathname], {
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
    console.log(`\n## Page d'article (${info.dialect}, ${fmt(info.bytes / 1024, 1)} Kio, charge : ${WRK ? 'wrk' : 'autocannon'}, 10 connexions)`);
    console.log(`requêtes/s, page en cache        : ${fmt(median(relais), 0)} médiane (${list(relais)})`);
    console.log(`requêtes/s, référence en mémoire : ${fmt(median(baseline), 0)} médiane (${list(baseline)})`);
    console.log(`rapport Relais / référence       : ${fmt(median(ratios))} médiane des ${ratios.length} paires (${ratios.map((r) => fmt(r)).join(' / ')}) — objectif ≥ 0,50`);
    console.log(`rendu sans cache (inject)        : ${fmt(median(info.renders))} ms médian ; référence inject ${fmt(median(info.baselineInject))} ms`);
  } finally {
    child.stdin.end();
    child.kill('SIGTERM');
  }
}
