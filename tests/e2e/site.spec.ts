import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { builtCatalog, pageTypes, useTheme } from './site-helpers.ts';

const catalog = builtCatalog();

test.describe('keyboard journey', () => {
  test('home, `/`, "rundown", arrows to ExAcquireRundownProtection, Enter: its IRQL badge and prototype', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('/');
    const input = page.locator('[data-search-inline] input');
    await expect(input).toBeFocused();
    await page.keyboard.type('rundown');
    const target = page.getByRole('option').filter({ has: page.getByText('ExAcquireRundownProtection', { exact: true }) });
    await expect(target).toBeVisible();
    // Move with the arrow keys only, until the wanted option is the active one.
    for (let i = 0; i < 40 && (await target.getAttribute('aria-selected')) !== 'true'; i++) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(target).toHaveAttribute('aria-selected', 'true');
    // Full-text results arrive later and are appended: the selection must stay where the reader put it.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await expect(target).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/routines\/ExAcquireRundownProtection\/$/);
    const badge = page.locator('.requirements .irql-badge');
    await expect(badge).toHaveAttribute('data-irql-max', 'DISPATCH_LEVEL');
    await expect(badge).toContainText('DISPATCH_LEVEL');
    await expect(page.locator('.signature pre')).toContainText('BOOLEAN ExAcquireRundownProtection(');
  });

  test('ranking: exact and prefix name matches come first; camelCase parts match', async ({ page }) => {
    await page.goto('/routines/ExAcquireRundownProtection/');
    await page.keyboard.press('Control+K');
    const input = page.locator('dialog[open] input');
    await expect(input).toBeFocused();
    await input.fill('ExAcquireRundownProtection');
    const options = page.locator('dialog[open] [role="option"] .search-title');
    await expect(options.first()).toHaveText('ExAcquireRundownProtection');
    await expect(options.nth(1)).toHaveText(/^ExAcquireRundownProtection./);
    await input.fill('rundown');
    await expect(options.first()).toBeVisible();
    const details = await page.locator('dialog[open] [role="option"] .search-detail').allTextContents();
    const titles = (await options.allTextContents()).filter((_, i) => details[i] !== 'full text');
    expect(titles.length).toBeGreaterThan(3);
    // Every name hit contains the query as camelCase parts or words ("Run-Down", "ExAcquireRundownProtection").
    for (const t of titles) expect(t.toLowerCase().replace(/[^a-z0-9]/g, '')).toContain('rundown');
    expect(titles).toContain('ExAcquireRundownProtection');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    // `/` opens the dialog from anywhere outside a text field.
    await page.keyboard.press('/');
    await expect(page.locator('dialog[open] input')).toBeFocused();
  });

  test('full-text matches from pagefind follow the name matches', async ({ page }) => {
    await page.goto('/data/');
    await page.keyboard.press('/');
    // A word of the prose that is part of no name.
    await page.locator('dialog[open] input').fill('nonpaged');
    const fullText = page.locator('dialog[open] [role="option"]', { has: page.locator('.search-detail', { hasText: 'full text' }) });
    await expect(fullText.first()).toBeVisible({ timeout: 15_000 });
    await expect(fullText.first().locator('.search-excerpt mark').first()).toHaveText(/nonpaged/i);
  });

  test('the search UI is not loaded until search is opened', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/routines/ExAcquireRundownProtection/');
    await page.waitForLoadState('networkidle');
    expect(requested.filter((p) => /search-ui|names\.json|pagefind/.test(p))).toEqual([]);
    await page.keyboard.press('/');
    await page.locator('dialog[open] input').fill('spinlock');
    await expect(page.locator('dialog[open] [role="option"]').first()).toBeVisible();
    expect(requested.some((p) => p.endsWith('/search/names.json'))).toBe(true);
  });
});

test('an obsolete routine links its replacement (HalGetAdapter → IoGetDmaAdapter)', async ({ page }) => {
  await page.goto('/routines/HalGetAdapter/');
  const banner = page.locator('.status-banner');
  await expect(banner).toContainText('obsolete');
  const link = banner.locator('a.replacement-link').first();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/routines\/IoGetDmaAdapter\/$/);
  await expect(page.locator('h1')).toHaveText('IoGetDmaAdapter');
});

test('a structure page lists every routine that takes or initialises it', async ({ page }) => {
  const structure = catalog.structures.find((s) => s.routines.length > 0);
  test.skip(!structure, 'the catalog has no structure with routines');
  await page.goto(`/structures/${structure!.name}/`);
  const rows = page.locator('.routine-table tbody th');
  await expect(rows).toHaveText(structure!.routines.map((n) => new RegExp(`^${n}`)));
  for (const name of structure!.routines) {
    if (catalog.routines.some((r) => r.name === name)) {
      await expect(page.locator(`.routine-table a[href="/routines/${name}/"]`)).toBeVisible();
    }
  }
});

test('/catalog.json validates against /schema/catalog.schema.json', async ({ request }) => {
  const schema = await (await request.get('/schema/catalog.schema.json')).json();
  const data = await (await request.get('/catalog.json')).json();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  expect(validate(data), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  expect(data.routines.length).toBe(catalog.routines.length);
  const one = await (await request.get(`/routines/${catalog.routines[0].name}.json`)).json();
  expect(one).toEqual(catalog.routines[0]);
});

for (const { type, url } of pageTypes(catalog)) {
  test(`axe-core: no serious or critical violation on the ${type} page (${url}); nothing blocked by the CSP`, async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`screenshot: ${type} page, ${theme} theme`, async ({ page }, info) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.screenshot({ path: info.outputPath(`${type}-${theme}.png`), fullPage: false });
    });
  }
}

test('axe-core and screenshots: the open search dialog, light and dark, and a phone-sized routine page', async ({ page }, info) => {
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(page, theme);
    await page.goto('/routines/ExAcquireRundownProtection/');
    await page.keyboard.press('/');
    await page.locator('dialog[open] input').fill('rundown');
    await expect(page.locator('dialog[open] [role="option"]').first()).toBeVisible();
    await page.screenshot({ path: info.outputPath(`search-${theme}.png`) });
    const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/routines/ExAcquireRundownProtection/');
  await page.screenshot({ path: info.outputPath('routine-phone.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the IRQL index filters by level and name, and opens filtered from a home-page link', async ({ page }) => {
  await page.goto('/');
  await page.locator('a[href="/irql/#PASSIVE_LEVEL"]').click();
  const level = page.locator('select[data-filter="levels"]');
  await expect(level).toHaveValue('PASSIVE_LEVEL');
  const visible = page.locator('#irql-table tbody tr:not([hidden])');
  const passiveOnly = catalog.routines.filter((r) => r.irql?.min === 'PASSIVE_LEVEL').length;
  await expect(visible).toHaveCount(passiveOnly);
  await level.selectOption('DISPATCH_LEVEL');
  await page.locator('[data-filter-text]').fill('ExAcquireRundownProtection');
  await expect(visible.first()).toHaveAttribute('data-name', /^ExAcquireRundownProtection/);
  for (const row of await visible.all()) {
    await expect(row).toHaveAttribute('data-levels', /DISPATCH_LEVEL/);
  }
});

test('the prototype copy button puts the C prototype on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/routines/ExAcquireRundownProtection/');
  const button = page.locator('.signature button[data-copy]');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const routine = catalog.routines.find((r) => r.name === 'ExAcquireRundownProtection')!;
  expect(copied).toBe(routine.signature);
});
