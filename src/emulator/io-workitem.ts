/**
 * System worker threads: IO_WORKITEM (IoAllocateWorkItem, IoInitializeWorkItem, IoSizeofWorkItem,
 * IoQueueWorkItem, IoQueueWorkItemEx, IoFreeWorkItem, IoUninitializeWorkItem) and the legacy
 * WORK_QUEUE_ITEM (ExInitializeWorkItem, ExQueueWorkItem) (content/ddi/wdm/nf-wdm-io*workitem*.md).
 *
 * A queued work item runs its routine on a system worker thread at PASSIVE_LEVEL: here a simulated
 * thread (`Worker1`, `Worker2`, …) that runs when the main program blocks or calls `k.settle()`. The
 * rules Verifier enforces: a work item is queued again only after its routine has started (re-queueing
 * a pending one is WORKER_INVALID, 0xE4); it is freed or uninitialised only when not pending; its routine
 * returns at PASSIVE_LEVEL (WORKER_THREAD_RETURNED_AT_BAD_IRQL, 0xE1); and a driver does not unload with
 * a work item still pending (DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS, 0xCE). IO_WORKITEM is
 * opaque (its layout is not public); IoSizeofWorkItem reports the 0x58 bytes chosen here.
 */
import { allocatePool, freePool } from './ex-pool.ts';
import { defineModule, type Sys } from './module.ts';

const IO_WORKITEM_SIZE = 0x58;
const WORKITEM_TAG = 0x6b576f49; // 'IoWk' as it reads in a pool dump
const NON_PAGED_POOL = 0;

interface WorkItem {
  ioObject: number;
  allocated: boolean;
  pending: boolean;
  routine: string;
}

export default defineModule({
  name: 'io-workitem',
  layouts: {
    IO_WORKITEM: { opaque: { size: IO_WORKITEM_SIZE, align: 8 } },
    WORK_QUEUE_ITEM: [['List', 'LIST_ENTRY'], ['WorkerRoutine', 'PVOID'], ['Parameter', 'PVOID']],
  },
  constants: { CriticalWorkQueue: 0, DelayedWorkQueue: 1, HyperCriticalWorkQueue: 2, NormalWorkQueue: 3, BackgroundWorkQueue: 4 },
  bugChecks: { WORKER_INVALID: 0xe4, WORKER_THREAD_RETURNED_AT_BAD_IRQL: 0xe1 },
  ...(() => {
    const state = new WeakMap<Sys, ReturnType<typeof workItems>>();
    const of = (sys: Sys) => {
      let s = state.get(sys);
      if (!s) { s = workItems(sys); state.set(sys, s); }
      return s;
    };
    return { routines: (sys: Sys) => of(sys).routines, unload: (sys: Sys) => of(sys).unload() };
  })(),
});

