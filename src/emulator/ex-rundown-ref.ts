/**
 * Run-down protection (EX_RUNDOWN_REF and the cache-aware EX_RUNDOWN_REF_CACHE_AWARE).
 *
 * The count word holds the number of protections times EX_RUNDOWN_COUNT_INC (2) with bit 0,
 * EX_RUNDOWN_ACTIVE, set once run-down has begun. ExAcquireRundownProtection "returns FALSE [when] the run
 * down of the object has started"; ExWaitForRundownProtectionRelease "waits until all drivers that have
 * already been granted run-down protection complete their accesses" and, once it has begun, every later
 * acquire fails until ExReInitializeRundownProtection. (While a wait is pending Windows stores a pointer
 * to a wait block in the word; here the word keeps the count with the active bit, which is what a reader
 * of the documented fields can rely on.) Releasing more protection than was acquired is reported as
 * Verifier would report a corrupted reference (0xC4, emulator sub-code 0x1009).
 *
 * EX_RUNDOWN_REF_CACHE_AWARE's layout is not public; this module uses a 64-byte header (RunRefs pointer,
 * PoolToFree, RunRefSize, Number of processors) followed by one EX_RUNDOWN_REF per processor, each on its
 * own 64-byte cache line, so ExSizeOfRundownProtectionCacheAware returns 64 * (processors + 1).
 */
import type { Wait } from './kernel.ts';
import { defineModule, type Sys } from './module.ts';

const ACTIVE = 1n;
const INC = 2n;
const LINE = 64;

