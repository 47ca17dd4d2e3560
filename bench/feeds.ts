import { parseFeed as feedsmithParse } from 'feedsmith';
import RssParser from 'rss-parser';
import { decodeFeedBytes } from '../src/veille/parse/decode-feed-bytes.js';
import { parseFeed } from '../src/veille/parse/parse-feed.js';
import type { ParsedFeed } from '../src/veille/parse/parsed-feed.js';
import { toPlainText } from '../src/veille/parse/to-plain-text.js';
import { FEED_CORPUS, expectedPath, readCorpusFile } from '../src/veille/parse/testdata/feed-corpus.js';
import { readFileSync } from 'node:fs';
import { cpuMsSince, median } from './stats.js';

/** What the correctness check compares: the feed's title, each entry's title, link and date. */
interface Essentials {
  readonly title: string | undefined;
  readonly entries: ReadonlyArray<{ readonly title?: string; readonly link?: string; readonly date?: number }>;
}

/** One parser under test: text in (ours takes the bytes), essentials out; `undefined` when it threw. */
interface Contender {
  readonly name: string;
  readonly parse: (bytes: Buffer, text: string, url: string | undefined) => Promise<unknown>;
  readonly essentials: (output: unknown) => Essentials;
}

const gc = (globalThis as { gc?: (options: { type: 'major' }) => void }).gc;
const SIZES_KB = [50, 100, 200];
const NOT_FEEDS = new Set(['not-a-feed.html']);
const XML_FEEDS = ['rss-090.xml', 'rss-091.xml', 'rss-092.xml', 'rss-10-rdf.xml', 'rss-20.xml', 'atom-03.xml', 'atom-10.xml', 'dublin-core.xml',
  'media-rss.xml', 'youtube.xml', 'iso-8859-1.xml', 'windows-1252.xml', 'bom.xml', 'html-entities.xml', 'relative-links.xml'];

const plain = (value: unknown): string | undefined => {
  const text = typeof value === 'string' ? value : (value as { value?: string } | undefined)?.value;
  return text === undefined ? undefined : toPlainText(text) || undefined;
};
const time = (value: unknown): number | undefined => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : undefined);

type Loose = Record<string, unknown> & { items?: Loose[]; entries?: Loose[]; links?: Loose[]; dc?: { dates?: string[] } };

const relais: Contender = {
  name: 'Relais parseFeed',
  parse: async (bytes, _text, url) => parseFeed(bytes, { url }),
  essentials: (output) => {
    const parsed = output as ParsedFeed;
    return { title: parsed.feed.title, entries: parsed.entries.map((e) => ({ title: e.title, link: e.link, date: time(e.published ?? e.updated) })) };
  },
};

const feedsmith: Contender = {
  name: 'feedsmith 3.0.1',
  parse: async (_bytes, text) => feedsmithParse(text),
  essentials: (output) => {
    const feed = (output as { feed: Loose }).feed;
    const entries = feed.items ?? feed.entries ?? [];
    return {
      title: plain(feed['title']),
      entries: entries.map((e) => ({
        title: plain(e['title']),
        link: (e['link'] ?? e['url'] ?? e['external_url'] ?? e.links?.find((l) => (l['rel'] ?? 'alternate') === 'alternate')?.['href']) as string | undefined,
        date: time(e['pubDate'] ?? e['published'] ?? e['date_published'] ?? e.dc?.dates?.[0] ?? e['updated']),
      })),
    };
  },
};

const rssParser = new RssParser();
const rssParserContender: Contender = {
  name: 'rss-parser 3.13.0',
  parse: (_bytes, text) => rssParser.parseString(text),
  essentials: (output) => {
    const feed = output as Loose;
    return { title: plain(feed['title']), entries: (feed.items ?? []).map((e) => ({ title: plain(e['title']), link: e['link'] as string | undefined, date: time(e['isoDate']) })) };
  },
};

const CONTENDERS = [relais, feedsmith, rssParserContender];

function expectedEssentials(file: string): Essentials {
  return relais.essentials(JSON.parse(readFileSync(expectedPath(file), 'utf8')) as ParsedFeed);
}

