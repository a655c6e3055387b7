/**
 * ERESOURCE: the executive reader/writer lock. ExInitializeResourceLite, ExReinitializeResourceLite,
 * ExDeleteResourceLite, ExAcquireResourceExclusiveLite, ExAcquireResourceSharedLite,
 * ExAcquireSharedStarveExclusive, ExAcquireSharedWaitForExclusive, ExConvertExclusiveToSharedLite,
 * ExReleaseResourceLite, ExReleaseResourceForThreadLite, ExIsResourceAcquiredExclusiveLite,
 * ExIsResourceAcquiredSharedLite, ExGetExclusiveWaiterCount, ExGetSharedWaiterCount,
 * ExGetCurrentResourceThread, ExSetResourceOwnerPointer(Ex), and the ExEnterCriticalRegionAndAcquire… /
 * ExReleaseResourceAndLeaveCriticalRegion pairs.
 *
 * Rules from the pages: acquisition requires normal kernel APCs disabled ("Callers … must be running at
 * IRQL <= APC_LEVEL … with normal kernel APC delivery disabled", i.e. in a critical region — reported as a
 * warning on the timeline, see apcsOff); both modes
 * are recursive for their owner, and an exclusive owner may also acquire shared; a shared request waits
 * while an exclusive waiter is queued unless the caller already holds the resource shared (or the
 * StarveExclusive form is used); Wait = FALSE returns FALSE instead of waiting. On release, when the
 * resource becomes free, queued shared waiters are all granted first, then one exclusive waiter. Releasing
 * a resource the thread does not own is RESOURCE_NOT_OWNED (0xE3).
 * Layout (wdm.h, x64) — 0x68 bytes; the counts the header exposes are kept current in memory.
 */
import { IRQL, irqlName } from './irql.ts';
import type { Wait } from './kernel.ts';
import { defineModule, type Sys } from './module.ts';

const OWNER_ENTRY = [['OwnerThread', 'ULONG_PTR'], ['', { union: [['TableSize', 'ULONG'], ['OwnerCount', 'ULONG']] }]] as const;

interface Waiter {
  wait: Wait;
  owner: bigint;
  exclusive: boolean;
}

class Resource {
  exclusive: bigint | null = null;
  exclusiveCount = 0;
  readonly shared = new Map<bigint, number>();
  readonly waiters: Waiter[] = [];
  contention = 0;
  constructor(readonly sys: Sys, readonly address: number) {}

  sync(): void {
    const s = this.sys;
    // ActiveCount counts owners, not acquisitions (a recursive acquisition only raises the owner's count).
    const owners = this.exclusive !== null ? 1 : this.shared.size;
    s.set(this.address, 'ERESOURCE', 'ActiveCount', owners);
    s.set(this.address, 'ERESOURCE', 'ActiveEntries', owners);
    s.set(this.address, 'ERESOURCE', 'Flag', this.exclusive !== null ? 0x80 : 0);
    const first = this.exclusive ?? [...this.shared.keys()][0] ?? null;
    s.set(this.address, 'ERESOURCE', 'OwnerEntry.OwnerThread', first ?? 0n);
    s.set(this.address, 'ERESOURCE', 'OwnerEntry.OwnerCount', first === null ? 0 : this.exclusive !== null ? this.exclusiveCount : this.shared.get(first)!);
    s.set(this.address, 'ERESOURCE', 'NumberOfSharedWaiters', this.waiters.filter((w) => !w.exclusive).length);
    s.set(this.address, 'ERESOURCE', 'NumberOfExclusiveWaiters', this.waiters.filter((w) => w.exclusive).length);
    s.set(this.address, 'ERESOURCE', 'ContentionCount', this.contention);
  }

  canExclusive(me: bigint): boolean {
    return this.exclusive === me || (this.exclusive === null && this.shared.size === 0);
  }

  /**
   * 'normal': a shared owner may always reacquire; 'starve': granted whenever not held exclusively;
   * 'wait-for-exclusive': refused while an exclusive waiter is queued, even to a thread that already holds
   * the resource shared (what Windows does, as Wine's tests observe).
   */
  canShared(me: bigint, mode: 'normal' | 'starve' | 'wait-for-exclusive'): boolean {
    if (this.exclusive !== null) return this.exclusive === me;
    if (mode === 'starve') return true;
    const exclusiveWaiting = this.waiters.some((w) => w.exclusive);
    if (mode === 'wait-for-exclusive') return !exclusiveWaiting;
    return this.shared.has(me) || !exclusiveWaiting;
  }

