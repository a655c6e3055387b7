/**
 * EX_SPIN_LOCK, the reader/writer spin lock: ExAcquireSpinLockShared / Exclusive (raise to DISPATCH_LEVEL,
 * return the old IRQL), the …AtDpcLevel forms, the matching releases, ExTryAcquireSpinLockShared/
 * ExclusiveAtDpcLevel and ExTryConvertSharedSpinLockExclusive. The lock word (a LONG) holds the number of
 * shared owners, with bit 31 set while it is held exclusively. Recursion is the misuse the pages warn about:
 * acquiring exclusively a lock the caller holds in either mode never completes; the emulator reports it
 * instead of spinning. A lock held by a context that cannot run while the caller spins is a Deadlock.
 */
import { Deadlock } from './bugcheck.ts';
import { IRQL } from './irql.ts';
import { ownerToken } from './kspin-lock.ts';
import { defineModule } from './module.ts';

const EXCLUSIVE = 0x80000000;

export default defineModule({
  name: 'ex-spin-lock',
  // The page's requirement line reads "DISPATCH_LEVEL (See Remarks.)", which the catalog takes as exactly
  // DISPATCH_LEVEL; its remarks say "the caller must be running at IRQL <= DISPATCH_LEVEL" — applied here.
  ownIrqlCheck: ['ExAcquireSpinLockShared'],
  routines: (sys) => {
    const ctx = sys.ctx;
    const owners = new Map<number, { exclusive: bigint | null; shared: Map<bigint, number> }>();
    const state = (p: number) => {
      let s = owners.get(p);
      if (!s) {
        s = { exclusive: null, shared: new Map() };
        owners.set(p, s);
        const st = s;
        ctx.register({
          type: 'EX_SPIN_LOCK', address: p,
          describe: () => ({ exclusiveOwner: st.exclusive === null ? null : name(st.exclusive), sharedOwners: [...st.shared.keys()].map(name) }),
        });
      }
      return s;
    };
    const name = (t: bigint) => ctx.threadByAddress(Number(t & ~1n))?.name ?? `0x${t.toString(16)}`;
    const sync = (p: number) => {
      const s = state(p);
      const shared = [...s.shared.values()].reduce((a, b) => a + b, 0);
      sys.mem.write(p, 'ULONG', (s.exclusive !== null ? EXCLUSIVE : 0) | shared);
    };
    const tryShared = (p: number) => {
      const s = state(p);
      if (s.exclusive !== null) return false;
      const me = ownerToken(ctx);
      s.shared.set(me, (s.shared.get(me) ?? 0) + 1);
      sync(p);
      return true;
    };
    const tryExclusive = (p: number) => {
      const s = state(p);
      if (s.exclusive !== null || s.shared.size > 0) return false;
      s.exclusive = ownerToken(ctx);
      sync(p);
      return true;
    };
    const mustGet = (p: number, exclusive: boolean, routine: string) => {
      const s = state(p);
      const me = ownerToken(ctx);
      if (s.exclusive === me || (exclusive && s.shared.has(me))) {
        ctx.bugcheck('SPIN_LOCK_ALREADY_OWNED', [p, 0, 0, 0], `${routine}: the caller already holds the EX_SPIN_LOCK at 0x${p.toString(16)}${exclusive ? '' : ' exclusively'}; acquiring it again would spin forever.`);
      }
      if (!(exclusive ? tryExclusive(p) : tryShared(p))) {
        const holder = s.exclusive !== null ? name(s.exclusive) : [...s.shared.keys()].map(name).join(', ');
        throw new Deadlock([{ thread: ctx.current.name, waitingOn: `EX_SPIN_LOCK 0x${p.toString(16)} held by ${holder}, which cannot run while this processor spins` }]);
      }
    };
    const raise = () => {
      const old = ctx.irql;
      if (old < IRQL.DISPATCH_LEVEL) ctx.setIrql(IRQL.DISPATCH_LEVEL);
      return old;
    };
    const drop = (p: number, exclusive: boolean, routine: string) => {
      const s = state(p);
      const me = ownerToken(ctx);
      if (exclusive) {
        if (s.exclusive !== me) ctx.bugcheck('SPIN_LOCK_NOT_OWNED', [p, 0, 0, 0], `${routine}: the caller does not hold the EX_SPIN_LOCK at 0x${p.toString(16)} exclusively.`);
        s.exclusive = null;
      } else {
        const n = s.shared.get(me);
        if (!n) return ctx.bugcheck('SPIN_LOCK_NOT_OWNED', [p, 1, 0, 0], `${routine}: the caller does not hold the EX_SPIN_LOCK at 0x${p.toString(16)} shared.`);
        if (n === 1) s.shared.delete(me);
        else s.shared.set(me, n - 1);
      }
      sync(p);
    };
    return {
      ExAcquireSpinLockShared(SpinLock: number) {
        if (ctx.irql > IRQL.DISPATCH_LEVEL) ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, ctx.irql, 0, 0], `ExAcquireSpinLockShared was called at IRQL ${ctx.irql}; the caller must be at IRQL <= DISPATCH_LEVEL.`);
        const old = raise();
        mustGet(SpinLock, false, 'ExAcquireSpinLockShared');
        return old;
      },
      ExAcquireSpinLockExclusive(SpinLock: number) {
        const old = raise();
        mustGet(SpinLock, true, 'ExAcquireSpinLockExclusive');
        return old;
      },
      ExAcquireSpinLockSharedAtDpcLevel(SpinLock: number) {
        mustGet(SpinLock, false, 'ExAcquireSpinLockSharedAtDpcLevel');
      },
      ExAcquireSpinLockExclusiveAtDpcLevel(SpinLock: number) {
        mustGet(SpinLock, true, 'ExAcquireSpinLockExclusiveAtDpcLevel');
      },
      ExReleaseSpinLockShared(SpinLock: number, OldIrql: number) {
        drop(SpinLock, false, 'ExReleaseSpinLockShared');
        ctx.setIrql(OldIrql);
      },
      ExReleaseSpinLockExclusive(SpinLock: number, OldIrql: number) {
        drop(SpinLock, true, 'ExReleaseSpinLockExclusive');
        ctx.setIrql(OldIrql);
      },
      ExReleaseSpinLockSharedFromDpcLevel(SpinLock: number) {
        drop(SpinLock, false, 'ExReleaseSpinLockSharedFromDpcLevel');
      },
      ExReleaseSpinLockExclusiveFromDpcLevel(SpinLock: number) {
        drop(SpinLock, true, 'ExReleaseSpinLockExclusiveFromDpcLevel');
      },
      ExTryAcquireSpinLockSharedAtDpcLevel: (SpinLock: number) => (tryShared(SpinLock) ? 1 : 0),
      ExTryAcquireSpinLockExclusiveAtDpcLevel: (SpinLock: number) => (tryExclusive(SpinLock) ? 1 : 0),
      /** Succeeds only when the caller is the sole shared owner (holding it once). */
      ExTryConvertSharedSpinLockExclusive(SpinLock: number) {
        const s = state(SpinLock);
        const me = ownerToken(ctx);
        if (s.shared.get(me) === undefined) ctx.bugcheck('SPIN_LOCK_NOT_OWNED', [SpinLock, 1, 0, 0], 'ExTryConvertSharedSpinLockExclusive: the caller does not hold the lock shared.');
        if (s.shared.size !== 1 || s.shared.get(me) !== 1) return 0;
        s.shared.delete(me);
        s.exclusive = me;
        sync(SpinLock);
        return 1;
      },
    };
  },
});
