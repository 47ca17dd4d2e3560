import MarkdownIt from 'markdown-it';
import { renderDocument } from '../src/markup/render-document.js';
import { renderSpip } from '../src/markup/render-spip.js';
import { markdownArticle, spipArticle } from '../src/markup/testdata/french-articles.js';

const ARTICLE_BYTES = 64 * 1024;
const PATHOLOGICAL = ['{', '[', '[[', '<quote>', '|'] as const;

function repeatTo(text: string, bytes: number): string {
  const copies = Math.ceil(bytes / Buffer.byteLength(text));
  return Array.from({ length: copies }, () => text).join('\n\n');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Median CPU time of `fn` in milliseconds (user + system of this process,
 * steadier than wall time on a shared machine), after one warm-up run unless
 * told otherwise.
 */
function timeMedian(fn: () => unknown, runs: number, warmUp = true): number {
  if (warmUp) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}

function megabytesPerSecond(text: string, ms: number): number {
  return Buffer.byteLength(text) / 1e6 / (ms / 1000);
}

/**
 * Prints the markup figures: MB/s on realistic French articles against
 * markdown-it on the same content in Markdown (goal ≥ 1×), and the time for
 * 1 MB against 100 KB of pathological input (goal ≤ 12×: linear).
 */
export async function runMarkupBench(): Promise<void> {
  const spip = repeatTo(spipArticle, ARTICLE_BYTES);
  const markdown = repeatTo(markdownArticle, ARTICLE_BYTES);
  const markdownIt = new MarkdownIt({ linkify: true, typographer: true });
  const runs = 21;
  const md = timeMedian(() => markdownIt.render(markdown), runs);
  const first = timeMedian(() => renderDocument(spip, { profile: 'article' }), runs);
  const both = timeMedian(() => renderSpip(spip, { profile: 'article' }), runs);
  const mdRate = megabytesPerSecond(markdown, md);
  const firstRate = megabytesPerSecond(spip, first);
  const bothRate = megabytesPerSecond(spip, both);
  console.log(`markup: French articles, ${(Buffer.byteLength(spip) / 1024).toFixed(0)} KB, median CPU time of ${runs}`);
  console.log(`  markdown-it (baseline)            ${mdRate.toFixed(1)} MB/s`);
  console.log(`  renderSpip, renderer alone        ${firstRate.toFixed(1)} MB/s  ratio ${(firstRate / mdRate).toFixed(2)}× (goal ≥ 1×)`);
  console.log(`  renderSpip, with the second wall  ${bothRate.toFixed(1)} MB/s  ratio ${(bothRate / mdRate).toFixed(2)}×`);

  console.log('markup: pathological inputs, 1 MB vs 100 KB (goal ≤ 12×)');
  for (const unit of PATHOLOGICAL) {
    const small = unit.repeat(Math.ceil(100_000 / unit.length));
    const large = unit.repeat(Math.ceil(1_000_000 / unit.length));
    // The second wall (sanitize-html) is slow on these inputs: fewer runs keep the bench under a minute.
    for (const [label, render, smallRuns, largeRuns] of [
      ['renderer alone', (text: string) => renderDocument(text, { profile: 'forum' }), 7, 3],
      ['with second wall', (text: string) => renderSpip(text, { profile: 'forum' }), 3, 1],
    ] as const) {
      const smallMs = timeMedian(() => render(small), smallRuns);
      const largeMs = timeMedian(() => render(large), largeRuns, false);
      console.log(
        `  ${JSON.stringify(unit).padEnd(10)} ${label.padEnd(17)} 100 KB ${smallMs.toFixed(1)} ms, 1 MB ${largeMs.toFixed(1)} ms, ratio ${(largeMs / smallMs).toFixed(1)}×`,
      );
    }
  }
}
