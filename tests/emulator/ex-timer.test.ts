// content/ddi/wdm/nf-wdm-exallocatetimer.md, nf-wdm-exsettimer.md, nf-wdm-excanceltimer.md, nf-wdm-exdeletetimer.md,
// nf-wdm-exinitializesettimerparameters.md, nf-wdm-exinitializedeletetimerparameters.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('EX_TIMER', () => {
  it('the callback runs at DISPATCH_LEVEL when the timer expires, periodically when a Period is given', () => {
    const k = createKernel();
    const calls: [number, bigint, number][] = [];
    const t = k.ExAllocateTimer((timer: number, context: number) => calls.push([k.KeGetCurrentIrql(), k.time, context]), 5, k.EX_TIMER_HIGH_RESOLUTION);
    expect(k.ExSetTimer(t, -1000n, 2000n, 0)).toBe(0);
    k.advanceTime(5000n);
    expect(calls).toEqual([[2, 1000n, 5], [2, 3000n, 5], [2, 5000n, 5]]);
    expect(k.ExCancelTimer(t, 0)).toBe(1);
    expect(k.ExDeleteTimer(t, 1, 0, 0)).toBe(0);
  });

  it('ExDeleteTimer with Cancel TRUE cancels a pending timer and reports it', () => {
    const k = createKernel();
    const t = k.ExAllocateTimer(null, 0, 0);
    k.ExSetTimer(t, -1000n, 0n, 0);
    expect(k.ExDeleteTimer(t, 1, 0, 0)).toBe(1);
    expect(k.snapshot().pool).toEqual([]);
  });

  it('ExInitializeSetTimerParameters sets NoWakeTolerance to EX_TIMER_UNLIMITED_TOLERANCE', () => {
    const k = createKernel();
    const p = k.alloc('EXT_SET_PARAMETERS');
    k.ExInitializeSetTimerParameters(p);
    expect(k.get(p, 'EXT_SET_PARAMETERS', 'NoWakeTolerance')).toBe(-1n);
  });

  it('a thread can wait on an EX_TIMER', async () => {
    const k = createKernel();
    const t = k.ExAllocateTimer(null, 0, 0);
    k.ExSetTimer(t, -300n, 0n, 0);
    expect(await k.KeWaitForSingleObject(t, 0, 0, 0, null)).toBe(0);
    expect(k.time).toBe(300n);
    k.ExDeleteTimer(t, 1, 0, 0);
  });

  it('an EX_TIMER never deleted is reported at unload', () => {
    const k = createKernel();
    k.ExAllocateTimer(null, 0, 0);
    expect(() => k.unload()).toThrow(expect.objectContaining({ code: 0xce }));
  });
});
