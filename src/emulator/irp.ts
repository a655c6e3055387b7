/**
 * Simulated I/O request packets: the IRP, IO_STACK_LOCATION and DEVICE_OBJECT layouts of wdm.h (x64), and
 * the routines a driver uses to hold, cancel and complete an IRP: IoAllocateIrp, IoFreeIrp,
 * IoSetNextIrpStackLocation, IoGetCurrentIrpStackLocation, IoGetNextIrpStackLocation, IoMarkIrpPending,
 * IoSetCancelRoutine, IoAcquireCancelSpinLock / IoReleaseCancelSpinLock, IoCancelIrp, IoCompleteRequest
 * (content/ddi/wdm/nf-wdm-io*irp*.md, nf-wdm-iocompleterequest.md, nf-wdm-io*cancelspinlock.md).
 *
 * There is no I/O manager sending IRPs here: an example allocates one (IoAllocateIrp leaves the current
 * stack location one past the last, as Windows does; IoSetNextIrpStackLocation makes the top location
 * current, as delivery to a driver would) and plays the roles of sender and driver. IoCancelIrp follows
 * the documented protocol: it takes the cancel spin lock, sets Irp->Cancel, swaps out the cancel routine
 * and calls it with the lock held (the routine releases it with IoReleaseCancelSpinLock(Irp->CancelIrql)).
 * IoCompleteRequest marks the IRP completed; completing it twice is MULTIPLE_IRP_COMPLETE_REQUESTS (0x44)
 * and completing it with a cancel routine still set is CANCEL_STATE_IN_COMPLETED_IRP (0x48). An IRP is
 * pool memory: the example frees it with IoFreeIrp (as the originator of an IRP it allocated must).
 */
import { allocatePool, freePool } from './ex-pool.ts';
import type { LayoutTable } from './layout.ts';
import { defineModule, type Sys } from './module.ts';

const IO_TYPE_IRP = 6;
const IO_TYPE_DEVICE = 3;
const SL_PENDING_RETURNED = 0x01;
const IRP_TAG = 0x20707249; // 'Irp ' as it reads in a pool dump
const NON_PAGED_POOL = 0;

