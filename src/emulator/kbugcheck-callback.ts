/**
 * Bug checks a driver raises and bug-check callbacks: KeBugCheck, KeBugCheckEx, and
 * KBUGCHECK_CALLBACK_RECORD / KBUGCHECK_REASON_CALLBACK_RECORD with KeInitializeCallbackRecord,
 * KeRegisterBugCheckCallback, KeDeregisterBugCheckCallback, KeRegisterBugCheckReasonCallback and
 * KeDeregisterBugCheckReasonCallback (content/ddi/wdm/nf-wdm-ke*bugcheck*.md, ns-wdm-_kbugcheck_*callback_record.md).
 *
 * "The BugCheckCallback routine is executed when the system issues a bug check": when an emulated routine
 * stops the machine, every registered callback runs, the most recently registered first (Windows keeps
 * them at the head of one list), with the record's State going BufferStarted → BufferFinished. A reason
 * callback receives its Reason and record; the emulator writes no dump, so ReasonSpecificData is NULL and
 * its length 0. An exception inside a callback is swallowed, as the bug-check path does. Records are
 * checked as Windows checks them: registering a record that is not BufferEmpty fails (FALSE), and
 * deregistering one not inserted fails. A driver that unloads with callbacks still registered stops with
 * DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS (the page: "Any driver that can be unloaded must
 * remove all of its callbacks in its Unload routine").
 */
import type { BugCheck } from './bugcheck.ts';
import { defineModule, type Sys } from './module.ts';

export const KBUGCHECK_BUFFER_DUMP_STATE = {
  BufferEmpty: 0, BufferInserted: 1, BufferStarted: 2, BufferFinished: 3, BufferIncomplete: 4,
} as const;
export const KBUGCHECK_CALLBACK_REASON = {
  KbCallbackInvalid: 0, KbCallbackReserved1: 1, KbCallbackSecondaryDumpData: 2, KbCallbackDumpIo: 3,
  KbCallbackAddPages: 4, KbCallbackSecondaryMultiPartDumpData: 5, KbCallbackRemovePages: 6, KbCallbackTriageDumpData: 7,
} as const;
const { BufferEmpty, BufferInserted, BufferStarted, BufferFinished } = KBUGCHECK_BUFFER_DUMP_STATE;

type Kind = 'KBUGCHECK_CALLBACK_RECORD' | 'KBUGCHECK_REASON_CALLBACK_RECORD';

