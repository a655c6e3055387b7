/**
 * RTL_RUN_ONCE one-time initialisation: RtlRunOnceInitialize, RtlRunOnceBeginInitialize,
 * RtlRunOnceComplete and RtlRunOnceExecuteOnce (content/ddi/ntddk/nf-ntddk-rtlrunonce*.md).
 *
 * The state lives in the structure's one pointer, as on Windows: the low two bits say where the
 * initialisation stands (0 not begun, 1 begun synchronously, 3 begun asynchronously, 2 done) and, once
 * done, the other bits are the Context the initialiser published (so a Context must keep its low
 * RTL_RUN_ONCE_CTX_RESERVED_BITS bits clear). A synchronous BeginInitialize while another thread holds the
 * initialisation blocks until that thread completes it (it returns a Promise then); a failed
 * synchronous initialisation (RTL_RUN_ONCE_INIT_FAILED) resets the state and lets one waiter begin
 * again. Mixing the synchronous and asynchronous modes is STATUS_INVALID_PARAMETER, as Windows answers.
 */
import type { Wait } from './kernel.ts';
import { defineModule } from './module.ts';

export const RTL_RUN_ONCE_CHECK_ONLY = 0x1;
export const RTL_RUN_ONCE_ASYNC = 0x2;
export const RTL_RUN_ONCE_INIT_FAILED = 0x4;
export const RTL_RUN_ONCE_CTX_RESERVED_BITS = 2;

const STATUS_SUCCESS = 0x00000000;
const STATUS_PENDING = 0x00000103;
const STATUS_UNSUCCESSFUL = 0xc0000001;
const STATUS_INVALID_PARAMETER = 0xc000000d;

const NOT_BEGUN = 0n;
const SYNC_BEGUN = 1n;
const DONE = 2n;
const ASYNC_BEGUN = 3n;