export const IRP_LAYOUTS: LayoutTable = {
  IO_STATUS_BLOCK: [['', { union: [['Status', 'NTSTATUS'], ['Pointer', 'PVOID']] }], ['Information', 'ULONG_PTR']],
  IO_STACK_LOCATION: [
    ['MajorFunction', 'UCHAR'], ['MinorFunction', 'UCHAR'], ['Flags', 'UCHAR'], ['Control', 'UCHAR'],
    // Parameters: a union of per-request structures, 32 bytes on x64; the generic Others view is enough here.
    ['Parameters', { union: [['Others', { struct: [['Argument1', 'PVOID'], ['Argument2', 'PVOID'], ['Argument3', 'PVOID'], ['Argument4', 'PVOID']] }]] }],
    ['DeviceObject', 'PVOID'], ['FileObject', 'PVOID'], ['CompletionRoutine', 'PVOID'], ['Context', 'PVOID'],
  ],
  IRP: [
    ['Type', 'CSHORT'], ['Size', 'USHORT'], ['MdlAddress', 'PVOID'], ['Flags', 'ULONG'],
    ['AssociatedIrp', { union: [['MasterIrp', 'PVOID'], ['IrpCount', 'LONG'], ['SystemBuffer', 'PVOID']] }],
    ['ThreadListEntry', 'LIST_ENTRY'], ['IoStatus', 'IO_STATUS_BLOCK'],
    ['RequestorMode', 'CCHAR'], ['PendingReturned', 'BOOLEAN'], ['StackCount', 'CHAR'], ['CurrentLocation', 'CHAR'],
    ['Cancel', 'BOOLEAN'], ['CancelIrql', 'KIRQL'], ['ApcEnvironment', 'CCHAR'], ['AllocationFlags', 'UCHAR'],
    ['UserIosb', 'PVOID'], ['UserEvent', 'PVOID'],
    ['Overlay', { union: [['AsynchronousParameters', { struct: [['UserApcRoutine', 'PVOID'], ['UserApcContext', 'PVOID']] }], ['AllocationSize', 'LARGE_INTEGER']] }],
    ['CancelRoutine', 'PVOID'], ['UserBuffer', 'PVOID'],
    ['Tail', { union: [
      ['Overlay', { struct: [
        ['', { union: [['DeviceQueueEntry', 'UCHAR[24]'], ['DriverContext', 'PVOID[4]']] }],
        ['Thread', 'PVOID'], ['AuxiliaryBuffer', 'PCHAR'],
        ['ListEntry', 'LIST_ENTRY'],
        ['', { union: [['CurrentStackLocation', 'PVOID'], ['PacketType', 'ULONG']] }],
        ['OriginalFileObject', 'PVOID'],
      ] }],
      ['Apc', 'UCHAR[88]'], // KAPC, 0x58 bytes on x64
      ['CompletionKey', 'PVOID'],
    ] }],
  ],
  // wdm.h's DEVICE_OBJECT (0x150 bytes on x64); the embedded queue, device queue, DPC and event are kept as
  // pointer-aligned raw storage of their sizes (0x48, 0x28, 0x40, 0x18).
  DEVICE_OBJECT: [
    ['Type', 'CSHORT'], ['Size', 'USHORT'], ['ReferenceCount', 'LONG'], ['DriverObject', 'PVOID'], ['NextDevice', 'PVOID'],
    ['AttachedDevice', 'PVOID'], ['CurrentIrp', 'PVOID'], ['Timer', 'PVOID'], ['Flags', 'ULONG'], ['Characteristics', 'ULONG'],
    ['Vpb', 'PVOID'], ['DeviceExtension', 'PVOID'], ['DeviceType', 'ULONG'], ['StackSize', 'CCHAR'],
    ['Queue', 'PVOID[9]'], ['AlignmentRequirement', 'ULONG'], ['DeviceQueue', 'PVOID[5]'], ['Dpc', 'PVOID[8]'],
    ['ActiveThreadCount', 'ULONG'], ['SecurityDescriptor', 'PVOID'], ['DeviceLock', 'PVOID[3]'], ['SectorSize', 'USHORT'],
    ['Spare1', 'USHORT'], ['DeviceObjectExtension', 'PVOID'], ['Reserved', 'PVOID'], ['', { struct: [['Padding', 'UCHAR[8]']] }],
  ],
};

interface IrpState { completed: boolean; freed: boolean }

/** IRP bookkeeping shared with the cancel-safe queue module. */
export function irps(sys: Sys) {
  const irpSize = () => sys.layouts.get('IRP').size;
  const stackSize = () => sys.layouts.get('IO_STACK_LOCATION').size;
  const cancelRoutine = (irp: number) => Number(sys.get(irp, 'IRP', 'CancelRoutine'));
  /** IoSetCancelRoutine: an atomic exchange of the pointer; returns the previous routine's code address. */
  const exchangeCancelRoutine = (irp: number, routine: number) => {
    const previous = cancelRoutine(irp);
    sys.set(irp, 'IRP', 'CancelRoutine', routine);
    return previous;
  };
  return { irpSize, stackSize, cancelRoutine, exchangeCancelRoutine };
}

