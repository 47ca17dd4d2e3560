import MarkdownIt from 'markdown-it';
import { renderDocument } from '../src/markup/render-document.js';
import { renderSpip } from '../src/markup/render-spip.js';
import { markdownArticle, spipArticle } from '../src/markup/testdata/french-articles.js';
import { cpuMsSince, median, medianRatio } from './stats.js';

const ARTICLE_BYTES = 64 * 1024;
const PATHOLOGICAL = ['{', '[', '[[', '<quote>', '|'] as const;
/**
 * `--expose-gc` (the `bench` npm script) lets each timed run start from a
 * collected heap. A plain full collection, not a bare `gc()`: that one also
 * shrinks the heap and drops compiled code, so every run would start cold
 * (about 5× slower, measuring the JIT rather than the renderer).
 */
const gc = (globalThis as { gc?: (options: { type: 'major' }) => void }).gc;

/** One thing to time, and how many times to run it untimed first so the JIT has settled. */
interface Workload {
  readonly run: () => unknown;
  readonly warmUps: number;
}

function repeatTo(text: string, bytes: number): string {
  const copies = Math.ceil(bytes / Buffer.byteLength(text));
  return Array.from({ length: copies }, () => text).join('\n\n');
}

/** CPU time of one run in milliseconds (user + system of this process, steadier than wall time on a shared machine). */
function cpuTime(run: () => unknown): number {
  gc?.({ type: 'major' });
  const start = process.cpuUsage();
  run();
  return cpuMsSince(start);
}

/**
 * CPU times of each workload over `rounds` rounds (`times[workload][round]`).
 * The workloads take turns within each round, so a noisy neighbour slows
 * them all alike and the ratios within a round hold.
 */
function timeRounds(workloads: readonly Workload[], rounds: number): number[][] {
  for (const workload of workloads) for (let i = 0; i < workload.warmUps; i++) workload.run();
  const times = workloads.map((): number[] => []);
  for (let round = 0; round < rounds; round++) workloads.forEach((workload, i) => times[i]?.push(cpuTime(workload.run)));
  return times;
}

function megabytesPerSecond(text: string, ms: number): number {
  return Buffer.byteLength(text) / 1e6 / (ms / 1000);
}

function printArticleFigures(): void {
  const spip = repeatTo(spipArticle, ARTICLE_BYTES);
  const markdown = repeatTo(markdownArticle, ARTICLE_BYTES);
  const markdownIt = new MarkdownIt({ linkify: true, typographer: true });
  const rounds = 61;
  const [md = [], first = [], both = []] = timeRounds(
    [
      { run: () => markdownIt.render(markdown), warmUps: 30 },
      { run: () => renderDocument(spip, { profile: 'article' }), warmUps: 30 },
      { run: () => renderSpip(spip, { profile: 'article' }), warmUps: 30 },
    ],
    rounds,
  );
  const mdRates = md.map((ms) => megabytesPerSecond(markdown, ms));
  const firstRates = first.map((ms) => megabytesPerSecond(spip, ms));
  const bothRates = both.map((ms) => megabytesPerSecond(spip, ms));
  const collected = gc ? 'GC before each run' : 'no --expose-gc';
  console.log(`markup: French articles, ${(Buffer.byteLength(spip) / 1024).toFixed(0)} KB, ${rounds} interleaved rounds after warm-up (${collected}): median CPU-time rate, median of per-round ratios`);
  console.log(`  markdown-it (baseline)            ${median(mdRates).toFixed(1)} MB/s`);
  console.log(`  renderSpip, renderer alone        ${median(firstRates).toFixed(1)} MB/s  ratio ${medianRatio(firstRates, mdRates).toFixed(2)}×`);
  console.log(`  renderSpip, with the second wall  ${median(bothRates).toFixed(1)} MB/s  ratio ${medianRatio(bothRates, mdRates).toFixed(2)}× (goal ≥ 1×)`);
}

function printPathologicalFigures(): void {
  console.log('markup: pathological inputs, 1 MB vs 100 KB, median CPU time, median of per-round ratios (goal ≤ 12×)');
  for (const unit of PATHOLOGICAL) {
    const small = unit.repeat(Math.ceil(100_000 / unit.length));
    const large = unit.repeat(Math.ceil(1_000_000 / unit.length));
    // The second wall is slow on these inputs: fewer rounds keep the bench near a minute.
    for (const [label, render, rounds] of [
      ['renderer alone', (text: string) => renderDocument(text, { profile: 'forum' }), 15],
      ['with second wall', (text: string) => renderSpip(text, { profile: 'forum' }), 7],
    ] as const) {
      const [smallMs = [], largeMs = []] = timeRounds(
        [
          { run: () => render(small), warmUps: 3 },
          { run: () => render(large), warmUps: 1 },
        ],
        rounds,
      );
      console.log(
        `  ${JSON.stringify(unit).padEnd(10)} ${label.padEnd(17)} 100 KB ${median(smallMs).toFixed(1)} ms, 1 MB ${median(largeMs).toFixed(1)} ms, ratio ${medianRatio(largeMs, smallMs).toFixed(1)}×`,
      );
    }
  }
}

/**
 * Prints the markup figures: MB/s on realistic French articles against
 * markdown-it on the same content in Markdown (goal ≥ 1× with the second
 * wall, as pages call it), and the time for 1 MB against 100 KB of
 * pathological input (goal ≤ 12×: linear).
 */
export async function runMarkupBench(): Promise<void> {
  printArticleFigures();
  printPathologicalFigures();
}
