import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the playground's example `slug` in its editor and returns the example's box. */
export async function openExample(page: Page, slug: string): Promise<Locator> {
  await page.goto('/playground/');
  const box = page.locator(`.runnable-example[data-example="${slug}"]`);
  await box.locator('.rx-open').click();
  await expect(box.locator('.rx-editor .cm-editor')).toBeVisible();
  return box;
}