export default defineModule({
  name: 'irp',
  layouts: IRP_LAYOUTS,
  constants: {
    IO_TYPE_IRP, IO_TYPE_DEVICE, SL_PENDING_RETURNED,
    IRP_MJ_CREATE: 0x00, IRP_MJ_CLOSE: 0x02, IRP_MJ_READ: 0x03, IRP_MJ_WRITE: 0x04, IRP_MJ_DEVICE_CONTROL: 0x0e,
    IRP_MJ_CLEANUP: 0x12, IRP_MJ_PNP: 0x1b,
  },
  bugChecks: { MULTIPLE_IRP_COMPLETE_REQUESTS: 0x44, CANCEL_STATE_IN_COMPLETED_IRP: 0x48 },
  // The catalog reads IoSetCancelRoutine's "DISPATCH_LEVEL (see Remarks section)" as exactly DISPATCH_LEVEL; the
  // remarks tie that level to holding the cancel spin lock, which only some callers do. The routine is an
  // interlocked exchange, valid at any IRQL up to DISPATCH_LEVEL.
  ownIrqlCheck: ['IoSetCancelRoutine'],
  routines: (sys) => {
    const ctx = sys.ctx;
    const io = irps(sys);
    const state = new Map<number, IrpState>();
    let cancelLock = 0;
    let irqlCell = 0;
    const cancelSpinLock = () => {
      if (!cancelLock) {
        cancelLock = sys.mem.reserve(8, { origin: 'system', allocator: 'IoAcquireCancelSpinLock' })!.base;
        sys.k.KeInitializeSpinLock(cancelLock);
      }
      return cancelLock;
    };
    const irpState = (irp: number, routine: string): IrpState => {
      const s = state.get(irp);
      if (!s || s.freed) {
        return ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, irp, 0, 0],
          `${routine} was passed 0x${irp.toString(16)}, which is not a live IRP from IoAllocateIrp.`, routine);
      }
      return s;
    };
    const current = (irp: number) => Number(sys.get(irp, 'IRP', 'Tail.Overlay.CurrentStackLocation'));
    const acquireCancel = (irqlOut: number) => sys.k.KeAcquireSpinLock(cancelSpinLock(), irqlOut);
    const releaseCancel = (irql: number) => sys.k.KeReleaseSpinLock(cancelSpinLock(), irql);

    return {
      IoAllocateIrpEx(_DeviceObject: number, StackSize: number, ChargeQuota: number) {
        return sys.k.IoAllocateIrp(StackSize, ChargeQuota);
      },
      IoAllocateIrp(StackSize: number, _ChargeQuota: number) {
        const stacks = StackSize & 0xff;
        const size = io.irpSize() + stacks * io.stackSize();
        const irp = allocatePool(sys, { routine: 'IoAllocateIrp', paged: false, poolType: NON_PAGED_POOL, bytes: size, tag: IRP_TAG, zero: true, raise: false });
        if (!irp) return 0;
        sys.set(irp, 'IRP', 'Type', IO_TYPE_IRP);
        sys.set(irp, 'IRP', 'Size', size);
        sys.set(irp, 'IRP', 'StackCount', stacks);
        sys.set(irp, 'IRP', 'CurrentLocation', stacks + 1);
        sys.set(irp, 'IRP', 'Tail.Overlay.CurrentStackLocation', irp + io.irpSize() + stacks * io.stackSize());
        sys.set(irp, 'IRP', 'ThreadListEntry.Flink', sys.at(irp, 'IRP', 'ThreadListEntry'));
        sys.set(irp, 'IRP', 'ThreadListEntry.Blink', sys.at(irp, 'IRP', 'ThreadListEntry'));
        state.set(irp, { completed: false, freed: false });
        ctx.register({ type: 'IRP', address: irp, describe: () => ({
          cancel: Number(sys.get(irp, 'IRP', 'Cancel')) !== 0,
          cancelRoutine: io.cancelRoutine(irp) !== 0,
          completed: state.get(irp)?.completed ?? false,
          status: `0x${Number(sys.get(irp, 'IRP', 'IoStatus.Status')).toString(16)}`,
        }) });
        return irp;
      },
      IoFreeIrp(Irp: number) {
        const s = irpState(Irp, 'IoFreeIrp');
        if (io.cancelRoutine(Irp)) {
          ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1002, Irp, io.cancelRoutine(Irp), 0],
            `IoFreeIrp: the IRP at 0x${Irp.toString(16)} still has a cancel routine; it is still in a queue.`, 'IoFreeIrp');
        }
        s.freed = true;
        ctx.unregister(Irp);
        freePool(sys, Irp, 'IoFreeIrp', null);
      },
      IoSetNextIrpStackLocation(Irp: number) {
        irpState(Irp, 'IoSetNextIrpStackLocation');
        sys.set(Irp, 'IRP', 'CurrentLocation', Number(sys.get(Irp, 'IRP', 'CurrentLocation')) - 1);
        sys.set(Irp, 'IRP', 'Tail.Overlay.CurrentStackLocation', current(Irp) - io.stackSize());
      },
      IoGetCurrentIrpStackLocation: (Irp: number) => current(Irp),
      IoGetNextIrpStackLocation: (Irp: number) => current(Irp) - io.stackSize(),
      IoMarkIrpPending(Irp: number) {
        const stack = current(Irp);
        const location = Number(sys.get(Irp, 'IRP', 'CurrentLocation'));
        if (location > Number(sys.get(Irp, 'IRP', 'StackCount'))) {
          ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1003, Irp, 0, 0],
            'IoMarkIrpPending: the IRP has no current stack location (IoAllocateIrp leaves it one past the last; '
            + 'call IoSetNextIrpStackLocation first, as delivery to a driver would).', 'IoMarkIrpPending');
        }
        sys.set(stack, 'IO_STACK_LOCATION', 'Control', Number(sys.get(stack, 'IO_STACK_LOCATION', 'Control')) | SL_PENDING_RETURNED);
      },
      /** Returns the previous cancel routine (a JavaScript function) or NULL (0). */
      IoSetCancelRoutine(Irp: number, CancelRoutine: ((DeviceObject: number, Irp: number) => void) | null) {
        if (ctx.irql > 2) {
          ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, ctx.irql, 0, 0],
            `IoSetCancelRoutine was called at IRQL ${ctx.irql}; it may be called at IRQL <= DISPATCH_LEVEL.`, 'IoSetCancelRoutine');
        }
        const previous = io.exchangeCancelRoutine(Irp, ctx.codeAddress(CancelRoutine));
        return previous ? ctx.codeAt(previous) : 0;
      },
      IoAcquireCancelSpinLock(Irql: number) { acquireCancel(Irql); },
      IoReleaseCancelSpinLock(Irql: number) { releaseCancel(Irql); },
      IoCancelIrp(Irp: number) {
        irpState(Irp, 'IoCancelIrp');
        irqlCell ||= sys.mem.reserve(1, { origin: 'system', allocator: 'IoCancelIrp' })!.base;
        acquireCancel(irqlCell);
        const oldIrql = Number(sys.mem.read(irqlCell, 'KIRQL'));
        sys.set(Irp, 'IRP', 'Cancel', 1);
        const routine = io.exchangeCancelRoutine(Irp, 0);
        if (!routine) {
          releaseCancel(oldIrql);
          return 0;
        }
        sys.set(Irp, 'IRP', 'CancelIrql', oldIrql);
        const stack = current(Irp);
        const device = Number(sys.get(Irp, 'IRP', 'CurrentLocation')) <= Number(sys.get(Irp, 'IRP', 'StackCount'))
          ? Number(sys.get(stack, 'IO_STACK_LOCATION', 'DeviceObject')) : 0;
        ctx.note('note', `IoCancelIrp 0x${Irp.toString(16)}: calling its cancel routine with the cancel spin lock held`);
        (ctx.codeAt(routine) as (d: number, i: number) => void)(device, Irp);
        return 1;
      },
      IoCompleteRequest(Irp: number, PriorityBoost: number) { complete(Irp, PriorityBoost, 'IoCompleteRequest'); },
      IofCompleteRequest(Irp: number, PriorityBoost: number) { complete(Irp, PriorityBoost, 'IofCompleteRequest'); },
    };

    function complete(Irp: number, _boost: number, routine: string) {
      const s = state.get(Irp);
      if (s?.completed) {
        ctx.bugcheck('MULTIPLE_IRP_COMPLETE_REQUESTS', [Irp, 0, 0, 0],
          `${routine}: the IRP at 0x${Irp.toString(16)} was already completed; an IRP may be completed only once.`, routine);
      }
      irpState(Irp, routine);
      const cancel = io.cancelRoutine(Irp);
      if (cancel) {
        ctx.bugcheck('CANCEL_STATE_IN_COMPLETED_IRP', [Irp, cancel, 0, 0],
          `${routine}: the IRP at 0x${Irp.toString(16)} still has a cancel routine set; clear it with IoSetCancelRoutine(Irp, NULL) before completing.`, routine);
      }
      s!.completed = true;
      const event = Number(sys.get(Irp, 'IRP', 'UserEvent'));
      if (event) sys.k.KeSetEvent(event, 0, 0);
      ctx.note('note', `${routine} 0x${Irp.toString(16)} with status 0x${Number(sys.get(Irp, 'IRP', 'IoStatus.Status')).toString(16)}`);
    }
  },
});