export default defineModule({
  name: 'rtl-run-once',
  layouts: { RTL_RUN_ONCE: [['Ptr', 'PVOID']], INIT_ONCE: 'RTL_RUN_ONCE' },
  constants: { RTL_RUN_ONCE_CHECK_ONLY, RTL_RUN_ONCE_ASYNC, RTL_RUN_ONCE_INIT_FAILED, RTL_RUN_ONCE_CTX_RESERVED_BITS,
    RTL_RUN_ONCE_INIT: 0 },
  routines: (sys) => {
    const waiting = new Map<number, Wait[]>();
    const value = (once: number) => BigInt(sys.mem.read(once, 'PVOID') as number);
    const store = (once: number, v: bigint) => sys.mem.write(once, 'PVOID', Number(v));
    const wakeAll = (once: number) => {
      for (const w of waiting.get(once) ?? []) sys.ctx.complete(w, STATUS_SUCCESS);
      waiting.delete(once);
    };

    /** One pass of BeginInitialize; null means "wait for the initialising thread, then look again". */
    const begin = (once: number, flags: number, context: number): number | null => {
      const v = value(once);
      switch (v & 3n) {
        case NOT_BEGUN:
          store(once, flags & RTL_RUN_ONCE_ASYNC ? ASYNC_BEGUN : SYNC_BEGUN);
          return STATUS_PENDING;
        case SYNC_BEGUN:
          return flags & RTL_RUN_ONCE_ASYNC ? STATUS_INVALID_PARAMETER : null;
        case DONE:
          if (context) sys.mem.write(context, 'PVOID', Number(v & ~3n));
          return STATUS_SUCCESS;
        default:
          return flags & RTL_RUN_ONCE_ASYNC ? STATUS_PENDING : STATUS_INVALID_PARAMETER;
      }
    };

    const beginInitialize = (once: number, flags: number, context: number, routine: string): number | Promise<number> => {
      if (flags & ~(RTL_RUN_ONCE_CHECK_ONLY | RTL_RUN_ONCE_ASYNC)) return STATUS_INVALID_PARAMETER;
      if (flags & RTL_RUN_ONCE_CHECK_ONLY) {
        if (flags & RTL_RUN_ONCE_ASYNC) return STATUS_INVALID_PARAMETER;
        const v = value(once);
        if ((v & 3n) !== DONE) return STATUS_UNSUCCESSFUL;
        if (context) sys.mem.write(context, 'PVOID', Number(v & ~3n));
        return STATUS_SUCCESS;
      }
      const first = begin(once, flags, context);
      if (first !== null) return first;
      const loop = async (): Promise<number> => {
        for (;;) {
          const { wait, promise } = sys.ctx.blockOn(`RTL_RUN_ONCE 0x${once.toString(16)} (initialisation by another thread)`, routine);
          waiting.set(once, [...(waiting.get(once) ?? []), wait]);
          await promise;
          const status = begin(once, flags, context);
          if (status !== null) return status;
        }
      };
      return loop();
    };

    const complete = (once: number, flags: number, context: number): number => {
      if (flags & ~(RTL_RUN_ONCE_ASYNC | RTL_RUN_ONCE_INIT_FAILED)) return STATUS_INVALID_PARAMETER;
      let next: bigint;
      if (flags & RTL_RUN_ONCE_INIT_FAILED) {
        if (context || flags & RTL_RUN_ONCE_ASYNC) return STATUS_INVALID_PARAMETER;
        next = NOT_BEGUN;
      } else {
        if (BigInt(context) & 3n) return STATUS_INVALID_PARAMETER;
        next = BigInt(context) | DONE;
      }
      switch (value(once) & 3n) {
        case SYNC_BEGUN:
          if (flags & RTL_RUN_ONCE_ASYNC) return STATUS_INVALID_PARAMETER;
          store(once, next);
          wakeAll(once);
          return STATUS_SUCCESS;
        case ASYNC_BEGUN:
          if (!(flags & RTL_RUN_ONCE_ASYNC)) return STATUS_INVALID_PARAMETER;
          store(once, next);
          return STATUS_SUCCESS;
        default:
          // Not begun, or another thread already completed it (the asynchronous race the page describes).
          return STATUS_UNSUCCESSFUL;
      }
    };

    return {
      RtlRunOnceInitialize(RunOnce: number) { store(RunOnce, NOT_BEGUN); },
      RtlRunOnceBeginInitialize: (RunOnce: number, Flags: number, Context: number) =>
        beginInitialize(RunOnce, Flags >>> 0, Context, 'RtlRunOnceBeginInitialize'),
      RtlRunOnceComplete: (RunOnce: number, Flags: number, Context: number) => complete(RunOnce, Flags >>> 0, Context ?? 0),
      /**
       * Calls InitFn(RunOnce, Parameter, Context) — a JavaScript function, possibly async, returning a
       * nonzero value for success — at most once per structure; later callers get the published Context.
       */
      RtlRunOnceExecuteOnce(RunOnce: number, InitFn: (once: number, parameter: number, context: number) => unknown,
        Parameter: number, Context: number): number | Promise<number> {
        if (typeof InitFn !== 'function') throw new TypeError('RtlRunOnceExecuteOnce: InitFn must be a function');
        const finish = async (status: number): Promise<number> => {
          if (status !== STATUS_PENDING) return status;
          const ok = await InitFn(RunOnce, Parameter, Context);
          if (!ok) {
            complete(RunOnce, RTL_RUN_ONCE_INIT_FAILED, 0);
            return STATUS_UNSUCCESSFUL;
          }
          return complete(RunOnce, 0, Context ? Number(sys.mem.read(Context, 'PVOID')) : 0);
        };
        const status = beginInitialize(RunOnce, 0, Context, 'RtlRunOnceExecuteOnce');
        if (typeof status === 'number' && status !== STATUS_PENDING) return status;
        return typeof status === 'number' ? finish(status) : status.then(finish);
      },
    };
  },
});