function registry(sys: Sys) {
  const ctx = sys.ctx;
  /** Registered records, most recent first. */
  const records: { address: number; kind: Kind }[] = [];
  const state = (address: number, kind: Kind) => Number(sys.get(address, kind, 'State'));
  const setState = (address: number, kind: Kind, value: number) => sys.set(address, kind, 'State', value);

  const register = (address: number, kind: Kind, fields: Record<string, number>) => {
    if (state(address, kind) !== BufferEmpty) return 0;
    let checksum = 0n;
    for (const [name, value] of Object.entries(fields)) {
      sys.set(address, kind, name, value);
      checksum += BigInt(value);
    }
    sys.set(address, kind, 'Checksum', BigInt.asUintN(64, checksum));
    setState(address, kind, BufferInserted);
    sys.set(address, kind, 'Entry.Flink', address);
    sys.set(address, kind, 'Entry.Blink', address);
    records.unshift({ address, kind });
    return 1;
  };

  const deregister = (address: number, kind: Kind) => {
    const i = records.findIndex((r) => r.address === address && r.kind === kind);
    if (i < 0 || state(address, kind) !== BufferInserted) return 0;
    records.splice(i, 1);
    setState(address, kind, BufferEmpty);
    return 1;
  };

  const run = (bugCheck: BugCheck) => {
    for (const { address, kind } of [...records]) {
      try {
        const routine = ctx.codeAt(Number(sys.get(address, kind, 'CallbackRoutine'))) as ((...a: number[]) => unknown) | null;
        if (!routine) continue;
        setState(address, kind, BufferStarted);
        ctx.note('note', `bug check ${bugCheck.codeName}: calling the ${kind === 'KBUGCHECK_CALLBACK_RECORD' ? '' : 'reason '}callback of record 0x${address.toString(16)}`);
        if (kind === 'KBUGCHECK_CALLBACK_RECORD') {
          routine(Number(sys.get(address, kind, 'Buffer')), Number(sys.get(address, kind, 'Length')));
        } else {
          routine(Number(sys.get(address, kind, 'Reason')), address, 0, 0);
        }
        setState(address, kind, BufferFinished);
      } catch (e) {
        ctx.note('note', `a bug check callback failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };

  const unload = () => {
    if (records.length > 0) {
      const first = records[records.length - 1]!;
      const count = records.length;
      // The driver's code is gone: the callbacks it left registered are not called for this stop.
      records.length = 0;
      ctx.bugcheck('DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS', [first.address, 0, 0, 0],
        `The driver unloaded with ${count} bug check callback(s) still registered (the first at 0x${first.address.toString(16)}); `
        + 'deregister them in the Unload routine.', 'unload');
    }
    return [];
  };

  return { register, deregister, run, unload };
}

const registries = new WeakMap<Sys, ReturnType<typeof registry>>();
const of = (sys: Sys) => {
  let r = registries.get(sys);
  if (!r) { r = registry(sys); registries.set(sys, r); }
  return r;
};

export default defineModule({
  name: 'kbugcheck-callback',
  layouts: {
    KBUGCHECK_CALLBACK_RECORD: [['Entry', 'LIST_ENTRY'], ['CallbackRoutine', 'PVOID'], ['Buffer', 'PVOID'], ['Length', 'ULONG'],
      ['Component', 'PUCHAR'], ['Checksum', 'ULONG_PTR'], ['State', 'UCHAR']],
    KBUGCHECK_REASON_CALLBACK_RECORD: [['Entry', 'LIST_ENTRY'], ['CallbackRoutine', 'PVOID'], ['Component', 'PUCHAR'],
      ['Checksum', 'ULONG_PTR'], ['Reason', 'ULONG'], ['State', 'UCHAR']],
  },
  constants: { ...KBUGCHECK_BUFFER_DUMP_STATE, ...KBUGCHECK_CALLBACK_REASON },
  routines: (sys) => {
    const r = of(sys);
    const code = (fn: unknown, routine: string) => {
      if (typeof fn !== 'function') throw new TypeError(`${routine}: CallbackRoutine must be a function`);
      return sys.ctx.codeAddress(fn);
    };
    return {
      KeInitializeCallbackRecord(CallbackRecord: number) { sys.set(CallbackRecord, 'KBUGCHECK_CALLBACK_RECORD', 'State', BufferEmpty); },
      KeRegisterBugCheckCallback: (CallbackRecord: number, CallbackRoutine: unknown, Buffer: number, Length: number, Component: number) =>
        r.register(CallbackRecord, 'KBUGCHECK_CALLBACK_RECORD', {
          CallbackRoutine: code(CallbackRoutine, 'KeRegisterBugCheckCallback'), Buffer: Buffer ?? 0, Length: Length >>> 0, Component: Component ?? 0,
        }),
      KeDeregisterBugCheckCallback: (CallbackRecord: number) => r.deregister(CallbackRecord, 'KBUGCHECK_CALLBACK_RECORD'),
      KeRegisterBugCheckReasonCallback: (CallbackRecord: number, CallbackRoutine: unknown, Reason: number, Component: number) =>
        r.register(CallbackRecord, 'KBUGCHECK_REASON_CALLBACK_RECORD', {
          CallbackRoutine: code(CallbackRoutine, 'KeRegisterBugCheckReasonCallback'), Reason: Reason >>> 0, Component: Component ?? 0,
        }),
      KeDeregisterBugCheckReasonCallback: (CallbackRecord: number) => r.deregister(CallbackRecord, 'KBUGCHECK_REASON_CALLBACK_RECORD'),
      /** Stops the machine with the driver's own code; the registered callbacks run first, as for any bug check. */
      KeBugCheckEx(BugCheckCode: number, BugCheckParameter1: number | bigint, BugCheckParameter2: number | bigint,
        BugCheckParameter3: number | bigint, BugCheckParameter4: number | bigint): never {
        return sys.ctx.bugcheck(BugCheckCode >>> 0, [BugCheckParameter1 ?? 0, BugCheckParameter2 ?? 0, BugCheckParameter3 ?? 0, BugCheckParameter4 ?? 0],
          `KeBugCheckEx: the driver stopped the machine with bug check code 0x${(BugCheckCode >>> 0).toString(16).toUpperCase()}.`, 'KeBugCheckEx');
      },
      KeBugCheck(BugCheckCode: number): never {
        return sys.ctx.bugcheck(BugCheckCode >>> 0, [0, 0, 0, 0],
          `KeBugCheck: the driver stopped the machine with bug check code 0x${(BugCheckCode >>> 0).toString(16).toUpperCase()}.`, 'KeBugCheck');
      },
    };
  },
  onBugCheck: (sys, bugCheck) => of(sys).run(bugCheck),
  unload: (sys) => of(sys).unload(),
});
