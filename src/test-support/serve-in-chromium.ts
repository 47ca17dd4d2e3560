import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import type { TestSite } from './test-site.js';

/** Serves a test site over real HTTP on 127.0.0.1 (a free port) and starts Chromium to visit it. */
export async function serveInChromium(site: TestSite): Promise<{ base: string; browser: Browser }> {
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  return { base, browser: await launchChromium() };
}
