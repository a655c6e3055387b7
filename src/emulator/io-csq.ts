/**
 * Cancel-safe IRP queues: IO_CSQ and IO_CSQ_IRP_CONTEXT with IoCsqInitialize, IoCsqInitializeEx,
 * IoCsqInsertIrp, IoCsqInsertIrpEx, IoCsqRemoveIrp and IoCsqRemoveNextIrp
 * (content/ddi/wdm/nf-wdm-iocsq*.md).
 *
 * The driver supplies the queue itself through six callbacks (JavaScript functions, stored in the IO_CSQ
 * as code addresses, x64 layout of wdm.h); the library supplies the cancellation protocol. Insertion
 * marks the IRP pending and sets the library's cancel routine; if the IRP was cancelled before that, it is
 * taken out again and handed to CsqCompleteCanceledIrp. Removal clears the cancel routine first: an IRP
 * whose cancel routine is already running is left to that routine (IoCsqRemoveIrp returns NULL).
 * Cancellation (IoCancelIrp) runs the library's routine, which releases the cancel spin lock, takes the
 * IRP out under the driver's lock and completes it through CsqCompleteCanceledIrp. The IRP remembers its
 * queue in Tail.Overlay.DriverContext[3] (the IO_CSQ_IRP_CONTEXT when one was given, else the IO_CSQ).
 */
import { irps } from './irp.ts';
import { defineModule } from './module.ts';

export const IO_TYPE_CSQ_IRP_CONTEXT = 1;
export const IO_TYPE_CSQ = 2;
export const IO_TYPE_CSQ_EX = 3;
const STATUS_SUCCESS = 0;

type Callback = (...args: number[]) => unknown;

