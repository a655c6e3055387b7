/**
 * KSPIN_LOCK: KeInitializeSpinLock, KeAcquireSpinLock / KeReleaseSpinLock (raise to and restore from
 * DISPATCH_LEVEL), the …AtDpcLevel / …FromDpcLevel and …ForDpc forms, KeTryToAcquireSpinLockAtDpcLevel,
 * KeTestSpinLock, and in-stack queued spin locks (KLOCK_QUEUE_HANDLE).
 *
 * The lock word holds 0 when free and the owner's token (thread or processor address, low bit set) when
 * held, as checked Windows builds do. Acquiring a lock the caller already holds is
 * SPIN_LOCK_ALREADY_OWNED (0xF); releasing a lock the caller does not hold is SPIN_LOCK_NOT_OWNED (0x10).
 * One thread runs at a time here, so a lock held by another context can only be a lock that context can
 * never release while the caller spins: that is reported as a Deadlock rather than spinning forever.
 */
import { Deadlock } from './bugcheck.ts';
import { IRQL, irqlName } from './irql.ts';
import type { KernelContext } from './kernel.ts';
import { defineModule, type Sys } from './module.ts';

/** The token a lock word holds for the current execution context: the thread, or the processor inside a DPC/ISR. */
export function ownerToken(ctx: KernelContext): bigint {
  const cpu = ctx.cpu();
  const base = cpu.inDpc || cpu !== ctx.processors[ctx.current.cpu] ? 0xfffe_0000_0000 + cpu.number * 0x1000 : ctx.current.address;
  return BigInt(base) | 1n;
}

function ownerName(ctx: KernelContext, token: bigint): string {
  const base = Number(token & ~1n);
  const t = ctx.threadByAddress(base);
  if (t) return t.name;
  if (base >= 0xfffe_0000_0000) return `processor ${(base - 0xfffe_0000_0000) / 0x1000} (DPC)`;
  return `0x${token.toString(16)}`;
}

/**
 * Who holds each lock, beside the lock word: an in-stack queued acquisition stores the address of the
 * KLOCK_QUEUE_HANDLE in the word (what Windows does, as ReactOS's kmtests observe), not the owner.
 */
const holders = new WeakMap<Sys, Map<number, bigint>>();
function heldBy(sys: Sys): Map<number, bigint> {
  let m = holders.get(sys);
  if (!m) holders.set(sys, (m = new Map()));
  return m;
}

function track(sys: Sys, lock: number): void {
  if (sys.ctx.objects.has(lock)) return;
  sys.ctx.register({
    type: 'KSPIN_LOCK', address: lock,
    describe: () => {
      const v = sys.mem.read(lock, 'KSPIN_LOCK') as bigint;
      const owner = heldBy(sys).get(lock);
      return { owner: v === 0n ? null : ownerName(sys.ctx, owner ?? v) };
    },
  });
}

/**
 * Takes the lock for the current context without touching IRQL (the …AtDpcLevel semantics). `word` is what
 * the lock word holds while the lock is held: the owner's token, or a queue handle's address.
 */
export function takeSpinLock(sys: Sys, lock: number, routine: string, word?: bigint): void {
  const ctx = sys.ctx;
  const me = ownerToken(ctx);
  const v = sys.mem.read(lock, 'KSPIN_LOCK') as bigint;
  const holder = v === 0n ? undefined : (heldBy(sys).get(lock) ?? v);
  if (holder === me) {
    ctx.bugcheck('SPIN_LOCK_ALREADY_OWNED', [lock, 0, 0, 0], `${routine} tried to acquire the spin lock at 0x${lock.toString(16)}, which the caller already holds; spin locks are not recursive.`);
  }
  if (holder !== undefined) {
    throw new Deadlock([{ thread: ctx.current.name, waitingOn: `spin lock 0x${lock.toString(16)} held by ${ownerName(ctx, holder)}, which cannot run while this processor spins` }]);
  }
  track(sys, lock);
  sys.mem.write(lock, 'KSPIN_LOCK', word ?? me);
  heldBy(sys).set(lock, me);
}

