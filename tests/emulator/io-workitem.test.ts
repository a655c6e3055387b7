// Specification: content/ddi/wdm/nf-wdm-io{allocateworkitem,queueworkitem,queueworkitemex,freeworkitem,
// initializeworkitem,uninitializeworkitem,sizeofworkitem}.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function setup() {
  const k = createKernel({ arch: 'x64', cpus: 2, seed: 1 });
  const device = k.alloc('DEVICE_OBJECT');
  return { k, device };
}

describe('IoAllocateWorkItem / IoQueueWorkItem', () => {
  it('runs the routine later, on a system worker thread at PASSIVE_LEVEL, with the device object and context', async () => {
    const { k, device } = setup();
    const item = k.IoAllocateWorkItem(device);
    expect(item).not.toBe(0);
    const calls: unknown[] = [];
    k.IoQueueWorkItem(item, (deviceObject: number, context: number) => {
      calls.push([deviceObject, context, k.KeGetCurrentIrql(), k.PsGetCurrentThread() !== 0]);
    }, k.DelayedWorkQueue, 0x1234);
    expect(calls).toEqual([]);
    await k.settle();
    expect(calls).toEqual([[device, 0x1234, k.PASSIVE_LEVEL, true]]);
    k.IoFreeWorkItem(item);
    expect(() => k.unload()).not.toThrow();
  });

  it('IoQueueWorkItemEx passes the work item itself, so the routine may free it', async () => {
    const { k, device } = setup();
    const item = k.IoAllocateWorkItem(device);
    let seen = 0;
    k.IoQueueWorkItemEx(item, (_io: number, _context: number, workItem: number) => { seen = workItem; k.IoFreeWorkItem(workItem); }, k.DelayedWorkQueue, 0);
    await k.settle();
    expect(seen).toBe(item);
    expect(() => k.unload()).not.toThrow();
  });

  it('queueing a work item again before its routine has run bugchecks WORKER_INVALID', () => {
    const { k, device } = setup();
    const item = k.IoAllocateWorkItem(device);
    k.IoQueueWorkItem(item, () => undefined, k.DelayedWorkQueue, 0);
    expect(() => k.IoQueueWorkItem(item, () => undefined, k.DelayedWorkQueue, 0)).toThrow(expect.objectContaining({ code: 0xe4 }));
  });

  it('freeing a queued work item bugchecks', () => {
    const { k, device } = setup();
    const item = k.IoAllocateWorkItem(device);
    k.IoQueueWorkItem(item, () => undefined, k.DelayedWorkQueue, 0);
    expect(() => k.IoFreeWorkItem(item)).toThrow(expect.objectContaining({ name: 'BugCheck', routine: 'IoFreeWorkItem' }));
  });

  it('unloading with a work item still queued bugchecks DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS', () => {
    const { k, device } = setup();
    k.IoQueueWorkItem(k.IoAllocateWorkItem(device), () => undefined, k.DelayedWorkQueue, 0);
    expect(() => k.unload()).toThrow(expect.objectContaining({ code: 0xce }));
  });

  it('a routine that returns at DISPATCH_LEVEL bugchecks WORKER_THREAD_RETURNED_AT_BAD_IRQL', async () => {
    const { k, device } = setup();
    const item = k.IoAllocateWorkItem(device);
    const old = k.alloc('KIRQL');
    k.IoQueueWorkItem(item, () => { k.KeRaiseIrql(k.DISPATCH_LEVEL, old); }, k.DelayedWorkQueue, 0);
    await expect(k.settle()).rejects.toMatchObject({ code: 0xe1 });
  });
});

describe('IoInitializeWorkItem / IoUninitializeWorkItem', () => {
  it('uses driver storage of IoSizeofWorkItem() bytes', async () => {
    const { k, device } = setup();
    const item = k.alloc(k.IoSizeofWorkItem());
    k.IoInitializeWorkItem(device, item);
    let ran = false;
    k.IoQueueWorkItem(item, () => { ran = true; }, k.DelayedWorkQueue, 0);
    await k.settle();
    expect(ran).toBe(true);
    k.IoUninitializeWorkItem(item);
    expect(() => k.IoQueueWorkItem(item, () => undefined, k.DelayedWorkQueue, 0)).toThrow(expect.objectContaining({ name: 'BugCheck' }));
  });
});

describe('ExInitializeWorkItem / ExQueueWorkItem', () => {
  it('runs the WORK_QUEUE_ITEM routine with its parameter', async () => {
    const { k } = setup();
    const item = k.alloc('WORK_QUEUE_ITEM');
    let got = 0;
    k.ExInitializeWorkItem(item, (p: number) => { got = p; }, 77);
    k.ExQueueWorkItem(item, k.DelayedWorkQueue);
    await k.settle();
    expect(got).toBe(77);
  });
});
