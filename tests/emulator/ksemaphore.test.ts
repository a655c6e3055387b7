// content/ddi/wdm/nf-wdm-keinitializesemaphore.md, nf-wdm-kereleasesemaphore.md, nf-wdm-kereadstatesemaphore.md
import { describe, expect, it } from 'vitest';
import { createKernel, NtStatusError } from '../../src/emulator/index.ts';

describe('KSEMAPHORE', () => {
  it('each satisfied wait decrements the count; a wait at zero blocks', async () => {
    const k = createKernel();
    const s = k.alloc('KSEMAPHORE');
    k.KeInitializeSemaphore(s, 2, 5);
    expect(k.get(s, 'KSEMAPHORE', 'Limit')).toBe(5);
    expect(await k.KeWaitForSingleObject(s, 0, 0, 0, null)).toBe(k.STATUS_SUCCESS);
    expect(await k.KeWaitForSingleObject(s, 0, 0, 0, null)).toBe(k.STATUS_SUCCESS);
    expect(k.KeReadStateSemaphore(s)).toBe(0);
    expect(k.KeWaitForSingleObject(s, 0, 0, 0, 0n)).toBe(k.STATUS_TIMEOUT);
  });

  it('KeReleaseSemaphore returns the previous count and releases waiters', async () => {
    const k = createKernel();
    const s = k.alloc('KSEMAPHORE');
    k.KeInitializeSemaphore(s, 0, 3);
    let got = 0;
    for (const n of ['A', 'B', 'C']) k.startThread(n, async () => {
      await k.KeWaitForSingleObject(s, 0, 0, 0, null);
      got++;
    });
    await k.settle();
    expect(k.KeReleaseSemaphore(s, k.SEMAPHORE_INCREMENT, 2, k.FALSE)).toBe(0);
    await k.settle();
    expect(got).toBe(2);
    expect(k.KeReadStateSemaphore(s)).toBe(0);
  });

  it('an adjustment past the limit raises STATUS_SEMAPHORE_LIMIT_EXCEEDED and leaves the count unchanged', () => {
    const k = createKernel();
    const s = k.alloc('KSEMAPHORE');
    k.KeInitializeSemaphore(s, 1, 2);
    let err: unknown;
    try {
      k.KeReleaseSemaphore(s, 0, 2, 0);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NtStatusError);
    expect((err as NtStatusError).status).toBe(0xc0000047);
    expect(k.KeReadStateSemaphore(s)).toBe(1);
  });
});
