// content/ddi/wdm/nf-wdm-keinitializemutex.md, nf-wdm-kereleasemutex.md, nf-wdm-kereadstatemutex.md
import { describe, expect, it } from 'vitest';
import { createKernel, NtStatusError } from '../../src/emulator/index.ts';

describe('KMUTEX', () => {
  it('is initialised signaled (state 1) and owned by the thread whose wait it satisfies', async () => {
    const k = createKernel();
    const m = k.alloc('KMUTEX');
    k.KeInitializeMutex(m, 0);
    expect(k.KeReadStateMutex(m)).toBe(1);
    await k.KeWaitForSingleObject(m, 0, 0, 0, null);
    expect(k.KeReadStateMutex(m)).toBe(0);
    expect(k.get(m, 'KMUTEX', 'OwnerThread')).toBe(k.KeGetCurrentThread());
  });

  it('the owner can acquire it recursively and must release it as many times', async () => {
    const k = createKernel();
    const m = k.alloc('KMUTEX');
    k.KeInitializeMutex(m, 0);
    await k.KeWaitForSingleObject(m, 0, 0, 0, null);
    await k.KeWaitForSingleObject(m, 0, 0, 0, null);
    expect(k.KeReadStateMutex(m)).toBe(-1);
    expect(k.KeReleaseMutex(m, 0)).toBe(-1);
    expect(k.KeReleaseMutex(m, 0)).toBe(0);
    expect(k.KeReadStateMutex(m)).toBe(1);
  });

  it('another thread waits until the owner releases it', async () => {
    const k = createKernel();
    const m = k.alloc('KMUTEX');
    k.KeInitializeMutex(m, 0);
    await k.KeWaitForSingleObject(m, 0, 0, 0, null);
    let owned = false;
    k.startThread('T2', async () => {
      await k.KeWaitForSingleObject(m, 0, 0, 0, null);
      owned = true;
      k.KeReleaseMutex(m, 0);
    });
    await k.settle();
    expect(owned).toBe(false);
    k.KeReleaseMutex(m, 0);
    await k.settle();
    expect(owned).toBe(true);
  });

  it('releasing a mutex the caller does not own raises STATUS_MUTANT_NOT_OWNED', () => {
    const k = createKernel();
    const m = k.alloc('KMUTEX');
    k.KeInitializeMutex(m, 0);
    expect(() => k.KeReleaseMutex(m, 0)).toThrow(NtStatusError);
  });

  it('unloading while a mutex is still owned is reported', async () => {
    const k = createKernel();
    const m = k.alloc('KMUTEX');
    k.KeInitializeMutex(m, 0);
    await k.KeWaitForSingleObject(m, 0, 0, 0, null);
    expect(() => k.unload()).toThrow(expect.objectContaining({ codeName: 'SYSTEM_EXIT_OWNED_MUTEX' }));
  });
});
