/**
 * Interrupts with a simulated interrupt object (KINTERRUPT): IoConnectInterrupt, IoDisconnectInterrupt,
 * KeSynchronizeExecution, KeAcquireInterruptSpinLock, KeReleaseInterruptSpinLock, and the helper
 * `k.raiseInterrupt(Interrupt)` that plays the device: the service routine runs at the interrupt's
 * SynchronizeIrql (a DIRQL) holding the interrupt spin lock, as the ISR would. While the caller holds the
 * interrupt spin lock (or runs at or above that IRQL) the interrupt stays pending and is delivered when the
 * lock is released — the masking that makes KeSynchronizeExecution safe.
 * KINTERRUPT's layout is not public: it is an opaque 0x100-byte block here.
 */
import { DIRQL_MAX, DIRQL_MIN, irqlName } from './irql.ts';
import { dropSpinLock, takeSpinLock } from './kspin-lock.ts';
import { defineModule, type Sys } from './module.ts';

interface Interrupt {
  address: number;
  isr: Function;
  context: number;
  lock: number;
  irql: number;
  pending: number;
  delivered: number;
}

const all = new WeakMap<Sys, Map<number, Interrupt>>();

export default defineModule({
  name: 'kinterrupt',
  layouts: { KINTERRUPT: { opaque: { size: 0x100, align: 16 } } },
  constants: { LevelSensitive: 0, Latched: 1 },
  routines: (sys) => {
    const ctx = sys.ctx;
    const map = new Map<number, Interrupt>();
    all.set(sys, map);
    const get = (p: number, routine: string) => {
      ctx.object(p, 'KINTERRUPT', routine);
      return map.get(p)!;
    };
    const acquire = (i: Interrupt, routine: string) => {
      const old = ctx.irql;
      if (old > i.irql) ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, old, i.irql, 0], `${routine} was called at ${irqlName(old)}, above the interrupt's SynchronizeIrql ${irqlName(i.irql)}.`);
      ctx.setIrql(i.irql);
      takeSpinLock(sys, i.lock, routine);
      return old;
    };
    const release = (i: Interrupt, old: number, routine: string) => {
      dropSpinLock(sys, i.lock, routine);
      ctx.setIrql(old);
      deliver(sys, i);
    };
    return {
      /** InterruptObject receives the PKINTERRUPT. SpinLock may be NULL (the object's own lock is used). */
      IoConnectInterrupt(InterruptObject: number, ServiceRoutine: Function, ServiceContext: number, SpinLock: number, _Vector: number,
        Irql: number, SynchronizeIrql: number, _InterruptMode: number, _ShareVector: number, _ProcessorEnableMask: bigint, _FloatingSave: number) {
        if (typeof ServiceRoutine !== 'function') return 0xc000000d;
        if (SynchronizeIrql < Irql || Irql < DIRQL_MIN || SynchronizeIrql > DIRQL_MAX) return 0xc000000d;
        const block = sys.mem.reserve(0x100, { origin: 'system', allocator: 'IoConnectInterrupt' });
        if (!block) return 0xc000009a;
        const lock = SpinLock || block.base + 0x80;
        const i: Interrupt = { address: block.base, isr: ServiceRoutine, context: ServiceContext ?? 0, lock, irql: SynchronizeIrql, pending: 0, delivered: 0 };
        map.set(block.base, i);
        ctx.register({ type: 'KINTERRUPT', address: block.base, describe: () => ({ irql: i.irql, pending: i.pending, delivered: i.delivered }) });
        sys.mem.write(InterruptObject, 'PVOID', block.base);
        return 0;
      },
      IoDisconnectInterrupt(InterruptObject: number) {
        get(InterruptObject, 'IoDisconnectInterrupt');
        map.delete(InterruptObject);
        ctx.unregister(InterruptObject);
      },
      /** Runs SynchronizeRoutine(SynchronizeContext) at SynchronizeIrql holding the interrupt spin lock; returns its result. */
      KeSynchronizeExecution(Interrupt: number, SynchronizeRoutine: Function, SynchronizeContext: number) {
        const i = get(Interrupt, 'KeSynchronizeExecution');
        const old = acquire(i, 'KeSynchronizeExecution');
        try {
          return SynchronizeRoutine(SynchronizeContext) ? 1 : 0;
        } finally {
          release(i, old, 'KeSynchronizeExecution');
        }
      },
      KeAcquireInterruptSpinLock: (Interrupt: number) => acquire(get(Interrupt, 'KeAcquireInterruptSpinLock'), 'KeAcquireInterruptSpinLock'),
      KeReleaseInterruptSpinLock(Interrupt: number, OldIrql: number) {
        release(get(Interrupt, 'KeReleaseInterruptSpinLock'), OldIrql, 'KeReleaseInterruptSpinLock');
      },
    };
  },
  helpers: (sys) => ({
    /** The device asserts its interrupt: the ISR runs now, or when the interrupt is no longer masked. Returns the number delivered. */
    raiseInterrupt(Interrupt: number) {
      const i = all.get(sys)?.get(Interrupt);
      if (!i) throw new Error(`raiseInterrupt: 0x${Interrupt.toString(16)} is not a connected interrupt object`);
      i.pending++;
      return deliver(sys, i);
    },
  }),
});

function deliver(sys: Sys, i: Interrupt): number {
  const ctx = sys.ctx;
  let n = 0;
  while (i.pending > 0) {
    // The interrupt is masked while the current processor is at or above its IRQL (which includes holding its lock).
    if (ctx.irql >= i.irql) break;
    i.pending--;
    const old = ctx.irql;
    ctx.setIrql(i.irql);
    takeSpinLock(sys, i.lock, 'interrupt service routine');
    try {
      ctx.note('note', `ISR ${i.isr.name || ''} at ${irqlName(i.irql)}`);
      i.isr(i.address, i.context);
      i.delivered++;
      n++;
    } finally {
      dropSpinLock(sys, i.lock, 'interrupt service routine');
      ctx.setIrql(old);
    }
  }
  return n;
}