export default defineModule({
  name: 'io-csq',
  layouts: {
    IO_CSQ: [['Type', 'ULONG'], ['CsqInsertIrp', 'PVOID'], ['CsqRemoveIrp', 'PVOID'], ['CsqPeekNextIrp', 'PVOID'],
      ['CsqAcquireLock', 'PVOID'], ['CsqReleaseLock', 'PVOID'], ['CsqCompleteCanceledIrp', 'PVOID'], ['ReservePointer', 'PVOID']],
    IO_CSQ_IRP_CONTEXT: [['Type', 'ULONG'], ['Irp', 'PVOID'], ['Csq', 'PVOID']],
  },
  constants: { IO_TYPE_CSQ_IRP_CONTEXT, IO_TYPE_CSQ, IO_TYPE_CSQ_EX },
  routines: (sys) => {
    const ctx = sys.ctx;
    const io = irps(sys);
    const irqlCells = new Map<number, number>();
    const callback = (csq: number, field: string): Callback => {
      const fn = ctx.codeAt(Number(sys.get(csq, 'IO_CSQ', field)));
      if (!fn) {
        return ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, csq, 0, 0],
          `The IO_CSQ at 0x${csq.toString(16)} has no ${field} routine: initialise it with IoCsqInitialize first.`);
      }
      return fn as Callback;
    };
    const type = (csq: number) => Number(sys.get(csq, 'IO_CSQ', 'Type'));
    const mustBeQueue = (csq: number, routine: string) => {
      const t = type(csq);
      if (t !== IO_TYPE_CSQ && t !== IO_TYPE_CSQ_EX) {
        ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, csq, t, 0],
          `${routine} was passed 0x${csq.toString(16)}, which IoCsqInitialize or IoCsqInitializeEx has not initialised.`, routine);
      }
    };
    /** The driver's lock, with the KIRQL it hands back kept in a cell of emulated memory, as a local would be. */
    const lock = (csq: number) => {
      let cell = irqlCells.get(csq);
      if (!cell) {
        cell = sys.mem.reserve(1, { origin: 'system', allocator: 'IoCsq' })!.base;
        irqlCells.set(csq, cell);
      }
      callback(csq, 'CsqAcquireLock')(csq, cell);
      return Number(sys.mem.read(cell, 'KIRQL'));
    };
    const unlock = (csq: number, irql: number) => { callback(csq, 'CsqReleaseLock')(csq, irql); };
    const driverContext = (irp: number) => sys.at(irp, 'IRP', 'Tail.Overlay.DriverContext[3]');
    const contextOf = (irp: number) => Number(sys.mem.read(driverContext(irp), 'PVOID'));
    const isIrpContext = (p: number) => p !== 0 && Number(sys.get(p, 'IO_CSQ_IRP_CONTEXT', 'Type')) === IO_TYPE_CSQ_IRP_CONTEXT;
    /** The queue an IRP belongs to, from DriverContext[3]. */
    const queueOf = (irp: number) => {
      const p = contextOf(irp);
      return isIrpContext(p) ? Number(sys.get(p, 'IO_CSQ_IRP_CONTEXT', 'Csq')) : p;
    };
    const forget = (irp: number) => {
      const p = contextOf(irp);
      if (isIrpContext(p)) sys.set(p, 'IO_CSQ_IRP_CONTEXT', 'Irp', 0);
      sys.mem.write(driverContext(irp), 'PVOID', 0);
    };

    /** The library's cancel routine: runs inside IoCancelIrp with the cancel spin lock held. */
    const cancelRoutine = (_deviceObject: number, irp: number) => {
      sys.k.IoReleaseCancelSpinLock(Number(sys.get(irp, 'IRP', 'CancelIrql')));
      const csq = queueOf(irp);
      const irql = lock(csq);
      callback(csq, 'CsqRemoveIrp')(csq, irp);
      forget(irp);
      unlock(csq, irql);
      callback(csq, 'CsqCompleteCanceledIrp')(csq, irp);
    };

    const initialize = (Csq: number, kind: number, fns: Record<string, unknown>) => {
      for (const [field, fn] of Object.entries(fns)) {
        if (typeof fn !== 'function') throw new TypeError(`IoCsqInitialize: ${field} must be a function`);
        sys.set(Csq, 'IO_CSQ', field, ctx.codeAddress(fn as Callback));
      }
      sys.set(Csq, 'IO_CSQ', 'Type', kind);
      sys.set(Csq, 'IO_CSQ', 'ReservePointer', 0);
      return STATUS_SUCCESS;
    };

    const insert = (Csq: number, Irp: number, Context: number, InsertContext: number | undefined, routine: string): number => {
      mustBeQueue(Csq, routine);
      const irql = lock(Csq);
      if (Context) {
        sys.set(Context, 'IO_CSQ_IRP_CONTEXT', 'Type', IO_TYPE_CSQ_IRP_CONTEXT);
        sys.set(Context, 'IO_CSQ_IRP_CONTEXT', 'Irp', Irp);
        sys.set(Context, 'IO_CSQ_IRP_CONTEXT', 'Csq', Csq);
      }
      sys.mem.write(driverContext(Irp), 'PVOID', Context || Csq);
      if (type(Csq) === IO_TYPE_CSQ_EX) {
        const status = Number(callback(Csq, 'CsqInsertIrp')(Csq, Irp, InsertContext ?? 0)) >>> 0;
        if (status & 0x80000000) {
          forget(Irp);
          unlock(Csq, irql);
          return status;
        }
      } else {
        callback(Csq, 'CsqInsertIrp')(Csq, Irp);
      }
      sys.k.IoMarkIrpPending(Irp);
      io.exchangeCancelRoutine(Irp, ctx.codeAddress(cancelRoutine));
      if (Number(sys.get(Irp, 'IRP', 'Cancel')) && io.exchangeCancelRoutine(Irp, 0)) {
        // Cancelled before the cancel routine was in place: nobody else will complete it.
        callback(Csq, 'CsqRemoveIrp')(Csq, Irp);
        forget(Irp);
        unlock(Csq, irql);
        callback(Csq, 'CsqCompleteCanceledIrp')(Csq, Irp);
        return STATUS_SUCCESS;
      }
      unlock(Csq, irql);
      return STATUS_SUCCESS;
    };

    return {
      IoCsqInitialize: (Csq: number, CsqInsertIrp: Callback, CsqRemoveIrp: Callback, CsqPeekNextIrp: Callback,
        CsqAcquireLock: Callback, CsqReleaseLock: Callback, CsqCompleteCanceledIrp: Callback) =>
        initialize(Csq, IO_TYPE_CSQ, { CsqInsertIrp, CsqRemoveIrp, CsqPeekNextIrp, CsqAcquireLock, CsqReleaseLock, CsqCompleteCanceledIrp }),
      IoCsqInitializeEx: (Csq: number, CsqInsertIrp: Callback, CsqRemoveIrp: Callback, CsqPeekNextIrp: Callback,
        CsqAcquireLock: Callback, CsqReleaseLock: Callback, CsqCompleteCanceledIrp: Callback) =>
        initialize(Csq, IO_TYPE_CSQ_EX, { CsqInsertIrp, CsqRemoveIrp, CsqPeekNextIrp, CsqAcquireLock, CsqReleaseLock, CsqCompleteCanceledIrp }),
      IoCsqInsertIrp(Csq: number, Irp: number, Context: number) { insert(Csq, Irp, Context, undefined, 'IoCsqInsertIrp'); },
      IoCsqInsertIrpEx: (Csq: number, Irp: number, Context: number, InsertContext: number) =>
        insert(Csq, Irp, Context, InsertContext, 'IoCsqInsertIrpEx'),
      IoCsqRemoveIrp(Csq: number, Context: number) {
        mustBeQueue(Csq, 'IoCsqRemoveIrp');
        const irql = lock(Csq);
        let irp = Number(sys.get(Context, 'IO_CSQ_IRP_CONTEXT', 'Irp'));
        if (irp) {
          if (io.exchangeCancelRoutine(irp, 0)) {
            callback(Csq, 'CsqRemoveIrp')(Csq, irp);
            forget(irp);
          } else {
            irp = 0; // its cancel routine is running and will complete it
          }
        }
        unlock(Csq, irql);
        return irp;
      },
      IoCsqRemoveNextIrp(Csq: number, PeekContext: number) {
        mustBeQueue(Csq, 'IoCsqRemoveNextIrp');
        const irql = lock(Csq);
        const peek = callback(Csq, 'CsqPeekNextIrp');
        let irp = Number(peek(Csq, 0, PeekContext ?? 0) ?? 0);
        while (irp) {
          if (io.exchangeCancelRoutine(irp, 0)) {
            callback(Csq, 'CsqRemoveIrp')(Csq, irp);
            forget(irp);
            break;
          }
          irp = Number(peek(Csq, irp, PeekContext ?? 0) ?? 0);
        }
        unlock(Csq, irql);
        return irp;
      },
    };
  },
});