  grantExclusive(me: bigint): void {
    this.exclusive = me;
    this.exclusiveCount++;
  }

  grantShared(me: bigint): void {
    if (this.exclusive === me) this.exclusiveCount++;
    else this.shared.set(me, (this.shared.get(me) ?? 0) + 1);
  }

  /**
   * Hands the freed resource to waiters. After an exclusive release every shared waiter is granted first,
   * else one exclusive waiter; after the last shared release an exclusive waiter goes first, else the
   * shared waiters (the order ReactOS's and Windows' release paths follow).
   */
  wake(after: 'exclusive' | 'shared'): void {
    if (this.exclusive === null && this.shared.size === 0) {
      const sharedWaiters = this.waiters.filter((w) => !w.exclusive);
      const ex = this.waiters.find((w) => w.exclusive);
      if (after === 'exclusive' && sharedWaiters.length > 0) this.grantAllShared(sharedWaiters);
      else if (ex) {
        this.waiters.splice(this.waiters.indexOf(ex), 1);
        this.grantExclusive(ex.owner);
        this.sys.ctx.complete(ex.wait, 0);
      } else this.grantAllShared(sharedWaiters);
    }
    this.sync();
  }

  grantAllShared(list: Waiter[]): void {
    for (const w of list) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      this.grantShared(w.owner);
      this.sys.ctx.complete(w.wait, 0);
    }
  }

  describe(): Record<string, unknown> {
    const name = (o: bigint) => this.sys.ctx.threadByAddress(Number(o))?.name ?? `0x${o.toString(16)}`;
    return {
      exclusiveOwner: this.exclusive !== null ? name(this.exclusive) : null,
      exclusiveCount: this.exclusiveCount,
      sharedOwners: [...this.shared.entries()].map(([o, n]) => `${name(o)}×${n}`),
      exclusiveWaiters: this.waiters.filter((w) => w.exclusive).map((w) => w.wait.thread.name),
      sharedWaiters: this.waiters.filter((w) => !w.exclusive).map((w) => w.wait.thread.name),
    };
  }
}