export function tryTakeSpinLock(sys: Sys, lock: number): boolean {
  const v = sys.mem.read(lock, 'KSPIN_LOCK') as bigint;
  if (v !== 0n) return false;
  track(sys, lock);
  const me = ownerToken(sys.ctx);
  sys.mem.write(lock, 'KSPIN_LOCK', me);
  heldBy(sys).set(lock, me);
  return true;
}

/** Releases the lock; the caller must hold it. */
export function dropSpinLock(sys: Sys, lock: number, routine: string): void {
  const ctx = sys.ctx;
  const v = sys.mem.read(lock, 'KSPIN_LOCK') as bigint;
  if (v === 0n) {
    ctx.bugcheck('SPIN_LOCK_NOT_OWNED', [lock, 0, 0, 0], `${routine} released the spin lock at 0x${lock.toString(16)}, which is not held (a double release, or a release without an acquire).`);
  }
  const holder = heldBy(sys).get(lock) ?? v;
  if (holder !== ownerToken(ctx)) {
    ctx.bugcheck('SPIN_LOCK_NOT_OWNED', [lock, 1, 0, 0], `${routine} released the spin lock at 0x${lock.toString(16)}, which ${ownerName(ctx, holder)} holds, not the caller.`);
  }
  sys.mem.write(lock, 'KSPIN_LOCK', 0n);
  heldBy(sys).delete(lock);
}

