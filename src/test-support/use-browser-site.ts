import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { serveForBrowser } from './serve-for-browser.js';
import { startTestSite, type TestSite } from './test-site.js';

/** What a Chromium test file shares: the site, the browser visiting it and the site's address. */
export interface BrowserSite {
  readonly site: TestSite;
  readonly browser: Browser;
  readonly base: string;
}

/**
 * Starts a SQLite test site on 127.0.0.1 and Chromium before the file's tests, and closes both after them
 * (pages are the same bytes on PostgreSQL; routes are tested on both dialects elsewhere).
 * Read the fields inside a test, once the `before` hook has run.
 *
 * @param seed adds the file's data to the site before it starts listening (optional).
 *
 * @example
 * const shared = useBrowserSite();
 * test('…', async () => {
 *   const { site, browser, base } = shared;
 * });
 */
export function useBrowserSite(seed?: (site: TestSite) => Promise<void>): BrowserSite {
  let site: TestSite | undefined;
  let served: { base: string; browser: Browser } | undefined;
  before(async () => {
    site = await startTestSite('sqlite');
    await seed?.(site);
    served = await serveForBrowser(site);
  });
  after(async () => {
    await served?.browser.close();
    await site?.close();
  });
  const ready = () => {
    if (site === undefined || served === undefined) throw new Error('useBrowserSite: read inside a test, after before()');
    return { site, ...served };
  };
  return Object.freeze({
    get site() { return ready().site; },
    get browser() { return ready().browser; },
    get base() { return ready().base; },
  });
}
