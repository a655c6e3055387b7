/**
 * Lookaside lists: NPAGED_LOOKASIDE_LIST, PAGED_LOOKASIDE_LIST and LOOKASIDE_LIST_EX (initialise,
 * allocate, free, flush, delete). A list keeps freed entries (up to its Depth) for reuse and falls back to
 * the Allocate/Free callbacks — or ExAllocatePoolWithTag/ExFreePool when they are NULL — when it is empty
 * or full. As on Windows the initial Depth is 4 (the minimum lookaside depth) and MaximumDepth 256, whatever
 * the caller's reserved Depth argument; the statistics fields (TotalAllocates, AllocateMisses, TotalFrees,
 * FreeMisses) count as the header documents; Type is the pool type with the caller's POOL_NX_ALLOCATION and
 * POOL_RAISE_IF_ALLOCATION_FAILURE flags (NonPagedPool | POOL_NX_ALLOCATION, as Wine's tests observe on
 * Windows). Entries are linked through their first pointer, so Size is at least LOOKASIDE_MINIMUM_BLOCK_SIZE. Deleting a list frees the entries it holds; a list still initialised
 * when the driver unloads is DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS.
 * Layout (wdm.h, x64): GENERAL_LOOKASIDE_POOL (0x60), cache-aligned to 0x80 in the two legacy lists.
 */
import { allocatePool, freePool } from './ex-pool.ts';
import { defineModule, type Sys } from './module.ts';

const MINIMUM_DEPTH = 4;
/** RTL_SIZEOF_THROUGH_FIELD(SLIST_ENTRY, Next): the free-list link an entry must hold (8 on x64). */
const LOOKASIDE_MINIMUM_BLOCK_SIZE = 8;
const MAXIMUM_DEPTH = 256;

const GENERAL_LOOKASIDE_POOL: [string, string | { union: [string, string][] }][] = [
  ['', { union: [['ListHead', 'SLIST_HEADER'], ['SingleListHead', 'SINGLE_LIST_ENTRY']] }],
  ['Depth', 'USHORT'], ['MaximumDepth', 'USHORT'], ['TotalAllocates', 'ULONG'],
  ['', { union: [['AllocateMisses', 'ULONG'], ['AllocateHits', 'ULONG']] }], ['TotalFrees', 'ULONG'],
  ['', { union: [['FreeMisses', 'ULONG'], ['FreeHits', 'ULONG']] }], ['Type', 'POOL_TYPE'], ['Tag', 'ULONG'], ['Size', 'ULONG'],
  ['', { union: [['AllocateEx', 'PVOID'], ['Allocate', 'PVOID']] }], ['', { union: [['FreeEx', 'PVOID'], ['Free', 'PVOID']] }],
  ['ListEntry', 'LIST_ENTRY'], ['LastTotalAllocates', 'ULONG'], ['', { union: [['LastAllocateMisses', 'ULONG'], ['LastAllocateHits', 'ULONG']] }],
  ['Future', 'ULONG[2]'],
];

interface List {
  address: number;
  kind: 'NPAGED_LOOKASIDE_LIST' | 'PAGED_LOOKASIDE_LIST' | 'LOOKASIDE_LIST_EX';
  entries: number[];
  allocate: Function | null;
  free: Function | null;
}

const FIELDS = 'GENERAL_LOOKASIDE_POOL';

function inc(sys: Sys, p: number, field: string): void {
  sys.set(p, FIELDS, field, ((sys.get(p, FIELDS, field) as number) + 1) >>> 0);
}