function same(a: Essentials, b: Essentials): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How many corpus feeds a contender reads as our reviewed expected outputs do (titles, links, dates). */
async function countCorrect(contender: Contender): Promise<number> {
  let correct = 0;
  for (const { file, context } of FEED_CORPUS) {
    if (NOT_FEEDS.has(file)) continue;
    const bytes = readCorpusFile(file);
    try {
      const output = await contender.parse(bytes, decodeFeedBytes(bytes, context.contentType).text, context.url);
      if (same(contender.essentials(output), expectedEssentials(file))) correct++;
    } catch {
      // A parser that throws has not read the case.
    }
  }
  return correct;
}

/** A fixture grown to a realistic size by repeating its items (its own bytes, so its encoding stays). */
function scaled(file: string, kilobytes: number): Buffer {
  const text = readCorpusFile(file).toString('latin1');
  const start = text.search(/<(item|entry)[\s>]/);
  const end = Math.max(text.lastIndexOf('</item>') + 7, text.lastIndexOf('</entry>') + 8);
  const block = text.slice(start, end);
  const copies = Math.max(1, Math.ceil((kilobytes * 1024 - text.length) / block.length));
  return Buffer.from(text.slice(0, start) + block.repeat(copies) + text.slice(end), 'latin1');
}

interface Sample {
  readonly bytes: Buffer;
  readonly text: string;
  readonly url: string | undefined;
}

async function cpuTime(contender: Contender, corpus: readonly Sample[]): Promise<{ readonly ms: number; readonly bytes: number }> {
  gc?.({ type: 'major' });
  let bytes = 0;
  const start = process.cpuUsage();
  for (const sample of corpus) {
    try {
      await contender.parse(sample.bytes, sample.text, sample.url);
      bytes += sample.bytes.length;
    } catch {
      // Counted as not read: its bytes do not add to the rate.
    }
  }
  return { ms: cpuMsSince(start), bytes };
}

/**
 * `npm run bench -- feeds`: parse throughput (MB/s of CPU time) of Relais's
 * parser against feedsmith and rss-parser on the same corpus in the same run
 * (the XML fixtures grown to 50–200 KB), and how many corpus cases each
 * reads as the reviewed expected outputs say. The others get text already
 * decoded by Relais (they do not read encodings); Relais decodes the bytes itself.
 */
export async function runFeedsBench(): Promise<void> {
  const corpus: Sample[] = XML_FEEDS.map((file, i) => {
    const bytes = scaled(file, SIZES_KB[i % SIZES_KB.length]!);
    return { bytes, text: decodeFeedBytes(bytes).text, url: `https://flux.exemple.fr/${file}` };
  });
  const total = corpus.reduce((sum, sample) => sum + sample.bytes.length, 0);
  for (let warm = 0; warm < 3; warm++) for (const contender of CONTENDERS) await cpuTime(contender, corpus);
  const rounds = 15;
  const rates = CONTENDERS.map((): number[] => []);
  let read = CONTENDERS.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    for (const [i, contender] of CONTENDERS.entries()) {
      const { ms, bytes } = await cpuTime(contender, corpus);
      rates[i]!.push(bytes / 1e6 / (ms / 1000));
      read[i] = bytes;
    }
  }
  const cases = FEED_CORPUS.length - NOT_FEEDS.size;
  const correct = await Promise.all(CONTENDERS.map(countCorrect));
  // Per round, against the faster of the others in that round: a burst of load skews one round, not the figure.
  const ratio = median(rates[0]!.map((rate, round) => rate / Math.max(...rates.slice(1).map((r) => r[round]!))));
  console.log(`feeds: ${corpus.length} feeds, ${(total / 1024).toFixed(0)} KB, ${rounds} interleaved rounds after warm-up (${gc ? 'GC before each run' : 'no --expose-gc'}): median CPU-time rate, median of per-round ratios`);
  CONTENDERS.forEach((contender, i) => {
    const rate = median(rates[i]!);
    const failed = read[i] === total ? '' : `, ${((total - read[i]!) / 1024).toFixed(0)} KB refused`;
    console.log(`  ${contender.name.padEnd(18)} ${rate.toFixed(1).padStart(6)} MB/s${i === 0 ? `  ratio to the faster other ${ratio.toFixed(2)}× (goal ≥ 1×)` : ''}${failed}; corpus cases read right: ${correct[i]}/${cases}`);
  });
}
