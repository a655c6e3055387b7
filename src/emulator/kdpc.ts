/**
 * KDPC: KeInitializeDpc, KeInitializeThreadedDpc, KeInsertQueueDpc, KeRemoveQueueDpc, KeSetImportanceDpc,
 * KeSetTargetProcessorDpc, KeFlushQueuedDpcs, KeIsExecutingDpc. A queued DPC runs at DISPATCH_LEVEL on its
 * target processor as soon as that processor's IRQL is below DISPATCH_LEVEL — at once when the caller is
 * at PASSIVE_LEVEL on that processor, otherwise when the IRQL drops. KeInsertQueueDpc "returns FALSE if
 * the DPC object is already in the DPC queue"; KeRemoveQueueDpc returns TRUE if it was queued.
 * HighImportance DPCs go to the front of the queue. Threaded DPCs run as ordinary DPCs here (Windows does the
 * same when threaded DPCs are disabled), so their routines must obey DISPATCH_LEVEL rules.
 * Layout (wdm.h, x64): TargetInfo (Type, Importance, Number), DpcListEntry, ProcessorHistory, DeferredRoutine,
 * DeferredContext, SystemArgument1, SystemArgument2, DpcData — 0x40 bytes.
 */
import type { DpcEntry } from './kernel.ts';
import { KOBJECTS } from './dispatcher.ts';
import { defineModule, type Sys } from './module.ts';

export const DPC_IMPORTANCE = { LowImportance: 0, MediumImportance: 1, HighImportance: 2, MediumHighImportance: 3 };

interface DpcState {
  routine: Function;
  entry: DpcEntry | null;
  target: number | null;
}

const states = new WeakMap<Sys, Map<number, DpcState>>();

/** Queues a DPC (used by timers too): returns 1 when queued, 0 when it already was. */
export function insertDpc(sys: Sys, dpc: number, a1: number, a2: number): number {
  const ctx = sys.ctx;
  const st = states.get(sys)?.get(dpc);
  if (!st) return ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, dpc, 0, 0], `KeInsertQueueDpc was passed 0x${dpc.toString(16)}, which KeInitializeDpc did not initialise.`);
  if (st.entry) return 0;
  sys.set(dpc, 'KDPC', 'SystemArgument1', a1);
  sys.set(dpc, 'KDPC', 'SystemArgument2', a2);
  sys.set(dpc, 'KDPC', 'DpcData', dpc);
  const label = st.routine.name || `DPC 0x${dpc.toString(16)}`;
  const entry: DpcEntry = {
    label,
    run: () => {
      st.entry = null;
      sys.set(dpc, 'KDPC', 'DpcData', 0);
      st.routine(dpc, sys.get(dpc, 'KDPC', 'DeferredContext'), a1, a2);
    },
  };
  st.entry = entry;
  const importance = sys.get(dpc, 'KDPC', 'Importance') as number;
  ctx.queueDpc(st.target ?? ctx.cpu().number, entry, importance === DPC_IMPORTANCE.HighImportance);
  return 1;
}

