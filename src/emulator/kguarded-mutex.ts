/**
 * KGUARDED_MUTEX: KeInitializeGuardedMutex, KeAcquireGuardedMutex / KeReleaseGuardedMutex (enter and
 * leave a guarded region around ownership), the Unsafe forms (caller already in a guarded region or at
 * APC_LEVEL), KeTryToAcquireGuardedMutex. Since Windows 8 KGUARDED_MUTEX is a FAST_MUTEX (wdm.h:
 * `typedef FAST_MUTEX KGUARDED_MUTEX`), so it shares the fast mutex's layout and ownership rules.
 */
import { OwnedGate, gateOf } from './fast-mutex.ts';
import { IRQL, irqlName } from './irql.ts';
import { defineModule } from './module.ts';

export default defineModule({
  name: 'kguarded-mutex',
  layouts: { KGUARDED_MUTEX: 'FAST_MUTEX' },
  routines: (sys) => {
    const ctx = sys.ctx;
    const gates = new Map<number, OwnedGate>();
    const gate = (p: number, routine: string) => gateOf(sys, gates, p, 'KGUARDED_MUTEX', routine);
    return {
      KeInitializeGuardedMutex(Mutex: number) {
        sys.set(Mutex, 'FAST_MUTEX', 'Count', 1);
        sys.set(Mutex, 'FAST_MUTEX', 'Owner', 0);
        sys.set(Mutex, 'FAST_MUTEX', 'Contention', 0);
        gates.set(Mutex, new OwnedGate(sys, 'KGUARDED_MUTEX', Mutex));
      },
      KeAcquireGuardedMutex(Mutex: number) {
        const g = gate(Mutex, 'KeAcquireGuardedMutex');
        ctx.current.guardedRegion++;
        try {
          return g.acquire('KeAcquireGuardedMutex', () => undefined);
        } catch (e) {
          ctx.current.guardedRegion--;
          throw e;
        }
      },
      KeTryToAcquireGuardedMutex(Mutex: number) {
        const g = gate(Mutex, 'KeTryToAcquireGuardedMutex');
        ctx.current.guardedRegion++;
        if (g.tryAcquire()) return 1;
        ctx.current.guardedRegion--;
        return 0;
      },
      KeReleaseGuardedMutex(Mutex: number) {
        gate(Mutex, 'KeReleaseGuardedMutex').release('KeReleaseGuardedMutex');
        ctx.current.guardedRegion--;
      },
      KeAcquireGuardedMutexUnsafe(Mutex: number) {
        const g = gate(Mutex, 'KeAcquireGuardedMutexUnsafe');
        if (ctx.current.guardedRegion === 0 && ctx.irql < IRQL.APC_LEVEL) {
          ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1007, ctx.irql, 0, 0],
            `KeAcquireGuardedMutexUnsafe was called at ${irqlName(ctx.irql)} outside a guarded region; call KeEnterGuardedRegion first or use KeAcquireGuardedMutex.`);
        }
        return g.acquire('KeAcquireGuardedMutexUnsafe', () => undefined);
      },
      KeReleaseGuardedMutexUnsafe(Mutex: number) {
        gate(Mutex, 'KeReleaseGuardedMutexUnsafe').release('KeReleaseGuardedMutexUnsafe');
      },
    };
  },
});
