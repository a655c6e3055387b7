// content/ddi/wdm/nf-wdm-exinitializefastmutex.md, nf-wdm-exacquirefastmutex.md, nf-wdm-exreleasefastmutex.md,
// nf-wdm-extrytoacquirefastmutex.md, nf-wdm-exacquirefastmutexunsafe.md, nf-wdm-kacquireguardedmutex.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('FAST_MUTEX', () => {
  it('ExAcquireFastMutex raises to APC_LEVEL; ExReleaseFastMutex restores the original IRQL', () => {
    const k = createKernel();
    const m = k.alloc('FAST_MUTEX');
    k.ExInitializeFastMutex(m);
    expect(k.get(m, 'FAST_MUTEX', 'Count')).toBe(1);
    k.ExAcquireFastMutex(m);
    expect(k.KeGetCurrentIrql()).toBe(k.APC_LEVEL);
    expect(k.get(m, 'FAST_MUTEX', 'Owner')).toBe(k.KeGetCurrentThread());
    k.ExReleaseFastMutex(m);
    expect(k.KeGetCurrentIrql()).toBe(k.PASSIVE_LEVEL);
  });

  it('ExTryToAcquireFastMutex returns FALSE when another thread owns it', async () => {
    const k = createKernel();
    const m = k.alloc('FAST_MUTEX');
    k.ExInitializeFastMutex(m);
    k.ExAcquireFastMutex(m);
    let got = -1;
    k.startThread('T2', () => {
      got = k.ExTryToAcquireFastMutex(m);
    });
    await k.settle();
    expect(got).toBe(0);
    k.ExReleaseFastMutex(m);
  });

  it('a contending thread waits and gets the mutex when it is released, in FIFO order', async () => {
    const k = createKernel();
    const m = k.alloc('FAST_MUTEX');
    k.ExInitializeFastMutex(m);
    k.ExAcquireFastMutex(m);
    const got: string[] = [];
    for (const n of ['A', 'B']) {
      k.startThread(n, async () => {
        await k.ExAcquireFastMutex(m);
        got.push(n);
        k.ExReleaseFastMutex(m);
      });
      await k.settle();
    }
    expect(k.get(m, 'FAST_MUTEX', 'Contention')).toBe(2);
    // Count: 0 for owned, minus one per waiter.
    expect(k.get(m, 'FAST_MUTEX', 'Count')).toBe(-2);
    k.ExReleaseFastMutex(m);
    await k.settle();
    expect(got).toEqual(['A', 'B']);
  });

  it('a fast mutex cannot be acquired recursively: the second acquisition is reported', () => {
    const k = createKernel();
    const m = k.alloc('FAST_MUTEX');
    k.ExInitializeFastMutex(m);
    k.ExAcquireFastMutex(m);
    expect(() => k.ExAcquireFastMutex(m)).toThrow();
  });

  it('the Unsafe forms leave IRQL alone; calling them with APCs enabled is a timeline warning', () => {
    const k = createKernel();
    const m = k.alloc('FAST_MUTEX');
    k.ExInitializeFastMutex(m);
    k.ExAcquireFastMutexUnsafe(m);
    k.ExReleaseFastMutexUnsafe(m);
    expect(k.timeline().filter((e) => /Verifier warning: ExAcquireFastMutexUnsafe/.test(e.detail)).length).toBe(1);
    k.KeEnterCriticalRegion();
    k.ExAcquireFastMutexUnsafe(m);
    expect(k.KeGetCurrentIrql()).toBe(0);
    k.ExReleaseFastMutexUnsafe(m);
    k.KeLeaveCriticalRegion();
  });

  it('releasing a fast mutex that is not owned is reported', () => {
    const k = createKernel();
    const m = k.alloc('FAST_MUTEX');
    k.ExInitializeFastMutex(m);
    k.KeRaiseIrql(k.APC_LEVEL, k.alloc('KIRQL'));
    expect(() => k.ExReleaseFastMutex(m)).toThrow(/not owned/);
  });
});

describe('KGUARDED_MUTEX', () => {
  it('KeAcquireGuardedMutex enters a guarded region; KeReleaseGuardedMutex leaves it', () => {
    const k = createKernel();
    const m = k.alloc('KGUARDED_MUTEX');
    k.KeInitializeGuardedMutex(m);
    k.KeAcquireGuardedMutex(m);
    expect(k.KeAreAllApcsDisabled()).toBe(1);
    expect(k.KeTryToAcquireGuardedMutex(m)).toBe(0);
    k.KeReleaseGuardedMutex(m);
    expect(k.KeAreAllApcsDisabled()).toBe(0);
    expect(k.KeTryToAcquireGuardedMutex(m)).toBe(1);
    k.KeReleaseGuardedMutex(m);
  });
});
