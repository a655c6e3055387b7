// content/ddi/wdm/nf-wdm-keentercriticalregion.md, nf-wdm-keleavecriticalregion.md, nf-wdm-keenterguardedregion.md,
// nf-wdm-keareapcsdisabled.md, nf-wdm-kegetcurrentthread.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('critical and guarded regions', () => {
  it('KeAreApcsDisabled is TRUE inside a critical region; regions nest', () => {
    const k = createKernel();
    expect(k.KeAreApcsDisabled()).toBe(0);
    k.KeEnterCriticalRegion();
    k.KeEnterCriticalRegion();
    k.KeLeaveCriticalRegion();
    expect(k.KeAreApcsDisabled()).toBe(1);
    k.KeLeaveCriticalRegion();
    expect(k.KeAreApcsDisabled()).toBe(0);
  });

  it('leaving a region never entered, or unloading inside one, is APC_INDEX_MISMATCH', () => {
    const k = createKernel();
    expect(() => k.KeLeaveCriticalRegion()).toThrow(expect.objectContaining({ code: 0x01 }));
    k.KeEnterGuardedRegion();
    expect(k.KeAreAllApcsDisabled()).toBe(1);
    k.KeLeaveGuardedRegion();
    k.KeEnterCriticalRegion();
    expect(() => k.unload()).toThrow(expect.objectContaining({ codeName: 'APC_INDEX_MISMATCH' }));
  });

  it('each thread has its own thread object', async () => {
    const k = createKernel();
    const main = k.KeGetCurrentThread();
    let other = 0;
    const started = k.startThread('T2', () => {
      other = k.KeGetCurrentThread();
    });
    await k.settle();
    expect(other).toBe(started);
    expect(other).not.toBe(main);
    // Every thread object, not only those the object manager has met, is typed ThreadObject (6).
    expect(k.read(other, 'UCHAR')).toBe(6);
    expect(k.read(main, 'UCHAR')).toBe(6);
  });
});
