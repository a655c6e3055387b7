import { expect, test } from '@playwright/test';
import { serveStatic } from './static-server.ts';

/**
 * Offline after one visit: serve dist/ from a server this test owns, visit, stop the server, and keep
 * browsing: the home page, search (names and full text), a page seen before, and a clear page for one
 * never seen.
 */
test('after one visit the site and its search work with the server stopped', async ({ browser }) => {
  const server = await serveStatic('dist');
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/`);
    // The service worker precaches the shell (home, index pages, search indexes) while installing.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect
      .poll(() => page.evaluate(async () => !!(await caches.match('/search/names.json')) && !!navigator.serviceWorker.controller), { timeout: 30_000 })
      .toBe(true);
    await page.goto(`${server.url}/routines/ExAcquireRundownProtection/`);
    await expect(page.locator('h1')).toHaveText('ExAcquireRundownProtection');
    await expect.poll(() => page.evaluate(async () => !!(await caches.match('/routines/ExAcquireRundownProtection/')))).toBe(true);
  } finally {
    await server.stop();
  }

  // The server is gone: nothing answers on its port any more.
  await expect(page.request.get(`${server.url}/`)).rejects.toThrow();

  await page.goto(`${server.url}/`);
  await expect(page.locator('h1')).toHaveText('DDI Atlas');
  await page.keyboard.press('/');
  await page.keyboard.type('rundown');
  const option = page.getByRole('option').filter({ has: page.getByText('ExAcquireRundownProtection', { exact: true }) });
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(/\/routines\/ExAcquireRundownProtection\/$/);
  await expect(page.locator('.signature pre')).toContainText('ExAcquireRundownProtection');

  await page.goto(`${server.url}/routines/IoAllocateMdl/`);
  await expect(page.locator('h1')).toHaveText('Not saved for offline use');
  await context.close();
});

test('"Keep the whole site offline" saves every page, so an unvisited page opens with the server stopped', async ({ browser }) => {
  test.setTimeout(240_000);
  const server = await serveStatic('dist');
  const context = await browser.newContext();
  const page = await context.newPage();
  const manifest = JSON.parse(await (await fetch(`${server.url}/offline-manifest.json`)).text()) as { pages: string[] };
  const unvisited = manifest.pages.find((p) => p.startsWith('/routines/') && !p.includes('ExAcquireRundownProtection'))!;
  try {
    await page.goto(`${server.url}/data/`);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: 'Keep the whole site offline' }).click();
    await expect(page.locator('#save-offline-status')).toHaveText(`All ${manifest.pages.length} pages and search files are saved for offline use.`, { timeout: 200_000 });
  } finally {
    await server.stop();
  }
  await page.goto(server.url + unvisited);
  await expect(page.locator('h1')).not.toHaveText('Not saved for offline use');
  await expect(page.locator('h1')).toHaveText(decodeURIComponent(unvisited.split('/')[2]));
  // Full-text search works offline too: every index chunk and fragment was saved.
  await page.keyboard.press('/');
  await page.locator('dialog[open] input').fill('nonpaged');
  await expect(page.locator('dialog[open] [role="option"] .search-detail', { hasText: 'full text' }).first()).toBeVisible({ timeout: 15_000 });
  await context.close();
});
