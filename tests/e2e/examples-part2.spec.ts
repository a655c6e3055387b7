// A sample of emulator part 2's examples in Chromium: the safe string library's printf forms print what the
// Node tests expect, and a list corrupted by a double removal stops with the fail-fast bug check.
import { expect, test } from '@playwright/test';
import { openExample } from './example-helpers.ts';

test('the ntstrsafe printf example formats and truncates in the browser as in Node', async ({ page }) => {
  const box = await openExample(page, 'strsafe-printf');
  await box.locator('.rx-run').click();
  await expect(box.locator('.rx-status')).toHaveText('Finished');
  const output = box.locator('.rx-output');
  await expect(output).toContainText('RtlStringCchW Printf %s=%d 0x0 "irql=2"');
  await expect(output).toContainText('RtlStringCbA Printf %08X%08x (truncated) 0x80000005 "0000BEEF0000123"');
  await expect(output).toContainText('RtlStringCbW PrintfEx %c%c%% 0x0 "ok%" end 3 remaining 26');
});

test('removing a list entry twice shows KERNEL_SECURITY_CHECK_FAILURE with the example line', async ({ page }) => {
  const box = await openExample(page, 'list-double-remove');
  await box.locator('.rx-run').click();
  const bsod = box.locator('.rx-bsod');
  await expect(bsod).toBeVisible();
  await expect(bsod).toContainText('KERNEL_SECURITY_CHECK_FAILURE');
  await expect(bsod).toContainText('*** STOP: 0x00000139');
  await expect(bsod).toContainText('k.RemoveEntryList(a);');
  await expect(box.locator('.rx-output')).toHaveText('removed a, list empty: 0');
});
