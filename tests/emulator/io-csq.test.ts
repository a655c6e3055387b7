// Specification: content/ddi/wdm/nf-wdm-iocsq{initialize,initializeex,insertirp,insertirpex,removeirp,
// removenextirp}.md, nf-wdm-iocancelirp.md, nf-wdm-iocompleterequest.md, nf-wdm-iosetcancelroutine.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

/** A driver's cancel-safe queue: a LIST_ENTRY of IRPs linked through Tail.Overlay.ListEntry, under a spin lock. */
function driverQueue(ex = false) {
  const k = createKernel({ arch: 'x64', cpus: 2, seed: 1 });
  const head = k.alloc('LIST_ENTRY');
  const lock = k.alloc('KSPIN_LOCK');
  const csq = k.alloc('IO_CSQ');
  const cancelled: number[] = [];
  k.InitializeListHead(head);
  k.KeInitializeSpinLock(lock);
  const link = (irp: number) => irp + k.offsetof('IRP', 'Tail.Overlay.ListEntry');
  const insert = (_csq: number, irp: number) => { k.InsertTailList(head, link(irp)); return 0; };
  const insertEx = (_csq: number, irp: number, insertContext: number) => {
    if (insertContext === 0xbad) return k.STATUS_UNSUCCESSFUL;
    k.InsertTailList(head, link(irp));
    return k.STATUS_SUCCESS;
  };
  const remove = (_csq: number, irp: number) => { k.RemoveEntryList(link(irp)); };
  const peek = (_csq: number, irp: number, _peekContext: number) => {
    const next = irp === 0 ? k.read(head, 'PVOID') : k.read(link(irp), 'PVOID');
    return next === head ? 0 : k.CONTAINING_RECORD(next, 'IRP', 'Tail.Overlay.ListEntry');
  };
  const acquire = (_csq: number, irql: number) => k.KeAcquireSpinLock(lock, irql);
  const release = (_csq: number, irql: number) => k.KeReleaseSpinLock(lock, irql);
  const completeCanceled = (_csq: number, irp: number) => {
    k.set(irp, 'IRP', 'IoStatus.Status', k.STATUS_CANCELLED);
    k.IoCompleteRequest(irp, k.IO_NO_INCREMENT);
    cancelled.push(irp);
  };
  expect((ex ? k.IoCsqInitializeEx : k.IoCsqInitialize)(csq, ex ? insertEx : insert, remove, peek, acquire, release, completeCanceled)).toBe(0);
  const newIrp = () => { const irp = k.IoAllocateIrp(1, k.FALSE); k.IoSetNextIrpStackLocation(irp); return irp; };
  return { k, csq, head, newIrp, cancelled };
}

describe('IO_CSQ layout', () => {
  it('IO_CSQ is 0x40 bytes and IO_CSQ_IRP_CONTEXT 0x18; IRP is 0xD0 with Tail.Overlay.ListEntry at 0xA8', () => {
    const { k } = driverQueue();
    expect(k.sizeof('IO_CSQ')).toBe(0x40);
    expect(k.sizeof('IO_CSQ_IRP_CONTEXT')).toBe(0x18);
    expect(k.sizeof('IRP')).toBe(0xd0);
    expect(k.offsetof('IRP', 'Tail.Overlay.ListEntry')).toBe(0xa8);
    expect(k.sizeof('DEVICE_OBJECT')).toBe(0x150);
    expect(k.sizeof('IO_STACK_LOCATION')).toBe(0x48);
  });
});

describe('IoCsqInsertIrp / IoCsqRemoveNextIrp', () => {
  it('queues IRPs in the driver order, marks them pending, and removes them first in, first out', () => {
    const { k, csq, newIrp } = driverQueue();
    const a = newIrp();
    const b = newIrp();
    k.IoCsqInsertIrp(csq, a, 0);
    k.IoCsqInsertIrp(csq, b, 0);
    const stack = k.IoGetCurrentIrpStackLocation(a);
    expect((k.get(stack, 'IO_STACK_LOCATION', 'Control') as number) & k.SL_PENDING_RETURNED).toBe(k.SL_PENDING_RETURNED);
    expect(k.get(a, 'IRP', 'CancelRoutine')).not.toBe(0);
    expect(k.IoCsqRemoveNextIrp(csq, 0)).toBe(a);
    expect(k.get(a, 'IRP', 'CancelRoutine')).toBe(0);
    expect(k.IoCsqRemoveNextIrp(csq, 0)).toBe(b);
    expect(k.IoCsqRemoveNextIrp(csq, 0)).toBe(0);
    for (const irp of [a, b]) { k.IoCompleteRequest(irp, 0); k.IoFreeIrp(irp); }
    expect(() => k.unload()).not.toThrow();
  });
});

