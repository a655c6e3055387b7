// The runnable examples in Chromium: the playground runs an example in a Web Worker and shows its output,
// a bug check as the blue-screen summary, and stops a runaway example at the time limit.
import { expect, test } from '@playwright/test';
import { openExample } from './example-helpers.ts';

test('an example runs in a worker and prints its expected output', async ({ page }) => {
  const box = await openExample(page, 'irql');
  await box.locator('.rx-run').click();
  await expect(box.locator('.rx-status')).toHaveText('Finished');
  await expect(box.locator('.rx-output')).toHaveText(/at DISPATCH_LEVEL 2 previous 1[\s\S]*back to 0/);
  await expect(box.locator('.rx-state')).toContainText('PASSIVE_LEVEL');
  await expect(box.locator('.rx-bsod')).toBeHidden();
});

test('a bug check is shown like the blue screen summary, with the example line', async ({ page }) => {
  const box = await openExample(page, 'spin-lock-recursion');
  await box.locator('.rx-run').click();
  const bsod = box.locator('.rx-bsod');
  await expect(bsod).toBeVisible();
  await expect(bsod).toContainText('SPIN_LOCK_ALREADY_OWNED');
  await expect(bsod).toContainText('*** STOP: 0x0000000F');
  await expect(bsod).toContainText('Example line 11: k.KeAcquireSpinLock(lock, oldIrql);');
  await expect(box.locator('.rx-output')).toHaveText('acquired once at IRQL 2');
});

test('edited code runs, a runaway example is stopped, and the worker has no network', async ({ page }) => {
  const box = await openExample(page, 'irql');
  const editor = box.locator('.rx-editor .cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText("print(typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof importScripts);\nwhile (true) {}");
  await box.locator('.rx-run').click();
  await expect(box.locator('.rx-output')).toContainText('undefined undefined undefined undefined');
  await expect(box.locator('.rx-output')).toContainText('was stopped', { timeout: 10_000 });
  await box.locator('.rx-reset').click();
  await expect(box.locator('.rx-editor .cm-content')).toContainText('KeRaiseIrqlToDpcLevel');
});

test('code that cannot compile or tries to load code is refused with a message', async ({ page }) => {
  const box = await openExample(page, 'irql');
  const editor = box.locator('.rx-editor .cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('print(1;');
  await box.locator('.rx-run').click();
  await expect(box.locator('.rx-status')).toHaveText('Failed');
  await expect(box.locator('.rx-output')).toContainText('error:');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText("await import('https://example.invalid/x.js');");
  await box.locator('.rx-run').click();
  await expect(box.locator('.rx-output')).toContainText('Examples cannot load code');
});
