import type { Page } from 'playwright-core';

/** Signs in through the real back-office login form of the site at `base`. */
export async function signInInBrowser(page: Page, base: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${base}/ecrire/login`);
  await page.fill('input[name="email"]', credentials.email);
  await page.fill('input[name="password"]', credentials.password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.press('input[name="password"]', 'Enter')]);
}
