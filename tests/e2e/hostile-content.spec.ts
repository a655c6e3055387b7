import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { serveStatic } from './static-server.ts';

/**
 * Builds the site from tests/fixtures/catalog-hostile.json, whose prose, signatures, titles and URLs
 * carry scripts, event handlers, javascript:/data:/file: links, iframes (srcdoc), styles, object, form,
 * meta refresh and base tags, each of which would set `window.__pwned` if it ran. In Chromium, on every
 * page type the fixture reaches, the flag stays unset, no dialog opens, and no such element or link exists.
 */
const FIXTURE = 'tests/fixtures/catalog-hostile.json';
let outDir = '';
let server: Awaited<ReturnType<typeof serveStatic>>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Inside the project: Astro keeps its prerender chunks beside an outDir within the project, but in the
  // shared .astro/ for one outside it, where a concurrent build of dist/ would overwrite them.
  outDir = `test-results/hostile-site-${process.pid}`;
  execFileSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ...process.env, DDI_CATALOG: FIXTURE },
    stdio: 'pipe',
  });
  server = await serveStatic(outDir);
});

test.afterAll(async () => {
  await server?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const catalog = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const pages = [
  `/routines/${catalog.routines[0].name}/`,
  `/structures/${catalog.structures[0].name}/`,
  `/categories/${catalog.categories[0].slug}/`,
  '/replacements/',
  '/irql/',
  '/',
  '/headers/wdm.h/',
  // A routine whose name is markup: title, URL, tables and the name index must all keep it text.
  `/routines/${encodeURIComponent(catalog.routines.find((r: { name: string }) => r.name.includes('<img')).name)}/`,
];

for (const path of pages) {
  test(`hostile prose renders inert on ${path}`, async ({ page }) => {
    const dialogs: string[] = [];
    const violations: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(server.url + path);
    await page.waitForLoadState('load');
    // Give handlers (onerror of a failed image, ontoggle, onload) time to fire if any survived.
    await page.waitForTimeout(500);
    // Click everything clickable in the content: a javascript: link that survived would run now.
    for (const link of await page.locator('main a').all()) {
      const href = (await link.getAttribute('href')) ?? '';
      expect(href, 'a link in the content').toMatch(/^(https:\/\/|\/|#)/);
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const main = page.locator('main');
    await expect(main.locator('iframe, object, embed, form:not(.table-filter), style, meta, base, svg[onload]')).toHaveCount(0);
    // The site's own module scripts may sit in <main>; none may carry text from the content.
    const scripts = await main.locator('script').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(scripts.filter((t) => t.includes('__pwned'))).toEqual([]);
    await expect(main.locator('[onerror], [onload], [onclick], [ontoggle], [srcdoc], [style*="position:fixed"]')).toHaveCount(0);
    await expect(main.locator('a[href^="javascript:"], a[href^="file:"], a[href^="data:"], a[href^="http:"]')).toHaveCount(0);
    for (const link of await main.locator('a[href^="https://"]').all()) {
      await expect(link).toHaveAttribute('rel', /noopener/);
    }
    // The page is still visible: a hostile <style> did not hide it.
    await expect(page.locator('h1')).toBeVisible();
    // The CSP is on the page, and nothing of ours was blocked by it.
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);
    expect(violations).toEqual([]);
  });
}

test('hostile text is shown as text, not dropped: the payload words remain readable', async ({ page }) => {
  await page.goto(`${server.url}/routines/${catalog.routines[0].name}/`);
  // The file: link keeps its text; the safe https link stays a link.
  await expect(page.locator('main')).toContainText('local file');
  await expect(page.locator('main a[href="https://learn.microsoft.com/windows-hardware/drivers/kernel/run-down-protection"]').first()).toHaveText('safe link');
  // The signature's markup is text inside the prototype.
  await expect(page.locator('.signature pre')).toContainText('<script>window.__pwned="signature"</script>');
});

test('the CSP really blocks inline script: an injected inline script does not run', async ({ page }) => {
  await page.goto(`${server.url}/`);
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__cspEscaped = true';
    document.body.append(s);
    return (window as unknown as { __cspEscaped?: boolean }).__cspEscaped === true;
  });
  expect(ran).toBe(false);
});

test('search shows names that are markup as text', async ({ page }) => {
  await page.goto(`${server.url}/irql/`);
  await page.keyboard.press('/');
  await page.locator('dialog[open] input').fill('evil');
  const option = page.locator('dialog[open] [role="option"]').first();
  await expect(option.locator('.search-title')).toHaveText(`Evil"><img src=x onerror=window.__pwned='name'>`);
  await page.locator('dialog[open] input').fill('svg');
  await expect(page.locator('dialog[open] [role="option"]').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(/^Evil"><img/);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('main img, main svg[onload]')).toHaveCount(0);
});