export default defineModule({
  name: 'kspin-lock',
  layouts: {
    KSPIN_LOCK_QUEUE: [['Next', 'PKSPIN_LOCK_QUEUE'], ['Lock', 'PKSPIN_LOCK']],
    KLOCK_QUEUE_HANDLE: [['LockQueue', 'KSPIN_LOCK_QUEUE'], ['OldIrql', 'KIRQL']],
  },
  routines: (sys) => {
    const ctx = sys.ctx;
    const raiseToDpc = () => {
      const old = ctx.irql;
      ctx.setIrql(IRQL.DISPATCH_LEVEL);
      return old;
    };
    const restore = (to: number, routine: string) => {
      if (to > ctx.irql) {
        ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, ctx.irql, to, 0], `${routine} was asked to restore ${irqlName(to)}, above the current ${irqlName(ctx.irql)}; pass the IRQL the matching acquire returned.`);
      }
      ctx.setIrql(to);
    };
    const acquireRaise = (lock: number, routine: string) => {
      const old = raiseToDpc();
      try {
        takeSpinLock(sys, lock, routine);
      } catch (e) {
        ctx.setIrql(old);
        throw e;
      }
      return old;
    };
    // KeAcquireSpinLockAtDpcLevel's page puts its rule in the remarks ("Callers … must be running at
    // IRQL >= DISPATCH_LEVEL"), which the catalog records as "See Remarks": the module applies it.
    const atDpc = (routine: string) => {
      if (ctx.irql < IRQL.DISPATCH_LEVEL) {
        ctx.bugcheck('IRQL_NOT_GREATER_OR_EQUAL', [ctx.irql, IRQL.DISPATCH_LEVEL, 0, 0], `${routine} was called at ${irqlName(ctx.irql)}; the caller must already be at DISPATCH_LEVEL or above.`);
      }
    };
    // While held, the lock word holds the queue handle's address and the handle's Lock field carries
    // LOCK_QUEUE_OWNER (bit 1); release clears both.
    const queueAcquire = (lock: number, handle: number, raise: boolean, routine: string) => {
      const old = ctx.irql;
      if (raise) ctx.setIrql(Math.max(old, IRQL.DISPATCH_LEVEL));
      try {
        takeSpinLock(sys, lock, routine, BigInt(handle));
      } catch (e) {
        ctx.setIrql(old);
        throw e;
      }
      sys.set(handle, 'KLOCK_QUEUE_HANDLE', 'LockQueue.Next', 0);
      sys.set(handle, 'KLOCK_QUEUE_HANDLE', 'LockQueue.Lock', lock + 2); // addresses exceed 32 bits: no bitwise OR
      if (raise) sys.set(handle, 'KLOCK_QUEUE_HANDLE', 'OldIrql', old);
    };
    const queueLock = (handle: number, routine: string) => {
      const field = sys.get(handle, 'KLOCK_QUEUE_HANDLE', 'LockQueue.Lock') as number;
      const lock = field - (field % 4);
      if (!lock || field % 4 !== 2 || (sys.mem.read(lock, 'KSPIN_LOCK') as bigint) !== BigInt(handle)) {
        ctx.bugcheck('SPIN_LOCK_NOT_OWNED', [lock, handle, 0, 0], `${routine} was passed a KLOCK_QUEUE_HANDLE at 0x${handle.toString(16)} that does not hold its lock (released twice, or never acquired).`);
      }
      return lock;
    };
    const queueRelease = (handle: number, routine: string) => {
      const lock = queueLock(handle, routine);
      dropSpinLock(sys, lock, routine);
      sys.set(handle, 'KLOCK_QUEUE_HANDLE', 'LockQueue.Lock', lock);
    };
    return {
      KeInitializeSpinLock(SpinLock: number) {
        sys.mem.write(SpinLock, 'KSPIN_LOCK', 0n);
        track(sys, SpinLock);
      },
      KeAcquireSpinLock(SpinLock: number, OldIrql: number) {
        sys.mem.write(OldIrql, 'KIRQL', acquireRaise(SpinLock, 'KeAcquireSpinLock'));
      },
      KeAcquireSpinLockRaiseToDpc: (SpinLock: number) => acquireRaise(SpinLock, 'KeAcquireSpinLockRaiseToDpc'),
      KeReleaseSpinLock(SpinLock: number, NewIrql: number) {
        dropSpinLock(sys, SpinLock, 'KeReleaseSpinLock');
        restore(NewIrql, 'KeReleaseSpinLock');
      },
      KeAcquireSpinLockAtDpcLevel(SpinLock: number) {
        atDpc('KeAcquireSpinLockAtDpcLevel');
        takeSpinLock(sys, SpinLock, 'KeAcquireSpinLockAtDpcLevel');
      },
      KeReleaseSpinLockFromDpcLevel(SpinLock: number) {
        atDpc('KeReleaseSpinLockFromDpcLevel');
        dropSpinLock(sys, SpinLock, 'KeReleaseSpinLockFromDpcLevel');
      },
      KefReleaseSpinLockFromDpcLevel(SpinLock: number) {
        dropSpinLock(sys, SpinLock, 'KefReleaseSpinLockFromDpcLevel');
      },
      /** "If the caller is at DISPATCH_LEVEL, it acquires the lock without changing IRQL; else it raises" — returns the old IRQL. */
      KeAcquireSpinLockForDpc(SpinLock: number) {
        if (ctx.irql >= IRQL.DISPATCH_LEVEL) {
          takeSpinLock(sys, SpinLock, 'KeAcquireSpinLockForDpc');
          return ctx.irql;
        }
        return acquireRaise(SpinLock, 'KeAcquireSpinLockForDpc');
      },
      KeReleaseSpinLockForDpc(SpinLock: number, OldIrql: number) {
        dropSpinLock(sys, SpinLock, 'KeReleaseSpinLockForDpc');
        restore(OldIrql, 'KeReleaseSpinLockForDpc');
      },
      KeTryToAcquireSpinLockAtDpcLevel(SpinLock: number) {
        atDpc('KeTryToAcquireSpinLockAtDpcLevel');
        return tryTakeSpinLock(sys, SpinLock) ? 1 : 0;
      },
      /** "Returns TRUE if the spin lock is available" (not held), without acquiring it. */
      KeTestSpinLock: (SpinLock: number) => ((sys.mem.read(SpinLock, 'KSPIN_LOCK') as bigint) === 0n ? 1 : 0),
      /** Reserved (seed table): raises to SYNCH_LEVEL, takes the lock and returns the previous IRQL. */
      KeAcquireSpinLockRaiseToSynch(SpinLock: number) {
        const old = ctx.irql;
        if (old > 12) ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, old, 0, 0], `KeAcquireSpinLockRaiseToSynch was called at IRQL ${old}, above SYNCH_LEVEL.`);
        ctx.setIrql(12);
        try {
          takeSpinLock(sys, SpinLock, 'KeAcquireSpinLockRaiseToSynch');
        } catch (e) {
          ctx.setIrql(old);
          throw e;
        }
        return old;
      },
      // The Ex… spin lock names are wdm.h macros for the Ke… routines (the seed lists them as reserved,
      // replaced by those): same arguments, same checks.
      ExAcquireSpinLock(SpinLock: number, OldIrql: number) {
        sys.mem.write(OldIrql, 'KIRQL', acquireRaise(SpinLock, 'ExAcquireSpinLock'));
      },
      ExReleaseSpinLock(SpinLock: number, NewIrql: number) {
        dropSpinLock(sys, SpinLock, 'ExReleaseSpinLock');
        restore(NewIrql, 'ExReleaseSpinLock');
      },
      ExAcquireSpinLockAtDpcLevel(SpinLock: number) {
        atDpc('ExAcquireSpinLockAtDpcLevel');
        takeSpinLock(sys, SpinLock, 'ExAcquireSpinLockAtDpcLevel');
      },
      ExReleaseSpinLockFromDpcLevel(SpinLock: number) {
        atDpc('ExReleaseSpinLockFromDpcLevel');
        dropSpinLock(sys, SpinLock, 'ExReleaseSpinLockFromDpcLevel');
      },
      KeAcquireInStackQueuedSpinLock(SpinLock: number, LockHandle: number) {
        queueAcquire(SpinLock, LockHandle, true, 'KeAcquireInStackQueuedSpinLock');
      },
      KeReleaseInStackQueuedSpinLock(LockHandle: number) {
        queueRelease(LockHandle, 'KeReleaseInStackQueuedSpinLock');
        restore(sys.get(LockHandle, 'KLOCK_QUEUE_HANDLE', 'OldIrql') as number, 'KeReleaseInStackQueuedSpinLock');
      },
      KeAcquireInStackQueuedSpinLockAtDpcLevel(SpinLock: number, LockHandle: number) {
        queueAcquire(SpinLock, LockHandle, false, 'KeAcquireInStackQueuedSpinLockAtDpcLevel');
      },
      KeReleaseInStackQueuedSpinLockFromDpcLevel(LockHandle: number) {
        queueRelease(LockHandle, 'KeReleaseInStackQueuedSpinLockFromDpcLevel');
      },
      KeAcquireInStackQueuedSpinLockForDpc(SpinLock: number, LockHandle: number) {
        if (ctx.irql >= IRQL.DISPATCH_LEVEL) {
          queueAcquire(SpinLock, LockHandle, false, 'KeAcquireInStackQueuedSpinLockForDpc');
          sys.set(LockHandle, 'KLOCK_QUEUE_HANDLE', 'OldIrql', ctx.irql);
        } else queueAcquire(SpinLock, LockHandle, true, 'KeAcquireInStackQueuedSpinLockForDpc');
      },
      KeReleaseInStackQueuedSpinLockForDpc(LockHandle: number) {
        queueRelease(LockHandle, 'KeReleaseInStackQueuedSpinLockForDpc');
        restore(sys.get(LockHandle, 'KLOCK_QUEUE_HANDLE', 'OldIrql') as number, 'KeReleaseInStackQueuedSpinLockForDpc');
      },
    };
  },
});
