import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import type { TestSite } from './test-site.js';

/**
 * Makes a test site listen on a free port of 127.0.0.1 and starts Chromium to visit it.
 *
 * @example
 * const { base, browser } = await serveForBrowser(site);
 * await (await browser.newPage()).goto(`${base}/ecrire/login`);
 */
export async function serveForBrowser(site: TestSite): Promise<{ base: string; browser: Browser }> {
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  return { base, browser: await launchChromium() };
}