export default defineModule({
  name: 'ex-rundown-ref',
  layouts: {
    EX_RUNDOWN_REF: { union: [['Count', 'ULONG_PTR'], ['Ptr', 'PVOID']] },
    EX_RUNDOWN_REF_CACHE_AWARE: [['RunRefs', 'PEX_RUNDOWN_REF'], ['PoolToFree', 'PVOID'], ['RunRefSize', 'ULONG'], ['Number', 'ULONG']],
  },
  constants: { EX_RUNDOWN_ACTIVE: 1, EX_RUNDOWN_COUNT_SHIFT: 1, EX_RUNDOWN_COUNT_INC: 2 },
  routines: (sys) => {
    const ctx = sys.ctx;
    const m = sys.mem;
    const waits = new Map<number, Wait>();
    const read = (p: number) => m.read(p, 'ULONG_PTR') as bigint;
    const write = (p: number, v: bigint) => m.write(p, 'ULONG_PTR', v);
    const track = (p: number, kind: string) => {
      if (ctx.objects.has(p)) return;
      ctx.register({
        type: kind, address: p,
        describe: () => {
          const v = kind === 'EX_RUNDOWN_REF' ? read(p) : refsOf(p).reduce((a, r) => a + (read(r) >> 1n) * INC, refsOf(p).some((r) => read(r) & ACTIVE) ? ACTIVE : 0n);
          return { references: Number(v >> 1n), rundownActive: (v & ACTIVE) === ACTIVE, waiter: waits.get(p)?.thread.name ?? null };
        },
      });
    };
    const acquire = (p: number, n: bigint) => {
      const v = read(p);
      if (v & ACTIVE) return 0;
      write(p, v + INC * n);
      return 1;
    };
    const release = (p: number, n: bigint, routine: string, owner = p) => {
      const v = read(p);
      if ((v >> 1n) < n) {
        ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1009, p, Number(v >> 1n), Number(n)],
          `${routine} released ${n} run-down protection(s) on 0x${p.toString(16)}, which holds only ${v >> 1n}; every release must match an acquire that returned TRUE.`);
      }
      write(p, v - INC * n);
      const w = waits.get(owner);
      if (w && totalRefs(owner) === 0n) {
        waits.delete(owner);
        ctx.complete(w, 0);
      }
    };
    const cacheAware = new Set<number>();
    const refsOf = (p: number): number[] => {
      if (!cacheAware.has(p)) return [p];
      const base = sys.get(p, 'EX_RUNDOWN_REF_CACHE_AWARE', 'RunRefs') as number;
      const n = sys.get(p, 'EX_RUNDOWN_REF_CACHE_AWARE', 'Number') as number;
      const size = sys.get(p, 'EX_RUNDOWN_REF_CACHE_AWARE', 'RunRefSize') as number;
      return Array.from({ length: n }, (_, i) => base + i * size);
    };
    const totalRefs = (p: number) => refsOf(p).reduce((a, r) => a + (read(r) >> 1n), 0n);
    const waitFor = (p: number, routine: string) => {
      for (const r of refsOf(p)) write(r, read(r) | ACTIVE);
      if (totalRefs(p) === 0n) return;
      const { wait, promise } = ctx.blockOn(`run-down of 0x${p.toString(16)} (${totalRefs(p)} protection(s) outstanding)`, routine);
      waits.set(p, wait);
      return promise.then(() => undefined);
    };
    const sizeOfCacheAware = () => BigInt(LINE * (ctx.processors.length + 1));
    const initCacheAware = (p: number, size: number) => {
      if (BigInt(size) < sizeOfCacheAware()) {
        ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1004, p, size, 0], `ExInitializeRundownProtectionCacheAware: ${size} bytes is less than ExSizeOfRundownProtectionCacheAware() = ${sizeOfCacheAware()}.`);
      }
      sys.set(p, 'EX_RUNDOWN_REF_CACHE_AWARE', 'RunRefs', p + LINE);
      sys.set(p, 'EX_RUNDOWN_REF_CACHE_AWARE', 'RunRefSize', LINE);
      sys.set(p, 'EX_RUNDOWN_REF_CACHE_AWARE', 'Number', ctx.processors.length);
      cacheAware.add(p);
      for (const r of refsOf(p)) write(r, 0n);
      track(p, 'EX_RUNDOWN_REF_CACHE_AWARE');
    };
    const mine = (p: number) => refsOf(p)[ctx.cpu().number % refsOf(p).length]!;
    const count = (n: number) => {
      if (!Number.isInteger(n) || n < 0) throw new TypeError('Count must be a ULONG');
      return BigInt(n);
    };
    return {
      ExInitializeRundownProtection(RunRef: number) {
        write(RunRef, 0n);
        track(RunRef, 'EX_RUNDOWN_REF');
      },
      ExReInitializeRundownProtection(RunRef: number) {
        write(RunRef, 0n);
        track(RunRef, 'EX_RUNDOWN_REF');
      },
      ExAcquireRundownProtection: (RunRef: number) => acquire(RunRef, 1n),
      ExAcquireRundownProtectionEx: (RunRef: number, Count: number) => acquire(RunRef, count(Count)),
      ExReleaseRundownProtection(RunRef: number) {
        release(RunRef, 1n, 'ExReleaseRundownProtection');
      },
      ExReleaseRundownProtectionEx(RunRef: number, Count: number) {
        release(RunRef, count(Count), 'ExReleaseRundownProtectionEx');
      },
      ExWaitForRundownProtectionRelease: (RunRef: number) => waitFor(RunRef, 'ExWaitForRundownProtectionRelease'),
      /** "Updates the run-down status … to indicate that the run down of the shared object is completed." */
      ExRundownCompleted(RunRef: number) {
        write(RunRef, ACTIVE);
      },
      ExSizeOfRundownProtectionCacheAware: () => sizeOfCacheAware(),
      ExInitializeRundownProtectionCacheAware(RunRefCacheAware: number, RunRefSize: number | bigint) {
        initCacheAware(RunRefCacheAware, Number(RunRefSize));
      },
      ExInitializeRundownProtectionCacheAwareEx(RunRefCacheAware: number, _Flags: number) {
        initCacheAware(RunRefCacheAware, Number(sizeOfCacheAware()));
      },
      /** Allocates and initialises one from pool; NULL when the pool is exhausted. */
      ExAllocateCacheAwareRundownProtection(PoolType: number, PoolTag: number) {
        const p = sys.k.ExAllocatePoolWithTag(PoolType, sizeOfCacheAware(), PoolTag) as number;
        if (!p) return 0;
        initCacheAware(p, Number(sizeOfCacheAware()));
        sys.set(p, 'EX_RUNDOWN_REF_CACHE_AWARE', 'PoolToFree', p);
        return p;
      },
      ExFreeCacheAwareRundownProtection(RunRefCacheAware: number) {
        const pool = sys.get(RunRefCacheAware, 'EX_RUNDOWN_REF_CACHE_AWARE', 'PoolToFree') as number;
        cacheAware.delete(RunRefCacheAware);
        ctx.unregister(RunRefCacheAware);
        sys.k.ExFreePool(pool || RunRefCacheAware);
      },
      ExAcquireRundownProtectionCacheAware: (RunRefCacheAware: number) => acquire(mine(RunRefCacheAware), 1n),
      ExAcquireRundownProtectionCacheAwareEx: (RunRefCacheAware: number, Count: number) => acquire(mine(RunRefCacheAware), count(Count)),
      ExReleaseRundownProtectionCacheAware(RunRefCacheAware: number) {
        releaseAny(RunRefCacheAware, 1n, 'ExReleaseRundownProtectionCacheAware');
      },
      ExReleaseRundownProtectionCacheAwareEx(RunRefCacheAware: number, Count: number) {
        releaseAny(RunRefCacheAware, count(Count), 'ExReleaseRundownProtectionCacheAwareEx');
      },
      ExWaitForRundownProtectionReleaseCacheAware: (RunRefCacheAware: number) => waitFor(RunRefCacheAware, 'ExWaitForRundownProtectionReleaseCacheAware'),
      ExRundownCompletedCacheAware(RunRefCacheAware: number) {
        for (const r of refsOf(RunRefCacheAware)) write(r, ACTIVE);
      },
      ExReInitializeRundownProtectionCacheAware(RunRefCacheAware: number) {
        for (const r of refsOf(RunRefCacheAware)) write(r, 0n);
      },
    };
    /** A protection acquired on one processor may be released on another: take it from any per-processor count. */
    function releaseAny(p: number, n: bigint, routine: string): void {
      let left = n;
      for (const r of [mine(p), ...refsOf(p)]) {
        const have = read(r) >> 1n;
        const take = have < left ? have : left;
        if (take > 0n) {
          release(r, take, routine, p);
          left -= take;
        }
        if (left === 0n) return;
      }
      release(mine(p), left, routine, p);
    }
  },
});