describe('cancellation', () => {
  it('IoCancelIrp on a queued IRP takes it out and completes it through CsqCompleteCanceledIrp', () => {
    const { k, csq, newIrp, cancelled, head } = driverQueue();
    const a = newIrp();
    k.IoCsqInsertIrp(csq, a, 0);
    expect(k.IoCancelIrp(a)).toBe(k.TRUE);
    expect(cancelled).toEqual([a]);
    expect(k.IsListEmpty(head)).toBe(k.TRUE);
    expect(k.get(a, 'IRP', 'Cancel')).toBe(1);
    expect(k.KeGetCurrentIrql()).toBe(k.PASSIVE_LEVEL);
    expect(k.IoCsqRemoveNextIrp(csq, 0)).toBe(0);
    k.IoFreeIrp(a);
  });

  it('an IRP cancelled before insertion is completed at once by IoCsqInsertIrp', () => {
    const { k, csq, newIrp, cancelled } = driverQueue();
    const a = newIrp();
    expect(k.IoCancelIrp(a)).toBe(k.FALSE);
    k.IoCsqInsertIrp(csq, a, 0);
    expect(cancelled).toEqual([a]);
    k.IoFreeIrp(a);
  });

  it('IoCsqRemoveIrp with a context returns the IRP, or NULL once it was cancelled', () => {
    const { k, csq, newIrp, cancelled } = driverQueue();
    const a = newIrp();
    const b = newIrp();
    const ca = k.alloc('IO_CSQ_IRP_CONTEXT');
    const cb = k.alloc('IO_CSQ_IRP_CONTEXT');
    k.IoCsqInsertIrp(csq, a, ca);
    k.IoCsqInsertIrp(csq, b, cb);
    k.IoCancelIrp(b);
    expect(cancelled).toEqual([b]);
    expect(k.IoCsqRemoveIrp(csq, cb)).toBe(0);
    expect(k.IoCsqRemoveIrp(csq, ca)).toBe(a);
    expect(k.IoCsqRemoveIrp(csq, ca)).toBe(0);
    k.IoCompleteRequest(a, 0);
    k.IoFreeIrp(a);
    k.IoFreeIrp(b);
  });
});

describe('IoCsqInsertIrpEx', () => {
  it('returns the status of CsqInsertIrpEx and does not queue the IRP when it fails', () => {
    const { k, csq, newIrp } = driverQueue(true);
    const a = newIrp();
    expect(k.IoCsqInsertIrpEx(csq, a, 0, 0xbad)).toBe(k.STATUS_UNSUCCESSFUL);
    expect(k.get(a, 'IRP', 'CancelRoutine')).toBe(0);
    expect(k.IoCsqInsertIrpEx(csq, a, 0, 0)).toBe(k.STATUS_SUCCESS);
    expect(k.IoCsqRemoveNextIrp(csq, 0)).toBe(a);
    k.IoCompleteRequest(a, 0);
    k.IoFreeIrp(a);
  });
});

describe('IoCompleteRequest rules', () => {
  it('completing an IRP twice bugchecks MULTIPLE_IRP_COMPLETE_REQUESTS', () => {
    const { k, newIrp } = driverQueue();
    const a = newIrp();
    k.IoCompleteRequest(a, 0);
    expect(() => k.IoCompleteRequest(a, 0)).toThrow(expect.objectContaining({ code: 0x44, codeName: 'MULTIPLE_IRP_COMPLETE_REQUESTS' }));
  });

  it('completing an IRP that is still in a cancel-safe queue bugchecks CANCEL_STATE_IN_COMPLETED_IRP', () => {
    const { k, csq, newIrp } = driverQueue();
    const a = newIrp();
    k.IoCsqInsertIrp(csq, a, 0);
    expect(() => k.IoCompleteRequest(a, 0)).toThrow(expect.objectContaining({ code: 0x48 }));
  });

  it('an IRP never freed is a pool leak at unload', () => {
    const { k, newIrp } = driverQueue();
    newIrp();
    expect(() => k.unload()).toThrow(expect.objectContaining({ name: 'BugCheck' }));
  });
});

describe('IoSetCancelRoutine', () => {
  it('may be called at PASSIVE_LEVEL and returns the previous routine', () => {
    const { k, newIrp } = driverQueue();
    const a = newIrp();
    const routine = () => undefined;
    expect(k.IoSetCancelRoutine(a, routine)).toBe(0);
    expect(k.IoSetCancelRoutine(a, null)).toBe(routine);
  });
});

describe('IoAllocateIrpEx', () => {
  it('allocates an IRP like IoAllocateIrp', () => {
    const { k } = driverQueue();
    const irp = k.IoAllocateIrpEx(k.alloc('DEVICE_OBJECT'), 2, k.FALSE);
    expect(k.get(irp, 'IRP', 'StackCount')).toBe(2);
    expect(k.get(irp, 'IRP', 'Type')).toBe(k.IO_TYPE_IRP);
    k.IoFreeIrp(irp);
  });
});