export default defineModule({
  name: 'eresource',
  layouts: {
    OWNER_ENTRY: OWNER_ENTRY as unknown as [string, string][],
    ERESOURCE: [
      ['SystemResourcesList', 'LIST_ENTRY'], ['OwnerTable', 'POWNER_ENTRY'], ['ActiveCount', 'SHORT'], ['Flag', 'USHORT'],
      ['SharedWaiters', 'PKSEMAPHORE'], ['ExclusiveWaiters', 'PKEVENT'], ['OwnerEntry', 'OWNER_ENTRY'], ['ActiveEntries', 'ULONG'],
      ['ContentionCount', 'ULONG'], ['NumberOfSharedWaiters', 'ULONG'], ['NumberOfExclusiveWaiters', 'ULONG'], ['Reserved2', 'PVOID'],
      ['Address', 'PVOID'], ['SpinLock', 'KSPIN_LOCK'],
    ],
  },
  routines: (sys) => {
    const ctx = sys.ctx;
    const resources = new Map<number, Resource>();
    const res = (p: number, routine: string) => {
      ctx.object(p, 'ERESOURCE', routine);
      return resources.get(p)!;
    };
    const me = () => BigInt(ctx.current.address);
    // The pages require normal kernel APCs disabled (KeEnterCriticalRegion) around an acquisition. Windows
    // itself does not enforce it and conformance suites acquire from plain system threads, so the emulator
    // reports the breach on the timeline instead of stopping the machine.
    const apcsOff = (routine: string) => {
      const t = ctx.current;
      if (ctx.irql < IRQL.APC_LEVEL && t.criticalRegion === 0 && t.guardedRegion === 0) {
        ctx.note('note', `Verifier warning: ${routine} called by ${t.name} at ${irqlName(ctx.irql)} with normal kernel APCs enabled; call KeEnterCriticalRegion first.`);
      }
    };
    const acquire = (p: number, wait: number, exclusive: boolean, mode: 'normal' | 'starve' | 'wait-for-exclusive', routine: string, checkApcs = true): number | Promise<number> => {
      const r = res(p, routine);
      if (checkApcs) apcsOff(routine);
      const owner = me();
      if (exclusive ? r.canExclusive(owner) : r.canShared(owner, mode)) {
        if (exclusive) r.grantExclusive(owner);
        else r.grantShared(owner);
        r.sync();
        return 1;
      }
      if (!wait) return 0;
      r.contention++;
      const holder = r.exclusive !== null ? r.describe().exclusiveOwner : (r.describe().sharedOwners as string[]).join(', ');
      const { wait: w, promise } = ctx.blockOn(`ERESOURCE 0x${p.toString(16)} (${exclusive ? 'exclusive' : 'shared'}) held by ${String(holder)}`, routine);
      r.waiters.push({ wait: w, owner, exclusive });
      r.sync();
      return promise.then(() => 1);
    };
    const release = (p: number, owner: bigint, routine: string) => {
      const r = res(p, routine);
      const wasExclusive = r.exclusive !== null;
      if (r.exclusive === owner) {
        r.exclusiveCount--;
        if (r.exclusiveCount === 0) r.exclusive = null;
      } else if (r.shared.has(owner)) {
        const n = r.shared.get(owner)! - 1;
        if (n === 0) r.shared.delete(owner);
        else r.shared.set(owner, n);
      } else {
        ctx.bugcheck('RESOURCE_NOT_OWNED', [p, owner, 0, 0], `${routine}: the ERESOURCE at 0x${p.toString(16)} is not owned by ${ctx.threadByAddress(Number(owner))?.name ?? `0x${owner.toString(16)}`} (a release without an acquire, or one release too many).`);
      }
      r.wake(wasExclusive ? 'exclusive' : 'shared');
    };
    const init = (p: number) => {
      for (const [f, v] of [['ActiveCount', 0], ['Flag', 0], ['OwnerTable', 0], ['SharedWaiters', 0], ['ExclusiveWaiters', 0],
        ['ActiveEntries', 0], ['ContentionCount', 0], ['NumberOfSharedWaiters', 0], ['NumberOfExclusiveWaiters', 0]] as const) sys.set(p, 'ERESOURCE', f, v);
      sys.set(p, 'ERESOURCE', 'OwnerEntry.OwnerThread', 0n);
      sys.set(p, 'ERESOURCE', 'OwnerEntry.OwnerCount', 0);
      for (const f of ['Reserved2', 'Address'] as const) sys.set(p, 'ERESOURCE', f, 0);
      sys.set(p, 'ERESOURCE', 'SpinLock', 0n);
      // The resource is linked into the system's resource list; here the list is the resource alone.
      const link = sys.at(p, 'ERESOURCE', 'SystemResourcesList');
      sys.set(p, 'ERESOURCE', 'SystemResourcesList.Flink', link);
      sys.set(p, 'ERESOURCE', 'SystemResourcesList.Blink', link);
      const r = new Resource(sys, p);
      resources.set(p, r);
      ctx.register({ type: 'ERESOURCE', address: p, describe: () => r.describe() });
      return 0;
    };
    return {
      ExInitializeResourceLite: (Resource: number) => init(Resource),
      ExReinitializeResourceLite(Resource: number) {
        const r = res(Resource, 'ExReinitializeResourceLite');
        if (r.waiters.length) ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1008, Resource, r.waiters.length, 0], 'ExReinitializeResourceLite: threads are still waiting for the resource.');
        return init(Resource);
      },
      ExDeleteResourceLite(Resource: number) {
        const r = res(Resource, 'ExDeleteResourceLite');
        if (r.exclusive !== null || r.shared.size || r.waiters.length) {
          ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1008, Resource, 0, 0], `ExDeleteResourceLite: the ERESOURCE at 0x${Resource.toString(16)} is still owned or waited on; release it first.`);
        }
        resources.delete(Resource);
        ctx.unregister(Resource);
        return 0;
      },
      ExAcquireResourceExclusiveLite: (Resource: number, Wait: number) => acquire(Resource, Wait, true, 'normal', 'ExAcquireResourceExclusiveLite'),
      ExAcquireResourceSharedLite: (Resource: number, Wait: number) => acquire(Resource, Wait, false, 'normal', 'ExAcquireResourceSharedLite'),
      ExAcquireSharedStarveExclusive: (Resource: number, Wait: number) => acquire(Resource, Wait, false, 'starve', 'ExAcquireSharedStarveExclusive'),
      ExAcquireSharedWaitForExclusive: (Resource: number, Wait: number) => acquire(Resource, Wait, false, 'wait-for-exclusive', 'ExAcquireSharedWaitForExclusive'),
      ExTryToAcquireResourceExclusiveLite: (Resource: number) => acquire(Resource, 0, true, 'normal', 'ExTryToAcquireResourceExclusiveLite'),
      ExConvertExclusiveToSharedLite(Resource: number) {
        const r = res(Resource, 'ExConvertExclusiveToSharedLite');
        const owner = me();
        if (r.exclusive !== owner) ctx.bugcheck('RESOURCE_NOT_OWNED', [Resource, owner, 0, 0], 'ExConvertExclusiveToSharedLite: the caller does not own the resource exclusively.');
        r.shared.set(owner, r.exclusiveCount);
        r.exclusive = null;
        r.exclusiveCount = 0;
        // Converting lets the queued shared waiters in at once, as an exclusive release would.
        const sharedWaiters = r.waiters.filter((w) => !w.exclusive);
        r.grantAllShared(sharedWaiters);
        r.sync();
      },
      ExReleaseResourceLite: (Resource: number) => release(Resource, me(), 'ExReleaseResourceLite'),
      ExReleaseResourceForThreadLite: (Resource: number, ResourceThreadId: number | bigint) =>
        release(Resource, BigInt(ResourceThreadId), 'ExReleaseResourceForThreadLite'),
      ExIsResourceAcquiredExclusiveLite: (Resource: number) => (res(Resource, 'ExIsResourceAcquiredExclusiveLite').exclusive === me() ? 1 : 0),
      /** "The number of times the caller has acquired shared or exclusive access", 0 if none. */
      ExIsResourceAcquiredSharedLite(Resource: number) {
        const r = res(Resource, 'ExIsResourceAcquiredSharedLite');
        return r.exclusive === me() ? r.exclusiveCount : (r.shared.get(me()) ?? 0);
      },
      ExGetExclusiveWaiterCount: (Resource: number) => res(Resource, 'ExGetExclusiveWaiterCount').waiters.filter((w) => w.exclusive).length,
      ExGetSharedWaiterCount: (Resource: number) => res(Resource, 'ExGetSharedWaiterCount').waiters.filter((w) => !w.exclusive).length,
      ExGetCurrentResourceThread: () => me(),
      /** The owner becomes OwnerPointer with its two low bits set, as the page requires of the value passed to …ForThreadLite. */
      ExSetResourceOwnerPointer(Resource: number, OwnerPointer: number) {
        const r = res(Resource, 'ExSetResourceOwnerPointer');
        const from = me();
        const to = BigInt(OwnerPointer) | 3n;
        if (r.exclusive === from) r.exclusive = to;
        else if (r.shared.has(from)) {
          const n = r.shared.get(from)!;
          r.shared.delete(from);
          r.shared.set(to, (r.shared.get(to) ?? 0) + n);
        } else ctx.bugcheck('RESOURCE_NOT_OWNED', [Resource, from, 0, 0], 'ExSetResourceOwnerPointer: the caller does not own the resource.');
        r.sync();
      },
      ExSetResourceOwnerPointerEx(Resource: number, OwnerPointer: number, _Flags: number) {
        sys.k.ExSetResourceOwnerPointer(Resource, OwnerPointer);
      },
      ExEnterCriticalRegionAndAcquireResourceExclusive(Resource: number) {
        ctx.current.criticalRegion++;
        const r = acquire(Resource, 1, true, 'normal', 'ExEnterCriticalRegionAndAcquireResourceExclusive', false);
        return typeof r === 'number' ? 0 : r.then(() => 0);
      },
      ExEnterCriticalRegionAndAcquireResourceShared(Resource: number) {
        ctx.current.criticalRegion++;
        const r = acquire(Resource, 1, false, 'normal', 'ExEnterCriticalRegionAndAcquireResourceShared', false);
        return typeof r === 'number' ? 0 : r.then(() => 0);
      },
      ExEnterCriticalRegionAndAcquireSharedWaitForExclusive(Resource: number) {
        ctx.current.criticalRegion++;
        const r = acquire(Resource, 1, false, 'wait-for-exclusive', 'ExEnterCriticalRegionAndAcquireSharedWaitForExclusive', false);
        return typeof r === 'number' ? 0 : r.then(() => 0);
      },
      ExReleaseResourceAndLeaveCriticalRegion(Resource: number) {
        release(Resource, me(), 'ExReleaseResourceAndLeaveCriticalRegion');
        sys.k.KeLeaveCriticalRegion();
      },
    };
  },
  unload: (sys) => {
    for (const o of sys.ctx.objects.values()) {
      if (o.type === 'ERESOURCE') {
        sys.ctx.bugcheck('DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS', [o.address, 0, 0, 0],
          `The driver unloaded with the ERESOURCE at 0x${o.address.toString(16)} not deleted; every ExInitializeResourceLite needs an ExDeleteResourceLite.`, 'unload');
      }
    }
  },
});
