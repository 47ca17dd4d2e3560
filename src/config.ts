import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseAllowList } from './veille/fetch/allow-list.js';
import type { S3Settings } from './media/s3-storage.js';

/** Everything Relais reads from its environment, parsed and validated once at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Public address of the site, without trailing slash, e.g. `https://www.ville-exemple.fr`. */
  readonly publicUrl: string;
  readonly dataDir: string;
  /** `postgres://…` switches storage and jobs to PostgreSQL; undefined means SQLite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** Undefined on SQLite until the key file in `dataDir` is read or created (see `loadSecretKey`). */
  readonly secretKey: string | undefined;
  readonly smtpUrl: string | undefined;
  /** Addresses or CIDR ranges of reverse proxies whose `X-Forwarded-For` is believed. */
  readonly trustProxy: readonly string[];
  /** `FETCH_ALLOW_HOSTS`: private host names, addresses or CIDR ranges the guarded fetcher may reach. */
  readonly fetchAllowHosts: readonly string[];
  /** `FETCH_CONCURRENCY`: outgoing requests of one process at once, all hosts together (each host gets at most 2). */
  readonly fetchConcurrency: number;
  /** Language of the CLI's messages. */
  readonly lang: 'fr' | 'en';
  /** Load the demo content into an empty database (`RELAIS_DEMO=0` turns it off). */
  readonly demo: boolean;
  /** `S3_URL` and its keys: media in S3-compatible storage; undefined keeps them under `DATA_DIR/media`. */
  readonly s3: S3Settings | undefined;
}

/** Raised with every configuration problem at once, so the operator fixes them in one go. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment into a frozen `Config`, listing all problems together.
 *
 * @example
 * const config = parseConfig({ PORT: '8080', DATA_DIR: '/var/lib/relais' });
 */
export function parseConfig(env: Env): Config {
  const problems: string[] = [];

  const port = parseWholeNumber('PORT', env.PORT, { min: 0, max: 65535, fallback: 3000 }, problems);
  const host = env.HOST?.trim() || '127.0.0.1';
  const publicUrl = parsePublicUrl(env.PUBLIC_URL, host, port, problems);
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL, problems);
  const secretKey = env.SECRET_KEY?.trim() || undefined;
  if (secretKey !== undefined && secretKey.length < 32) {
    problems.push('SECRET_KEY doit faire au moins 32 caractères (par exemple : openssl rand -hex 32).');
  }
  if (databaseUrl !== undefined && secretKey === undefined) {
    problems.push('SECRET_KEY est obligatoire avec DATABASE_URL : tous les processus doivent partager la même clé.');
  }
  const smtpUrl = parseSmtpUrl(env.SMTP_URL, problems);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
  const fetchAllowHosts = parseFetchAllowHosts(env.FETCH_ALLOW_HOSTS, problems);
  const fetchConcurrency = parseWholeNumber('FETCH_CONCURRENCY', env.FETCH_CONCURRENCY, { min: 1, max: 256, fallback: 16 }, problems);
  const lang = parseLang(env.LANG);
  const s3 = parseS3(env, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port,
    host,
    publicUrl,
    dataDir: resolve(env.DATA_DIR?.trim() || 'data'),
    databaseUrl,
    secretKey,
    smtpUrl,
    trustProxy: Object.freeze(trustProxy),
    fetchAllowHosts: Object.freeze(fetchAllowHosts),
    fetchConcurrency,
    lang,
    demo: env.RELAIS_DEMO !== '0',
    s3,
  });
}

/** A whole number from `min` to `max` in variable `name`, or `fallback` when unset; a wrong value is listed in French. */
function parseWholeNumber(name: string, raw: string | undefined, range: { min: number; max: number; fallback: number }, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return range.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    problems.push(`${name} doit être un entier entre ${range.min} et ${range.max} (reçu : « ${raw} »).`);
    return range.fallback;
  }
  return value;
}

function parsePublicUrl(raw: string | undefined, host: string, port: number, problems: string[]): string {
  if (raw === undefined || raw.trim() === '') {
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    return `http://${isIP(shownHost) === 6 ? `[${shownHost}]` : shownHost}:${port}`;
  }
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url.href.replace(/\/+$/, '');
  } catch {
    problems.push(`PUBLIC_URL doit être une adresse http(s) complète, par exemple https://www.ville-exemple.fr (reçu : « ${raw} »).`);
    return 'http://127.0.0.1';
  }
}

function parseDatabaseUrl(raw: string | undefined, problems: string[]): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (!/^postgres(ql)?:\/\//.test(value)) {
    problems.push('DATABASE_URL doit commencer par postgres:// (laissez-la vide pour SQLite).');
    return undefined;
  }
  return value;
}

function parseSmtpUrl(raw: string | undefined, problems: string[]): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (!/^smtps?:\/\/[^/]+/.test(value)) {
    problems.push('SMTP_URL doit ressembler à smtp://utilisateur:motdepasse@serveur:587 ou smtps://…');
    return undefined;
  }
  return value;
}

function parseTrustProxy(raw: string | undefined, problems: string[]): string[] {
  const entries = (raw ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !bitsOk || extra !== undefined) {
      problems.push(`TRUST_PROXY : « ${entry} » n'est ni une adresse IP ni une plage CIDR.`);
    }
  }
  return entries;
}

function parseFetchAllowHosts(raw: string | undefined, problems: string[]): string[] {
  const entries = (raw ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const entry of parseAllowList(entries).invalid) {
    problems.push(`FETCH_ALLOW_HOSTS : « ${entry} » n'est ni un nom d'hôte, ni une adresse IP, ni une plage CIDR.`);
  }
  return entries;
}

/** `S3_URL` (endpoint and bucket, path style) with `S3_ACCESS_KEY_ID`, `S3_SECRET_ACCESS_KEY` and `S3_REGION`. */
function parseS3(env: Env, problems: string[]): S3Settings | undefined {
  const url = env.S3_URL?.trim();
  if (!url) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.pathname.replace(/\/+$/, '') === '') {
    problems.push(`S3_URL doit donner l’adresse du service et le compartiment, par exemple https://s3.fr-par.scw.cloud/mairie-media (reçu : « ${url} »).`);
    return undefined;
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() ?? '';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() ?? '';
  if (accessKeyId === '' || secretAccessKey === '') problems.push('S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY sont obligatoires avec S3_URL.');
  return Object.freeze({ url: parsed.href.replace(/\/+$/, ''), region: env.S3_REGION?.trim() || 'us-east-1', accessKeyId, secretAccessKey });
}

function parseLang(raw: string | undefined): 'fr' | 'en' {
  return raw?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
