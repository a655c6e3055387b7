// content/ddi/wdm/nf-wdm-exinitializerundownprotection.md, nf-wdm-exacquirerundownprotection.md,
// nf-wdm-exreleaserundownprotection.md, nf-wdm-exwaitforrundownprotectionrelease.md, nf-wdm-exrundowncompleted.md,
// nf-wdm-exreinitializerundownprotection.md, nf-wdm-exacquirerundownprotectionex.md, …cacheaware.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function setup() {
  const k = createKernel();
  const r = k.alloc('EX_RUNDOWN_REF');
  k.ExInitializeRundownProtection(r);
  return { k, r };
}

describe('EX_RUNDOWN_REF', () => {
  it('ExAcquireRundownProtection returns TRUE and counts the protection', () => {
    const { k, r } = setup();
    expect(k.ExAcquireRundownProtection(r)).toBe(k.TRUE);
    expect(k.ExAcquireRundownProtectionEx(r, 3)).toBe(k.TRUE);
    expect(k.read(r, 'ULONG_PTR')).toBe(8n);
    k.ExReleaseRundownProtectionEx(r, 3);
    k.ExReleaseRundownProtection(r);
    expect(k.read(r, 'ULONG_PTR')).toBe(0n);
  });

  it('ExWaitForRundownProtectionRelease waits for every protection, and acquires fail once run-down started', async () => {
    const { k, r } = setup();
    k.ExAcquireRundownProtection(r);
    const log: string[] = [];
    k.startThread('User', async () => {
      log.push(`acquire during run-down: ${k.ExAcquireRundownProtection(r)}`);
      await k.KeDelayExecutionThread(0, 0, -1000n);
      log.push('release');
      k.ExReleaseRundownProtection(r);
    });
    await k.ExWaitForRundownProtectionRelease(r);
    log.push('run-down complete');
    expect(log).toEqual(['acquire during run-down: 0', 'release', 'run-down complete']);
    expect(k.ExAcquireRundownProtection(r)).toBe(k.FALSE);
  });

  it('ExWaitForRundownProtectionRelease returns at once when nothing is held', () => {
    const { k, r } = setup();
    expect(k.ExWaitForRundownProtectionRelease(r)).toBeUndefined();
    k.ExRundownCompleted(r);
    expect(k.ExAcquireRundownProtection(r)).toBe(0);
  });

  it('ExReInitializeRundownProtection makes a run-down block usable again', () => {
    const { k, r } = setup();
    k.ExWaitForRundownProtectionRelease(r);
    k.ExReInitializeRundownProtection(r);
    expect(k.ExAcquireRundownProtection(r)).toBe(1);
  });

  it('releasing protection never acquired is reported', () => {
    const { k, r } = setup();
    expect(() => k.ExReleaseRundownProtection(r)).toThrow(expect.objectContaining({ code: 0xc4, routine: 'ExReleaseRundownProtection' }));
  });

  it('the cache-aware form counts per processor and waits for all of them', async () => {
    const k = createKernel({ cpus: 2 });
    const r = k.ExAllocateCacheAwareRundownProtection(k.NonPagedPoolNx, k.tag('RunR'));
    expect(k.ExSizeOfRundownProtectionCacheAware()).toBe(192n);
    expect(k.ExAcquireRundownProtectionCacheAware(r)).toBe(1);
    k.startThread('OnCpu1', async () => {
      expect(k.ExAcquireRundownProtectionCacheAware(r)).toBe(1);
      await k.KeDelayExecutionThread(0, 0, -10n);
      // A protection may be released on another processor than the one that acquired it.
      k.ExReleaseRundownProtectionCacheAware(r);
      k.ExReleaseRundownProtectionCacheAware(r);
    });
    await k.settle();
    await k.ExWaitForRundownProtectionReleaseCacheAware(r);
    expect(k.time).toBe(10n);
    expect(k.ExAcquireRundownProtectionCacheAware(r)).toBe(0);
    k.ExFreeCacheAwareRundownProtection(r);
    expect(k.unload().blockedThreads).toEqual([]);
  });
});
