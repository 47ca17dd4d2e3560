import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CliUsageError } from '../../cli/command.js';
import { isAdapterKind, type AdapterKind } from '../adapters/adapters.js';

/** The options of `relais sources add` for a social source, as `parseArgs` reads them. */
export const SOCIAL_SOURCE_OPTIONS = Object.freeze({
  kind: 'value', instance: 'value', hashtag: 'value', search: 'value', language: 'value', subreddit: 'value', channel: 'value',
  'token-file': 'value', 'token-stdin': 'flag', token: 'value',
} as const);

/** Each config field's option, to say which option an adapter's message is about. */
export const SOCIAL_FIELD_OPTIONS: Readonly<Record<string, string>> = Object.freeze({
  instance: '--instance', hashtag: '--hashtag', query: '--search', mode: '--hashtag / --subreddit / --search',
  language: '--language', subreddit: '--subreddit', channelId: '--channel', token: '--token-file',
});

type Options = Readonly<Record<string, string | true>>;

/** `--kind`: a social kind, `feed` (or absent) for a feed; anything else is a usage error. */
export function sourceKindOption(options: Options): AdapterKind | 'feed' {
  const kind = options['kind'];
  if (kind === undefined || kind === 'feed') return 'feed';
  if (typeof kind === 'string' && isAdapterKind(kind)) return kind;
  throw new CliUsageError('--kind vaut feed, mastodon, bluesky, reddit ou youtube.');
}

/**
 * The adapter's config fields from the command line (`--search` is the `query`, `--channel` the
 * `channelId`; `--hashtag` or `--subreddit` chooses that mode, else `--search` the search).
 * The token is read apart (`readTokenOption`).
 */
export function socialSourceInput(kind: AdapterKind, options: Options): Record<string, unknown> {
  const text = (name: string) => (typeof options[name] === 'string' ? options[name] : undefined);
  switch (kind) {
    case 'mastodon':
      return { instance: text('instance'), mode: text('hashtag') !== undefined ? 'hashtag' : text('search') !== undefined ? 'search' : undefined, hashtag: text('hashtag'), query: text('search') };
    case 'bluesky':
      return { query: text('search'), language: text('language') };
    case 'reddit':
      return { mode: text('subreddit') !== undefined ? 'subreddit' : text('search') !== undefined ? 'search' : undefined, subreddit: text('subreddit'), query: text('search') };
    case 'youtube':
      return { channelId: text('channel') };
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

/**
 * The access token, from `--token-file <fichier>` or standard input (`--token-stdin`); `--token`
 * works but `warn` is told that the shell history and the process list keep it. Undefined
 * without any of them. Only Mastodon takes a token.
 */
export async function readTokenOption(kind: AdapterKind, options: Options, stdin: Readable, warn: (text: string) => void): Promise<string | undefined> {
  const given = ['token-file', 'token-stdin', 'token'].filter((name) => options[name] !== undefined);
  if (given.length === 0) return undefined;
  if (kind !== 'mastodon') throw new CliUsageError('Seules les sources Mastodon prennent un jeton d’accès.');
  if (given.length > 1) throw new CliUsageError('Donnez le jeton d’une seule façon : --token-file, --token-stdin ou --token.');
  if (typeof options['token'] === 'string') {
    warn('Attention : un jeton passé en argument reste dans l’historique du shell et visible dans la liste des processus. Préférez --token-file <fichier> ou --token-stdin.\n');
    return options['token'].trim();
  }
  if (options['token-stdin'] === true) return (await readAll(stdin)).trim();
  const file = String(options['token-file']);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    throw new CliUsageError(`Impossible de lire le fichier de jeton « ${file} ».`);
  }
}

async function readAll(stdin: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  return text;
}
