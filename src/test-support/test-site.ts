import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../config.js';
import type { DialectName } from '../db/database.js';
import { buildApp } from '../http/app.js';
import { createLogger } from '../logger.js';
import { openRelais, type Relais } from '../main.js';
import type { Role } from '../accounts/user.js';
import type { ArticleInput } from '../blog/schema.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** A whole Relais on a fresh database, its HTTP app (not listening), and a clock tests can move. */
export interface TestSite {
  readonly relais: Relais;
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  /** Moves the clock every service reads. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

/** Starts a test site; `env` adds or overrides environment variables (e.g. TRUST_PROXY). */
export async function startTestSite(dialect: DialectName, env: Record<string, string> = {}): Promise<TestSite> {
  const database = await createTestDatabase(dialect);
  let now = new Date();
  const relais = await openRelais(parseConfig({ ...database.env, PUBLIC_URL: 'http://relais.test', ...env }), {
    now: () => now,
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const app = await buildApp(relais);
  return {
    relais, app, database,
    setNow(date) { now = date; },
    async close() {
      await app.close();
      await relais.close();
      await database.drop();
    },
  };
}

let counter = 0;

/** An article input with sensible defaults (published an hour ago). */
export function buildArticle(overrides: Partial<ArticleInput> = {}): ArticleInput {
  counter += 1;
  return {
    title: `Article de test ${counter}`,
    slug: undefined,
    sectionId: null,
    lead: `Chapô de l'article ${counter}.`,
    body: `Premier paragraphe de l'article ${counter}.\n\nSecond paragraphe.`,
    credits: '',
    status: 'published',
    publishedAt: new Date(Date.now() - 3600_000),
    ...overrides,
  };
}

/** Creates a user with a known password; returns its e-mail and password. */
export async function addTestUser(site: TestSite, role: Role): Promise<{ email: string; password: string; id: number }> {
  counter += 1;
  const email = `${role}${counter}@mairie.test`;
  const password = `mot-de-passe-${role}-${counter}`;
  const user = await site.relais.accounts.addUser(null, { email, role, password });
  return { email, password, id: user.id };
}

/** The cookies a response sets, as a `cookie` header value for the next request. */
export function cookiesFrom(response: { cookies: readonly { name: string; value: string }[] }, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => c.split(/=(.*)/s, 2) as [string, string]));
  for (const c of response.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The value of the hidden `_csrf` field in a page. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token in page');
  return match[1]!;
}

/** An inject() payload sent the way a browser sends a form (urlencoded), with the given cookies. */
export function formBody(fields: Record<string, string>, cookie = ''): { payload: string; headers: Record<string, string> } {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
  };
}

/** Signs in through the real login form; returns the session's cookie header. */
export async function signIn(site: TestSite, credentials: { email: string; password: string }): Promise<string> {
  const form = await site.app.inject({ method: 'GET', url: '/ecrire/login' });
  let cookie = cookiesFrom(form);
  const response = await site.app.inject({
    method: 'POST', url: '/ecrire/login',
    ...formBody({ _csrf: csrfTokenIn(form.body), email: credentials.email, password: credentials.password }, cookie),
  });
  if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode}`);
  cookie = cookiesFrom(response, cookie);
  return cookie;
}
