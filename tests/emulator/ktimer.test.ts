// content/ddi/wdm/nf-wdm-keinitializetimerex.md, nf-wdm-kesettimer.md, nf-wdm-kesettimerex.md, nf-wdm-kecanceltimer.md,
// nf-wdm-kereadstatetimer.md, nf-wdm-keinitializedpc.md, nf-wdm-keinsertqueuedpc.md, nf-wdm-keremovequeuedpc.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('KTIMER and KDPC', () => {
  it('KeSetTimer returns FALSE for an idle timer and TRUE when the timer was already queued', () => {
    const k = createKernel();
    const t = k.alloc('KTIMER');
    k.KeInitializeTimer(t);
    expect(k.KeSetTimer(t, -100n, 0)).toBe(0);
    expect(k.KeSetTimer(t, -100n, 0)).toBe(1);
    expect(k.KeCancelTimer(t)).toBe(1);
    expect(k.KeCancelTimer(t)).toBe(0);
  });

  it('the timer becomes signaled at its due time and its DPC runs at DISPATCH_LEVEL', () => {
    const k = createKernel();
    const t = k.alloc('KTIMER');
    const d = k.alloc('KDPC');
    const ran: [number, bigint, number][] = [];
    k.KeInitializeTimer(t);
    k.KeInitializeDpc(d, (dpc: number, context: number) => ran.push([k.KeGetCurrentIrql(), k.time, context]), 77);
    k.KeSetTimer(t, -1000n, d);
    k.advanceTime(999n);
    expect(k.KeReadStateTimer(t)).toBe(0);
    k.advanceTime(1n);
    expect(k.KeReadStateTimer(t)).toBe(1);
    expect(ran).toEqual([[2, 1000n, 77]]);
  });

  it('a periodic timer fires every Period milliseconds until cancelled', () => {
    const k = createKernel();
    const t = k.alloc('KTIMER');
    const d = k.alloc('KDPC');
    let n = 0;
    k.KeInitializeTimerEx(t, k.SynchronizationTimer);
    k.KeInitializeDpc(d, () => n++, 0);
    k.KeSetTimerEx(t, -10_000n, 5, d);
    k.advanceTime(10_000n + 3n * 50_000n);
    expect(n).toBe(4);
    k.KeCancelTimer(t);
    k.advanceTime(1_000_000n);
    expect(n).toBe(4);
  });

  it('a waiter on a notification timer wakes at expiry', async () => {
    const k = createKernel();
    const t = k.alloc('KTIMER');
    k.KeInitializeTimer(t);
    k.KeSetTimer(t, -5000n, 0);
    expect(await k.KeWaitForSingleObject(t, 0, 0, 0, null)).toBe(0);
    expect(k.time).toBe(5000n);
  });

  it('KeInsertQueueDpc returns FALSE when the DPC is already queued; KeRemoveQueueDpc dequeues it', () => {
    const k = createKernel();
    const d = k.alloc('KDPC');
    let ran = 0;
    k.KeInitializeDpc(d, () => ran++, 0);
    k.KeRaiseIrqlToDpcLevel();
    expect(k.KeInsertQueueDpc(d, 1, 2)).toBe(1);
    expect(k.KeInsertQueueDpc(d, 1, 2)).toBe(0);
    expect(k.KeRemoveQueueDpc(d)).toBe(1);
    expect(k.KeRemoveQueueDpc(d)).toBe(0);
    k.KeInsertQueueDpc(d, 1, 2);
    k.KeLowerIrql(0);
    expect(ran).toBe(1);
  });

  it('a DPC may not wait: blocking in a DPC routine is ATTEMPTED_SWITCH_FROM_DPC', () => {
    const k = createKernel();
    const d = k.alloc('KDPC');
    const e = k.alloc('KEVENT');
    k.KeInitializeEvent(e, 0, 0);
    k.KeInitializeDpc(d, () => k.KeDelayExecutionThread(0, 0, 0n), 0);
    expect(() => k.KeInsertQueueDpc(d, 0, 0)).toThrow();
  });

  it('a timer still set at unload is reported', () => {
    const k = createKernel();
    const t = k.alloc('KTIMER');
    k.KeInitializeTimer(t);
    k.KeSetTimer(t, -1n, 0);
    expect(() => k.unload()).toThrow(expect.objectContaining({ codeName: 'TIMER_OR_DPC_INVALID' }));
  });
});

describe('IO_TIMER and device DPCs', () => {
  it('IoTimer runs once per second while started; a timer left running at unload is reported', () => {
    const k = createKernel();
    const device = k.alloc('DEVICE_OBJECT');
    const seen: number[] = [];
    expect(k.IoInitializeTimer(device, (d: number) => seen.push(k.KeGetCurrentIrql()), 0)).toBe(0);
    expect(k.get(device, 'DEVICE_OBJECT', 'Timer')).not.toBe(0);
    k.IoStartTimer(device);
    k.advanceTime(25_000_000n);
    expect(seen).toEqual([2, 2]);
    expect(() => k.unload()).toThrow(expect.objectContaining({ code: 0xce }));
  });

  it('IoRequestDpc queues the device object\'s DPC with the IRP and context', () => {
    const k = createKernel();
    const device = k.alloc('DEVICE_OBJECT');
    const calls: number[][] = [];
    k.IoInitializeDpcRequest(device, (_dpc: number, d: number, irp: number, c: number) => calls.push([d, irp, c]));
    k.KeRaiseIrql(5, k.alloc('KIRQL'));
    k.IoRequestDpc(device, 0x1234, 9);
    expect(calls).toEqual([]);
    k.KeLowerIrql(0);
    expect(calls).toEqual([[device, 0x1234, 9]]);
  });
});