function workItems(sys: Sys) {
  const ctx = sys.ctx;
  const items = new Map<number, WorkItem>();
  let workers = 0;

  const item = (address: number, routine: string): WorkItem => {
    const w = items.get(address);
    if (!w) {
      return ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, address, 0, 0],
        `${routine} was passed 0x${address.toString(16)}, which is not a work item from IoAllocateWorkItem or IoInitializeWorkItem.`, routine);
    }
    return w;
  };

  const notPending = (w: WorkItem, address: number, routine: string) => {
    if (w.pending) {
      ctx.bugcheck('WORKER_INVALID', [1, address, 0, 0],
        `${routine}: the work item at 0x${address.toString(16)} is still queued (its routine has not run); wait for the routine before freeing, uninitialising or queueing it again.`, routine);
    }
  };

  /** Runs `run` on a fresh worker thread at PASSIVE_LEVEL and checks how it returns. */
  const dispatch = (label: string, routineAddress: number, done: () => void, run: () => unknown) => {
    workers++;
    ctx.startThread(`Worker${workers}`, async () => {
      done();
      await run();
      if (ctx.irql !== 0) {
        ctx.bugcheck('WORKER_THREAD_RETURNED_AT_BAD_IRQL', [routineAddress, ctx.irql, 0, 0],
          `The work item routine ${label} returned at IRQL ${ctx.irql}; a worker routine must return at PASSIVE_LEVEL.`, label);
      }
    });
  };

  const queue = (IoWorkItem: number, WorkerRoutine: unknown, Context: number, ex: boolean, routine: string) => {
    const w = item(IoWorkItem, routine);
    if (typeof WorkerRoutine !== 'function') throw new TypeError(`${routine}: WorkerRoutine must be a function`);
    if (w.pending) {
      ctx.bugcheck('WORKER_INVALID', [0, IoWorkItem, 0, 0],
        `${routine}: the work item at 0x${IoWorkItem.toString(16)} is already queued; a work item may be queued again only once its routine has started.`, routine);
    }
    w.pending = true;
    w.routine = WorkerRoutine.name || 'WorkerRoutine';
    const fn = WorkerRoutine as (...args: number[]) => unknown;
    dispatch(w.routine, ctx.codeAddress(fn), () => { w.pending = false; },
      () => (ex ? fn(w.ioObject, Context, IoWorkItem) : fn(w.ioObject, Context)));
  };

  const initialize = (IoObject: number, IoWorkItem: number, allocated: boolean) => {
    items.set(IoWorkItem, { ioObject: IoObject, allocated, pending: false, routine: '' });
    ctx.register({ type: 'IO_WORKITEM', address: IoWorkItem, describe: () => ({ pending: items.get(IoWorkItem)?.pending ?? false }) });
  };

  const legacy = new Map<number, boolean>();

  const routines = {
    IoSizeofWorkItem: () => IO_WORKITEM_SIZE,
    IoAllocateWorkItem(DeviceObject: number) {
      const p = allocatePool(sys, { routine: 'IoAllocateWorkItem', paged: false, poolType: NON_PAGED_POOL, bytes: IO_WORKITEM_SIZE, tag: WORKITEM_TAG, zero: true, raise: false });
      if (p) initialize(DeviceObject, p, true);
      return p;
    },
    IoInitializeWorkItem(IoObject: number, IoWorkItem: number) {
      sys.mem.fill(IoWorkItem, IO_WORKITEM_SIZE, 0);
      initialize(IoObject, IoWorkItem, false);
    },
    IoQueueWorkItem(IoWorkItem: number, WorkerRoutine: unknown, _QueueType: number, Context: number) {
      queue(IoWorkItem, WorkerRoutine, Context, false, 'IoQueueWorkItem');
    },
    IoQueueWorkItemEx(IoWorkItem: number, WorkerRoutine: unknown, _QueueType: number, Context: number) {
      queue(IoWorkItem, WorkerRoutine, Context, true, 'IoQueueWorkItemEx');
    },
    IoFreeWorkItem(IoWorkItem: number) {
      const w = item(IoWorkItem, 'IoFreeWorkItem');
      notPending(w, IoWorkItem, 'IoFreeWorkItem');
      if (!w.allocated) {
        ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x10, IoWorkItem, 0, 0],
          'IoFreeWorkItem: this work item was set up with IoInitializeWorkItem in driver storage; release it with IoUninitializeWorkItem.', 'IoFreeWorkItem');
      }
      items.delete(IoWorkItem);
      ctx.unregister(IoWorkItem);
      freePool(sys, IoWorkItem, 'IoFreeWorkItem', null);
    },
    IoUninitializeWorkItem(IoWorkItem: number) {
      const w = item(IoWorkItem, 'IoUninitializeWorkItem');
      notPending(w, IoWorkItem, 'IoUninitializeWorkItem');
      items.delete(IoWorkItem);
      ctx.unregister(IoWorkItem);
    },
    ExInitializeWorkItem(Item: number, Routine: (parameter: number) => unknown, Parameter: number) {
      sys.set(Item, 'WORK_QUEUE_ITEM', 'WorkerRoutine', ctx.codeAddress(Routine));
      sys.set(Item, 'WORK_QUEUE_ITEM', 'Parameter', Parameter);
      sys.set(Item, 'WORK_QUEUE_ITEM', 'List.Flink', 0);
    },
    ExQueueWorkItem(WorkItem: number, _QueueType: number) {
      const fn = ctx.codeAt(Number(sys.get(WorkItem, 'WORK_QUEUE_ITEM', 'WorkerRoutine'))) as ((p: number) => unknown) | null;
      if (!fn) {
        ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, WorkItem, 0, 0],
          'ExQueueWorkItem: the WORK_QUEUE_ITEM has no routine; initialise it with ExInitializeWorkItem.', 'ExQueueWorkItem');
      }
      if (legacy.get(WorkItem)) {
        ctx.bugcheck('WORKER_INVALID', [0, WorkItem, 0, 0], 'ExQueueWorkItem: the WORK_QUEUE_ITEM is already queued.', 'ExQueueWorkItem');
      }
      legacy.set(WorkItem, true);
      const parameter = Number(sys.get(WorkItem, 'WORK_QUEUE_ITEM', 'Parameter'));
      dispatch(fn!.name || 'WorkerRoutine', Number(sys.get(WorkItem, 'WORK_QUEUE_ITEM', 'WorkerRoutine')), () => legacy.set(WorkItem, false), () => fn!(parameter));
    },
  };

  const unload = () => {
    const pending = [...items.entries()].filter(([, w]) => w.pending);
    const pendingLegacy = [...legacy.entries()].filter(([, p]) => p);
    if (pending.length + pendingLegacy.length > 0) {
      const [address] = pending[0] ?? pendingLegacy[0]!;
      ctx.bugcheck('DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS', [address, 0, 0, 0],
        `The driver unloaded with ${pending.length + pendingLegacy.length} work item(s) still queued (the first at 0x${address.toString(16)}); `
        + 'its routine would run in unloaded code. Wait for queued work items to run before unloading.', 'unload');
    }
    return [];
  };

  return { routines, unload };
}