export default defineModule({
  name: 'lookaside-list',
  layouts: {
    GENERAL_LOOKASIDE_POOL: GENERAL_LOOKASIDE_POOL as never,
    // GENERAL_LOOKASIDE has the same fields but is DECLSPEC_CACHEALIGN: 0x80 bytes, 64-byte aligned on x64.
    GENERAL_LOOKASIDE: { struct: GENERAL_LOOKASIDE_POOL as never, align: 64 },
    NPAGED_LOOKASIDE_LIST: { struct: [['L', 'GENERAL_LOOKASIDE']], align: 64 },
    PAGED_LOOKASIDE_LIST: { struct: [['L', 'GENERAL_LOOKASIDE']], align: 64 },
    LOOKASIDE_LIST_EX: [['L', 'GENERAL_LOOKASIDE_POOL']],
  },
  constants: { EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL: 1, EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE: 2, LOOKASIDE_MINIMUM_BLOCK_SIZE },
  routines: (sys) => {
    const ctx = sys.ctx;
    const lists = new Map<number, List>();
    const init = (kind: List['kind'], p: number, Allocate: Function | null, Free: Function | null, poolType: number, size: number | bigint, tag: number) => {
      const n = Number(size);
      if (n < LOOKASIDE_MINIMUM_BLOCK_SIZE) ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1004, p, n, 0], `Initialising the ${kind} at 0x${p.toString(16)}: Size ${n} is smaller than LOOKASIDE_MINIMUM_BLOCK_SIZE (${LOOKASIDE_MINIMUM_BLOCK_SIZE}), the link each free entry must hold.`);
      sys.mem.fill(p, sys.layouts.get(FIELDS).size, 0);
      sys.set(p, FIELDS, 'Depth', MINIMUM_DEPTH);
      sys.set(p, FIELDS, 'MaximumDepth', MAXIMUM_DEPTH);
      sys.set(p, FIELDS, 'Type', poolType);
      sys.set(p, FIELDS, 'Tag', tag >>> 0);
      sys.set(p, FIELDS, 'Size', n);
      sys.set(p, FIELDS, 'Allocate', ctx.codeAddress(Allocate));
      sys.set(p, FIELDS, 'Free', ctx.codeAddress(Free));
      const entry = sys.at(p, FIELDS, 'ListEntry');
      sys.set(p, FIELDS, 'ListEntry.Flink', entry);
      sys.set(p, FIELDS, 'ListEntry.Blink', entry);
      const list: List = { address: p, kind, entries: [], allocate: Allocate ?? null, free: Free ?? null };
      lists.set(p, list);
      ctx.register({
        type: kind, address: p,
        describe: () => ({
          cached: list.entries.length, depth: sys.get(p, FIELDS, 'Depth'), totalAllocates: sys.get(p, FIELDS, 'TotalAllocates'),
          allocateMisses: sys.get(p, FIELDS, 'AllocateMisses'), totalFrees: sys.get(p, FIELDS, 'TotalFrees'), freeMisses: sys.get(p, FIELDS, 'FreeMisses'),
        }),
      });
      return list;
    };
    const list = (p: number, kind: List['kind'], routine: string) => {
      ctx.object(p, kind, routine);
      return lists.get(p)!;
    };
    const syncHead = (l: List) => {
      // The SLIST head: first entry and depth, as ExQueryDepthSList would read them.
      sys.set(l.address, FIELDS, 'SingleListHead.Next', l.entries[l.entries.length - 1] ?? 0);
      sys.mem.write(l.address + 8, 'USHORT', l.entries.length);
    };
    const allocate = (l: List, routine: string) => {
      const p = l.address;
      inc(sys, p, 'TotalAllocates');
      const cached = l.entries.pop();
      if (cached !== undefined) {
        syncHead(l);
        return cached;
      }
      inc(sys, p, 'AllocateMisses');
      const type = sys.get(p, FIELDS, 'Type') as number;
      const size = sys.get(p, FIELDS, 'Size') as number;
      const tag = sys.get(p, FIELDS, 'Tag') as number;
      if (l.allocate) {
        return (l.kind === 'LOOKASIDE_LIST_EX' ? l.allocate(type, BigInt(size), tag, p) : l.allocate(type, BigInt(size), tag)) as number;
      }
      return allocatePool(sys, { routine, paged: l.kind === 'PAGED_LOOKASIDE_LIST' || (type & 1) === 1, poolType: type, bytes: size, tag, zero: false, raise: (type & 16) !== 0 });
    };
    const release = (l: List, entry: number, routine: string) => {
      const p = l.address;
      inc(sys, p, 'TotalFrees');
      if (l.entries.includes(entry)) {
        ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x13, 0, entry, 0], `${routine} returned 0x${entry.toString(16)} to the ${l.kind} twice.`);
      }
      if (l.entries.length < (sys.get(p, FIELDS, 'Depth') as number)) {
        sys.mem.write(entry, 'PVOID', l.entries[l.entries.length - 1] ?? 0);
        l.entries.push(entry);
        syncHead(l);
        return;
      }
      inc(sys, p, 'FreeMisses');
      giveBack(l, entry, routine);
    };
    const giveBack = (l: List, entry: number, routine: string) => {
      if (l.free) {
        if (l.kind === 'LOOKASIDE_LIST_EX') l.free(entry, l.address);
        else l.free(entry);
      } else freePool(sys, entry, routine, null);
    };
    const flush = (l: List, routine: string) => {
      while (l.entries.length) giveBack(l, l.entries.pop()!, routine);
      syncHead(l);
    };
    const remove = (l: List, routine: string) => {
      flush(l, routine);
      lists.delete(l.address);
      ctx.unregister(l.address);
    };
    return {
      ExInitializeNPagedLookasideList(Lookaside: number, Allocate: Function | null, Free: Function | null, Flags: number, Size: number | bigint, Tag: number, _Depth: number) {
        init('NPAGED_LOOKASIDE_LIST', Lookaside, Allocate, Free, 0 | (Flags & (16 | 512)), Size, Tag);
      },
      ExInitializePagedLookasideList(Lookaside: number, Allocate: Function | null, Free: Function | null, Flags: number, Size: number | bigint, Tag: number, _Depth: number) {
        init('PAGED_LOOKASIDE_LIST', Lookaside, Allocate, Free, 1 | (Flags & (16 | 512)), Size, Tag);
      },
      /** Returns STATUS_SUCCESS, or STATUS_INVALID_PARAMETER_5 for flags other than the two documented ones. */
      ExInitializeLookasideListEx(Lookaside: number, Allocate: Function | null, Free: Function | null, PoolType: number, Flags: number, Size: number | bigint, Tag: number, _Depth: number) {
        if ((Flags & ~3) !== 0 || (Flags & 3) === 3) return 0xc00000f3;
        init('LOOKASIDE_LIST_EX', Lookaside, Allocate, Free, PoolType | (Flags & 1 ? 16 : 0), Size, Tag);
        return 0;
      },
      ExAllocateFromNPagedLookasideList: (Lookaside: number) => allocate(list(Lookaside, 'NPAGED_LOOKASIDE_LIST', 'ExAllocateFromNPagedLookasideList'), 'ExAllocateFromNPagedLookasideList'),
      ExAllocateFromPagedLookasideList: (Lookaside: number) => allocate(list(Lookaside, 'PAGED_LOOKASIDE_LIST', 'ExAllocateFromPagedLookasideList'), 'ExAllocateFromPagedLookasideList'),
      ExAllocateFromLookasideListEx: (Lookaside: number) => allocate(list(Lookaside, 'LOOKASIDE_LIST_EX', 'ExAllocateFromLookasideListEx'), 'ExAllocateFromLookasideListEx'),
      ExFreeToNPagedLookasideList(Lookaside: number, Entry: number) {
        release(list(Lookaside, 'NPAGED_LOOKASIDE_LIST', 'ExFreeToNPagedLookasideList'), Entry, 'ExFreeToNPagedLookasideList');
      },
      ExFreeToPagedLookasideList(Lookaside: number, Entry: number) {
        release(list(Lookaside, 'PAGED_LOOKASIDE_LIST', 'ExFreeToPagedLookasideList'), Entry, 'ExFreeToPagedLookasideList');
      },
      ExFreeToLookasideListEx(Lookaside: number, Entry: number) {
        release(list(Lookaside, 'LOOKASIDE_LIST_EX', 'ExFreeToLookasideListEx'), Entry, 'ExFreeToLookasideListEx');
      },
      ExFlushLookasideListEx(Lookaside: number) {
        flush(list(Lookaside, 'LOOKASIDE_LIST_EX', 'ExFlushLookasideListEx'), 'ExFlushLookasideListEx');
      },
      ExDeleteNPagedLookasideList(Lookaside: number) {
        remove(list(Lookaside, 'NPAGED_LOOKASIDE_LIST', 'ExDeleteNPagedLookasideList'), 'ExDeleteNPagedLookasideList');
      },
      ExDeletePagedLookasideList(Lookaside: number) {
        remove(list(Lookaside, 'PAGED_LOOKASIDE_LIST', 'ExDeletePagedLookasideList'), 'ExDeletePagedLookasideList');
      },
      ExDeleteLookasideListEx(Lookaside: number) {
        remove(list(Lookaside, 'LOOKASIDE_LIST_EX', 'ExDeleteLookasideListEx'), 'ExDeleteLookasideListEx');
      },
    };
  },
  unload: (sys) => {
    for (const o of sys.ctx.objects.values()) {
      if (o.type.endsWith('LOOKASIDE_LIST') || o.type === 'LOOKASIDE_LIST_EX') {
        sys.ctx.bugcheck('DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS', [o.address, 0, 0, 0],
          `The driver unloaded with the ${o.type} at 0x${o.address.toString(16)} not deleted; the system still links it and would touch it after the driver is gone.`, 'unload');
      }
    }
  },
});
