/**
 * FAST_MUTEX: ExInitializeFastMutex, ExAcquireFastMutex / ExReleaseFastMutex (raise to APC_LEVEL and
 * restore), ExAcquireFastMutexUnsafe / ExReleaseFastMutexUnsafe (caller already at APC_LEVEL or in a
 * critical region), ExTryToAcquireFastMutex. Fast mutexes are not recursive: "A fast mutex cannot be
 * acquired recursively" — a second acquisition by the owner would wait forever, which Verifier reports.
 * Waiters are granted the mutex in the order they started waiting.
 * Layout (wdm.h, x64): LONG Count; PVOID Owner; ULONG Contention; KEVENT Event; ULONG OldIrql — 0x38.
 * Count is 1 when free and 0 when owned (FM_LOCK_BIT), as in the header's inline routines.
 */
import { IRQL, irqlName } from './irql.ts';
import type { SimThread, Wait } from './kernel.ts';
import { defineModule, type Sys } from './module.ts';

/** Ownership and FIFO hand-off shared by FAST_MUTEX and KGUARDED_MUTEX (same layout since Windows 8). */
export class OwnedGate {
  owner: SimThread | null = null;
  readonly waiters: Wait[] = [];
  constructor(readonly sys: Sys, readonly type: string, readonly address: number) {
    sys.ctx.register({
      type, address,
      describe: () => ({ owner: this.owner?.name ?? null, waiters: this.waiters.map((w) => w.thread.name), contention: this.contention() }),
    });
  }

  private contention(): number {
    return this.sys.get(this.address, 'FAST_MUTEX', 'Contention') as number;
  }

  /** Count is 1 when free, 0 when owned, minus one per waiter (what ReactOS's kmtests observe on Windows). */
  private syncCount(): void {
    this.sys.set(this.address, 'FAST_MUTEX', 'Count', (this.owner ? 0 : 1) - this.waiters.length);
  }

  private take(t: SimThread): void {
    this.owner = t;
    this.sys.set(this.address, 'FAST_MUTEX', 'Owner', t.address);
    this.syncCount();
  }

  tryAcquire(): boolean {
    if (this.owner) return false;
    this.take(this.sys.ctx.current);
    return true;
  }

  /** Acquires now, or blocks; `then` runs in the new owner's context once it holds the mutex. */
  acquire(routine: string, then: () => void): void | Promise<void> {
    const ctx = this.sys.ctx;
    const me = ctx.current;
    if (this.owner === me) {
      ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1005, this.address, me.address, 0],
        `${routine}: ${me.name} already owns the ${this.type} at 0x${this.address.toString(16)}; it is not recursive and the thread would wait for itself forever.`);
    }
    if (!this.owner) {
      this.take(me);
      then();
      return;
    }
    this.sys.set(this.address, 'FAST_MUTEX', 'Contention', this.contention() + 1);
    const { wait, promise } = ctx.blockOn(`${this.type} 0x${this.address.toString(16)} owned by ${this.owner.name}`, routine);
    this.waiters.push(wait);
    this.syncCount();
    return promise.then(() => then());
  }

  release(routine: string): void {
    const ctx = this.sys.ctx;
    const me = ctx.current;
    if (this.owner !== me) {
      ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1006, this.address, me.address, this.owner?.address ?? 0],
        `${routine}: ${me.name} released the ${this.type} at 0x${this.address.toString(16)}, ${this.owner ? `which ${this.owner.name} owns` : 'which is not owned (a double release?)'}.`);
    }
    this.owner = null;
    this.sys.set(this.address, 'FAST_MUTEX', 'Owner', 0);
    const next = this.waiters.shift();
    if (next) {
      this.take(next.thread);
      ctx.complete(next, 0);
    } else this.syncCount();
  }
}

export function gateOf(sys: Sys, gates: Map<number, OwnedGate>, address: number, type: string, routine: string): OwnedGate {
  sys.ctx.object(address, type, routine);
  return gates.get(address)!;
}

