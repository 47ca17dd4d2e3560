// Screenshots for the README: starts a throw-away demo site on 127.0.0.1, opens it in Debian's
// Chromium and saves viewport-sized PNGs (small enough to commit) of the public site and the
// back office (signed in through the real login form).
//
//   node --import tsx scripts/screenshots.ts [output folder, default docs/screenshots]
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { generatePassword } from '../src/accounts/password.js';
import { ensureFooterPages, loadDemoContent } from '../src/blog/demo/load-demo-content.js';
import { parseConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
import { openRelais } from '../src/main.js';
import { launchChromium } from '../src/test-support/browser.js';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 390, height: 844 };

/** A port nobody listens on, so PUBLIC_URL can name the real address before the app starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Saves the visible part of the page (never the full page: it keeps files small and honest). */
async function shoot(page: Page, name: string): Promise<void> {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  console.log(`  ${path}  ${Math.round(statSync(path).size / 1024)} Ko`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'relais-screenshots-'));
const port = await freePort();
const relais = await openRelais(
  parseConfig({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', RELAIS_DEMO: '1' }),
  { logger: createLogger({ level: 'warn' }) },
);
const app = await buildApp(relais);
const browser = await launchChromium();
try {
  await ensureFooterPages(relais);
  await loadDemoContent(relais);
  const email = 'camille.martin@val-fleuri.example';
  const password = generatePassword();
  await relais.accounts.addUser(null, { email, name: 'Camille Martin', role: 'admin', password });
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  mkdirSync(outDir, { recursive: true });

  const desktop = await browser.newPage({ viewport: DESKTOP, locale: 'fr-FR' });
  await desktop.goto(`${base}/`);
  await shoot(desktop, 'site-home');
  const firstArticle = await desktop.locator('.teaser-title a').first().getAttribute('href');
  await desktop.goto(`${base}${firstArticle}`);
  await shoot(desktop, 'site-article');
  if (/\{\{|\|\|/.test(await desktop.locator('.texte').innerText())) {
    console.log('  Attention : le corps de l’article montre encore les raccourcis SPIP bruts (renderArticleText pas encore branché\n' +
      '  sur le moteur SPIP) ; relancez ce script une fois le moteur branché.');
  }

  const mobile = await browser.newPage({ viewport: MOBILE, locale: 'fr-FR', deviceScaleFactor: 1 });
  await mobile.goto(`${base}/`);
  await shoot(mobile, 'site-home-mobile');

  await desktop.goto(`${base}/ecrire/login`);
  await shoot(desktop, 'admin-login');
  await desktop.fill('#email', email);
  await desktop.fill('#password', password);
  await Promise.all([desktop.waitForURL((url) => !url.pathname.endsWith('/login')), desktop.click('button[type=submit]')]);
  for (const [path, name] of [['/ecrire/', 'admin-dashboard'], ['/ecrire/articles', 'admin-articles']] as const) {
    const response = await desktop.goto(`${base}${path}`);
    if (response?.ok()) await shoot(desktop, name);
    else console.log(`  ${path} : HTTP ${response?.status()}, pas de capture (page pas encore prête ?)`);
  }
} finally {
  await browser.close();
  await app.close();
  await relais.close();
  rmSync(dataDir, { recursive: true, force: true });
}
