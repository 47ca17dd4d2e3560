import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../accounts/user.js';
import { addTestUser, cookiesFrom, csrfTokenIn, formBody, signIn, type TestSite } from './test-site.js';

/** A signed-in browser for back-office tests: GETs pages and posts forms with a fresh CSRF token. */
export interface AdminTestClient {
  /** The session and CSRF cookies, as a `cookie` header value. */
  readonly cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  /** Posts `fields` with the token of the page `from` (a page this user may see). */
  post(url: string, fields: Record<string, string>, from?: string): Promise<LightMyRequestResponse>;
}

/** Signs in through the real form and returns a client carrying the session cookies. */
export async function adminTestClient(site: TestSite, credentials: { email: string; password: string }): Promise<AdminTestClient> {
  let cookie = await signIn(site, credentials);
  async function get(url: string) {
    const response = await site.app.inject({ method: 'GET', url, headers: { cookie } });
    cookie = cookiesFrom(response, cookie);
    return response;
  }
  return {
    get cookie() { return cookie; },
    get,
    async post(url, fields, from = '/ecrire/articles') {
      const page = await get(from);
      return site.app.inject({ method: 'POST', url, ...formBody({ _csrf: csrfTokenIn(page.body), ...fields }, cookie) });
    },
  };
}

/** A test client and the id of its account. */
export type SignedInClient = AdminTestClient & { readonly id: number };

/**
 * One signed-in client per role, created once per test block (each account costs a scrypt hash).
 *
 * @example
 * const as = await signedInClients(site, ['admin', 'reader']);
 * await as.reader.get('/ecrire/');
 */
export async function signedInClients<R extends Role>(site: TestSite, roles: readonly R[]): Promise<Record<R, SignedInClient>> {
  const clients = {} as Record<R, SignedInClient>;
  for (const role of roles) {
    const user = await addTestUser(site, role);
    clients[role] = Object.assign(await adminTestClient(site, user), { id: user.id });
  }
  return clients;
}
