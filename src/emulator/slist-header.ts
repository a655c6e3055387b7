/**
 * Sequenced singly linked lists (SLIST_HEADER, SLIST_ENTRY): ExInitializeSListHead / InitializeSListHead,
 * ExInterlockedPushEntrySList, ExInterlockedPopEntrySList, ExInterlockedFlushSList, ExQueryDepthSList,
 * FirstEntrySList and the Interlocked…/ExpInterlocked… forms (content/ddi/wdm/nf-wdm-*slist*.md).
 *
 * The header is the x64 HeaderX64 encoding of wdm.h, kept in emulated memory: the first ULONGLONG holds
 * Depth (bits 0–15) and Sequence (bits 16–63, bumped by every push and pop), the second holds the first
 * entry's address (NextEntry, bits 4–63; entries are 16-byte aligned so the low bits are free). On x64
 * the Lock parameter of the ExInterlocked… forms is not used: the list is updated with one 128-bit
 * compare-exchange, so the routines may be called at any IRQL with resident entries.
 */
import { defineModule, type Sys } from './module.ts';

const MEMORY_ALLOCATION_ALIGNMENT = 16;
const DEPTH_MASK = 0xffffn;

function slist(sys: Sys) {
  const first = (head: number) => Number((sys.get(head, 'SLIST_HEADER', 'Region') as bigint) & ~0xfn);
  const depth = (head: number) => Number((sys.get(head, 'SLIST_HEADER', 'Alignment') as bigint) & DEPTH_MASK);
  const sequence = (head: number) => (sys.get(head, 'SLIST_HEADER', 'Alignment') as bigint) >> 16n;
  const store = (head: number, entry: number, newDepth: number, newSequence: bigint) => {
    sys.set(head, 'SLIST_HEADER', 'Alignment', (BigInt.asUintN(48, newSequence) << 16n) | BigInt(newDepth & 0xffff));
    sys.set(head, 'SLIST_HEADER', 'Region', BigInt(entry));
  };
  const aligned = (routine: string, entry: number) => {
    if (entry % MEMORY_ALLOCATION_ALIGNMENT !== 0) {
      sys.ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0, entry, 0, 0],
        `${routine}: SLIST_ENTRY 0x${entry.toString(16)} is not aligned on MEMORY_ALLOCATION_ALIGNMENT (16 bytes); `
        + 'an x64 SLIST_HEADER keeps only address bits 4–63, so the entry would be lost.', routine);
    }
  };
  const push = (routine: string, head: number, entry: number) => {
    aligned(routine, entry);
    const previous = first(head);
    sys.set(entry, 'SLIST_ENTRY', 'Next', previous);
    store(head, entry, depth(head) + 1, sequence(head) + 1n);
    return previous;
  };
  const pop = (head: number) => {
    const entry = first(head);
    if (entry === 0) return 0;
    store(head, Number(sys.get(entry, 'SLIST_ENTRY', 'Next')), depth(head) - 1, sequence(head) + 1n);
    return entry;
  };
  const flush = (head: number) => {
    const entry = first(head);
    if (entry !== 0) store(head, 0, 0, sequence(head));
    return entry;
  };
  const initialize = (head: number) => {
    if (head % MEMORY_ALLOCATION_ALIGNMENT !== 0) {
      sys.ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0, head, 0, 0],
        `InitializeSListHead: SLIST_HEADER 0x${head.toString(16)} must be 16-byte aligned on x64.`, 'InitializeSListHead');
    }
    store(head, 0, 0, 0n);
  };
  return { first, depth, push, pop, flush, initialize };
}

export default defineModule({
  name: 'slist-header',
  routines: (sys) => {
    const s = slist(sys);
    return {
      InitializeSListHead(SListHead: number) { s.initialize(SListHead); },
      ExInitializeSListHead(SListHead: number) { s.initialize(SListHead); },
      ExInterlockedPushEntrySList: (ListHead: number, ListEntry: number, _Lock?: number) =>
        s.push('ExInterlockedPushEntrySList', ListHead, ListEntry),
      ExInterlockedPopEntrySList: (ListHead: number, _Lock?: number) => s.pop(ListHead),
      ExpInterlockedPushEntrySList: (ListHead: number, ListEntry: number) => s.push('ExpInterlockedPushEntrySList', ListHead, ListEntry),
      ExpInterlockedPopEntrySList: (ListHead: number) => s.pop(ListHead),
      InterlockedPushEntrySList: (ListHead: number, ListEntry: number) => s.push('InterlockedPushEntrySList', ListHead, ListEntry),
      InterlockedPopEntrySList: (ListHead: number) => s.pop(ListHead),
      ExInterlockedFlushSList: (ListHead: number) => s.flush(ListHead),
      InterlockedFlushSList: (ListHead: number) => s.flush(ListHead),
      ExQueryDepthSList: (SListHead: number) => s.depth(SListHead),
      QueryDepthSList: (SListHead: number) => s.depth(SListHead),
      FirstEntrySList: (SListHead: number) => s.first(SListHead),
    };
  },
});