export default defineModule({
  name: 'kdpc',
  layouts: {
    KDPC: [
      ['', { union: [['TargetInfoAsUlong', 'ULONG'], ['', { struct: [['Type', 'UCHAR'], ['Importance', 'UCHAR'], ['Number', 'USHORT']] }]] }],
      ['DpcListEntry', 'SINGLE_LIST_ENTRY'], ['ProcessorHistory', 'KAFFINITY'], ['DeferredRoutine', 'PVOID'], ['DeferredContext', 'PVOID'],
      ['SystemArgument1', 'PVOID'], ['SystemArgument2', 'PVOID'], ['DpcData', 'PVOID'],
    ],
  },
  constants: DPC_IMPORTANCE,
  routines: (sys) => {
    const ctx = sys.ctx;
    const map = new Map<number, DpcState>();
    states.set(sys, map);
    const init = (dpc: number, routine: Function, context: number, type: number) => {
      if (typeof routine !== 'function') throw new TypeError('DeferredRoutine must be a function (Dpc, DeferredContext, SystemArgument1, SystemArgument2)');
      sys.mem.fill(dpc, sys.layouts.get('KDPC').size, 0);
      sys.set(dpc, 'KDPC', 'Type', type);
      sys.set(dpc, 'KDPC', 'Importance', DPC_IMPORTANCE.MediumImportance);
      sys.set(dpc, 'KDPC', 'DeferredRoutine', ctx.codeAddress(routine));
      sys.set(dpc, 'KDPC', 'DeferredContext', context ?? 0);
      const st: DpcState = { routine, entry: null, target: null };
      map.set(dpc, st);
      ctx.register({ type: 'KDPC', address: dpc, describe: () => ({ routine: routine.name || null, queued: st.entry !== null, target: st.target }) });
    };
    const state = (dpc: number, routine: string) => {
      ctx.object(dpc, 'KDPC', routine);
      return map.get(dpc)!;
    };
    return {
      KeInitializeDpc(Dpc: number, DeferredRoutine: Function, DeferredContext: number) {
        init(Dpc, DeferredRoutine, DeferredContext, KOBJECTS.DpcObject);
      },
      KeInitializeThreadedDpc(Dpc: number, DeferredRoutine: Function, DeferredContext: number) {
        init(Dpc, DeferredRoutine, DeferredContext, KOBJECTS.ThreadedDpcObject);
      },
      KeInsertQueueDpc(Dpc: number, SystemArgument1: number, SystemArgument2: number) {
        state(Dpc, 'KeInsertQueueDpc');
        return insertDpc(sys, Dpc, SystemArgument1 ?? 0, SystemArgument2 ?? 0);
      },
      KeRemoveQueueDpc(Dpc: number) {
        const st = state(Dpc, 'KeRemoveQueueDpc');
        if (!st.entry) return 0;
        ctx.removeDpc(st.entry);
        st.entry = null;
        sys.set(Dpc, 'KDPC', 'DpcData', 0);
        return 1;
      },
      KeSetImportanceDpc(Dpc: number, Importance: number) {
        state(Dpc, 'KeSetImportanceDpc');
        sys.set(Dpc, 'KDPC', 'Importance', Importance);
      },
      KeSetTargetProcessorDpc(Dpc: number, Number: number) {
        const st = state(Dpc, 'KeSetTargetProcessorDpc');
        if (Number < 0 || Number >= ctx.processors.length) throw new RangeError(`KeSetTargetProcessorDpc: processor ${Number} does not exist (${ctx.processors.length} processors)`);
        st.target = Number;
        sys.set(Dpc, 'KDPC', 'Number', Number);
      },
      /** ProcNumber: a PROCESSOR_NUMBER (USHORT Group; UCHAR Number; UCHAR Reserved); group 0 only. */
      KeSetTargetProcessorDpcEx(Dpc: number, ProcNumber: number) {
        const st = state(Dpc, 'KeSetTargetProcessorDpcEx');
        const group = sys.mem.read(ProcNumber, 'USHORT') as number;
        const n = sys.mem.read(ProcNumber + 2, 'UCHAR') as number;
        if (group !== 0 || n >= ctx.processors.length) return 0xc000000d;
        st.target = n;
        sys.set(Dpc, 'KDPC', 'Number', n);
        return 0;
      },
      /**
       * IoInitializeDpcRequest: the device object's own KDPC (DEVICE_OBJECT.Dpc) with DpcRoutine and the
       * device object as context, so IoRequestDpc(DeviceObject, Irp, Context) calls
       * DpcRoutine(Dpc, DeviceObject, Irp, Context).
       */
      IoInitializeDpcRequest(DeviceObject: number, DpcRoutine: Function) {
        init(sys.at(DeviceObject, 'DEVICE_OBJECT', 'Dpc'), DpcRoutine, DeviceObject, KOBJECTS.DpcObject);
      },
      IoRequestDpc(DeviceObject: number, Irp: number, Context: number) {
        const dpc = sys.at(DeviceObject, 'DEVICE_OBJECT', 'Dpc');
        state(dpc, 'IoRequestDpc');
        insertDpc(sys, dpc, Irp ?? 0, Context ?? 0);
      },
      /** Returns once every queued DPC has run (processors below DISPATCH_LEVEL run theirs now). */
      KeFlushQueuedDpcs() {
        for (const cpu of ctx.processors) ctx.drainDpcs(cpu);
      },
      KeIsExecutingDpc: () => (ctx.cpu().inDpc ? 1 : 0),
    };
  },
});