export default defineModule({
  name: 'fast-mutex',
  // The Unsafe pages' requirement line says APC_LEVEL, and their remarks allow "a critical region" too
  // (KeEnterCriticalRegion at PASSIVE_LEVEL); the module applies the remarks' fuller rule.
  ownIrqlCheck: ['ExAcquireFastMutexUnsafe', 'ExReleaseFastMutexUnsafe'],
  layouts: {
    FAST_MUTEX: [['Count', 'LONG'], ['Owner', 'PVOID'], ['Contention', 'ULONG'], ['Event', 'KEVENT'], ['OldIrql', 'ULONG']],
  },
  routines: (sys) => {
    const ctx = sys.ctx;
    const gates = new Map<number, OwnedGate>();
    const gate = (p: number, routine: string) => gateOf(sys, gates, p, 'FAST_MUTEX', routine);
    // The Unsafe forms need APC_LEVEL or a critical region. Windows does not check it (only checked builds
    // assert), so the emulator reports the breach on the timeline rather than stopping the machine.
    const needApcDisabled = (routine: string) => {
      const t = ctx.current;
      if (ctx.irql < IRQL.APC_LEVEL && t.criticalRegion === 0 && t.guardedRegion === 0) {
        ctx.note('note', `Verifier warning: ${routine} called by ${t.name} at ${irqlName(ctx.irql)} outside a critical region; the Unsafe forms require APC_LEVEL or KeEnterCriticalRegion first.`);
      }
    };
    return {
      ExInitializeFastMutex(FastMutex: number) {
        sys.set(FastMutex, 'FAST_MUTEX', 'Count', 1);
        sys.set(FastMutex, 'FAST_MUTEX', 'Owner', 0);
        sys.set(FastMutex, 'FAST_MUTEX', 'Contention', 0);
        sys.k.KeInitializeEvent(sys.at(FastMutex, 'FAST_MUTEX', 'Event'), 1, 0);
        ctx.unregister(sys.at(FastMutex, 'FAST_MUTEX', 'Event'));
        gates.set(FastMutex, new OwnedGate(sys, 'FAST_MUTEX', FastMutex));
      },
      /** Raises to APC_LEVEL once the mutex is held and saves the old IRQL in the mutex. */
      ExAcquireFastMutex(FastMutex: number) {
        const g = gate(FastMutex, 'ExAcquireFastMutex');
        const old = ctx.irql;
        return g.acquire('ExAcquireFastMutex', () => {
          ctx.setIrql(IRQL.APC_LEVEL);
          sys.set(FastMutex, 'FAST_MUTEX', 'OldIrql', old);
        });
      },
      ExTryToAcquireFastMutex(FastMutex: number) {
        const g = gate(FastMutex, 'ExTryToAcquireFastMutex');
        const old = ctx.irql;
        if (!g.tryAcquire()) return 0;
        ctx.setIrql(IRQL.APC_LEVEL);
        sys.set(FastMutex, 'FAST_MUTEX', 'OldIrql', old);
        return 1;
      },
      ExReleaseFastMutex(FastMutex: number) {
        const g = gate(FastMutex, 'ExReleaseFastMutex');
        if (ctx.irql !== IRQL.APC_LEVEL) {
          ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, ctx.irql, 0, 0], `ExReleaseFastMutex was called at ${irqlName(ctx.irql)}; it must be called at APC_LEVEL, where ExAcquireFastMutex left the caller.`);
        }
        const old = sys.get(FastMutex, 'FAST_MUTEX', 'OldIrql') as number;
        g.release('ExReleaseFastMutex');
        ctx.setIrql(old);
      },
      ExAcquireFastMutexUnsafe(FastMutex: number) {
        const g = gate(FastMutex, 'ExAcquireFastMutexUnsafe');
        needApcDisabled('ExAcquireFastMutexUnsafe');
        return g.acquire('ExAcquireFastMutexUnsafe', () => undefined);
      },
      ExReleaseFastMutexUnsafe(FastMutex: number) {
        needApcDisabled('ExReleaseFastMutexUnsafe');
        gate(FastMutex, 'ExReleaseFastMutexUnsafe').release('ExReleaseFastMutexUnsafe');
      },
    };
  },
});
