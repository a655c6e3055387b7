/**
 * Doubly and singly linked lists: LIST_ENTRY (InitializeListHead … RemoveEntryList, AppendTailList),
 * SINGLE_LIST_ENTRY (PushEntryList, PopEntryList), the ExInterlocked…List routines that guard them with a
 * spin lock, and the CONTAINING_RECORD / FIELD_OFFSET macros (content/ddi/wdm/nf-wdm-*list*.md).
 *
 * The links live in emulated memory (LIST_ENTRY from ntdef.ts: Flink at 0, Blink at 8), so a driver
 * walking `Flink` by hand sees the same chain. As in the current WDK, every insertion and removal first
 * checks that the neighbours still point back at the entry (`Flink->Blink == Entry && Blink->Flink ==
 * Entry`); a broken chain — typically an entry removed twice — stops the machine with
 * KERNEL_SECURITY_CHECK_FAILURE (0x139) and parameter 1 = 3 (FAST_FAIL_CORRUPT_LIST_ENTRY), as
 * `FatalListEntryError` does on Windows.
 */
import { dropSpinLock, takeSpinLock } from './kspin-lock.ts';
import { defineModule, type Sys } from './module.ts';

const FAST_FAIL_CORRUPT_LIST_ENTRY = 3;
const DISPATCH_LEVEL = 2;

export function listLinks(sys: Sys) {
  const flink = (entry: number) => Number(sys.get(entry, 'LIST_ENTRY', 'Flink'));
  const blink = (entry: number) => Number(sys.get(entry, 'LIST_ENTRY', 'Blink'));
  const setFlink = (entry: number, to: number) => sys.set(entry, 'LIST_ENTRY', 'Flink', to);
  const setBlink = (entry: number, to: number) => sys.set(entry, 'LIST_ENTRY', 'Blink', to);
  const corrupt = (routine: string, entry: number, why: string): never =>
    sys.ctx.bugcheck('KERNEL_SECURITY_CHECK_FAILURE', [FAST_FAIL_CORRUPT_LIST_ENTRY, 0, 0, 0],
      `${routine}: the LIST_ENTRY at 0x${entry.toString(16)} is corrupt (${why}). An entry removed twice, `
      + 'inserted twice, or never initialised breaks the Flink/Blink chain; Windows fails fast with '
      + 'FAST_FAIL_CORRUPT_LIST_ENTRY.', routine);

  const initialize = (head: number) => { setFlink(head, head); setBlink(head, head); };
  const isEmpty = (head: number) => flink(head) === head;

  const removeEntry = (routine: string, entry: number) => {
    const next = flink(entry);
    const prev = blink(entry);
    if (blink(next) !== entry || flink(prev) !== entry) {
      corrupt(routine, entry, 'its neighbours no longer point back at it');
    }
    setFlink(prev, next);
    setBlink(next, prev);
    return prev === next;
  };

  const insertHead = (routine: string, head: number, entry: number) => {
    const first = flink(head);
    if (blink(first) !== head) corrupt(routine, head, 'ListHead->Flink->Blink is not ListHead');
    setFlink(entry, first);
    setBlink(entry, head);
    setBlink(first, entry);
    setFlink(head, entry);
  };

  const insertTail = (routine: string, head: number, entry: number) => {
    const last = blink(head);
    if (flink(last) !== head) corrupt(routine, head, 'ListHead->Blink->Flink is not ListHead');
    setFlink(entry, head);
    setBlink(entry, last);
    setFlink(last, entry);
    setBlink(head, entry);
  };

  const removeHead = (routine: string, head: number) => {
    const entry = flink(head);
    const next = flink(entry);
    if (blink(entry) !== head || blink(next) !== entry) corrupt(routine, head, 'the first entry is not linked back to the head');
    setFlink(head, next);
    setBlink(next, head);
    return entry;
  };

  const removeTail = (routine: string, head: number) => {
    const entry = blink(head);
    const prev = blink(entry);
    if (flink(entry) !== head || flink(prev) !== entry) corrupt(routine, head, 'the last entry is not linked back to the head');
    setBlink(head, prev);
    setFlink(prev, head);
    return entry;
  };

  return { flink, blink, initialize, isEmpty, removeEntry, insertHead, insertTail, removeHead, removeTail };
}

export default defineModule({
  name: 'list-entry',
  routines: (sys) => {
    const links = listLinks(sys);
    const next = (entry: number) => Number(sys.get(entry, 'SINGLE_LIST_ENTRY', 'Next'));
    const setNext = (entry: number, to: number) => sys.set(entry, 'SINGLE_LIST_ENTRY', 'Next', to);

    /**
     * The ExInterlocked… routines hold the spin lock with interrupts off, so the list and the lock must be
     * resident: the operation runs at DISPATCH_LEVEL at least, where touching paged memory faults. The lock
     * word follows kspin-lock.ts, so a lock the caller already holds is SPIN_LOCK_ALREADY_OWNED.
     */
    const underLock = <T>(routine: string, lock: number, operation: () => T): T => {
      const before = sys.ctx.irql;
      if (before < DISPATCH_LEVEL) sys.ctx.setIrql(DISPATCH_LEVEL);
      try {
        takeSpinLock(sys, lock, routine);
        const result = operation();
        dropSpinLock(sys, lock, routine);
        return result;
      } finally {
        if (before < DISPATCH_LEVEL) sys.ctx.setIrql(before);
      }
    };

    return {
      InitializeListHead(ListHead: number) { links.initialize(ListHead); },
      IsListEmpty: (ListHead: number) => (links.isEmpty(ListHead) ? 1 : 0),
      InsertHeadList(ListHead: number, Entry: number) { links.insertHead('InsertHeadList', ListHead, Entry); },
      InsertTailList(ListHead: number, Entry: number) { links.insertTail('InsertTailList', ListHead, Entry); },
      RemoveHeadList: (ListHead: number) => links.removeHead('RemoveHeadList', ListHead),
      RemoveTailList: (ListHead: number) => links.removeTail('RemoveTailList', ListHead),
      RemoveEntryList: (Entry: number) => (links.removeEntry('RemoveEntryList', Entry) ? 1 : 0),
      AppendTailList(ListHead: number, ListToAppend: number) {
        // ListToAppend is the first entry of a headless list: its ring is spliced in before ListHead.
        const last = links.blink(ListHead);
        const appendedLast = links.blink(ListToAppend);
        sys.set(last, 'LIST_ENTRY', 'Flink', ListToAppend);
        sys.set(ListHead, 'LIST_ENTRY', 'Blink', appendedLast);
        sys.set(ListToAppend, 'LIST_ENTRY', 'Blink', last);
        sys.set(appendedLast, 'LIST_ENTRY', 'Flink', ListHead);
      },
      PushEntryList(ListHead: number, Entry: number) {
        setNext(Entry, next(ListHead));
        setNext(ListHead, Entry);
      },
      PopEntryList(ListHead: number) {
        const first = next(ListHead);
        if (first !== 0) setNext(ListHead, next(first));
        return first;
      },
      ExInterlockedInsertHeadList: (ListHead: number, ListEntry: number, Lock: number) =>
        underLock('ExInterlockedInsertHeadList', Lock, () => {
          const previous = links.isEmpty(ListHead) ? 0 : links.flink(ListHead);
          links.insertHead('ExInterlockedInsertHeadList', ListHead, ListEntry);
          return previous;
        }),
      ExInterlockedInsertTailList: (ListHead: number, ListEntry: number, Lock: number) =>
        underLock('ExInterlockedInsertTailList', Lock, () => {
          const previous = links.isEmpty(ListHead) ? 0 : links.blink(ListHead);
          links.insertTail('ExInterlockedInsertTailList', ListHead, ListEntry);
          return previous;
        }),
      ExInterlockedRemoveHeadList: (ListHead: number, Lock: number) =>
        underLock('ExInterlockedRemoveHeadList', Lock, () =>
          (links.isEmpty(ListHead) ? 0 : links.removeHead('ExInterlockedRemoveHeadList', ListHead))),
      ExInterlockedPushEntryList: (ListHead: number, ListEntry: number, Lock: number) =>
        underLock('ExInterlockedPushEntryList', Lock, () => {
          const previous = next(ListHead);
          setNext(ListEntry, previous);
          setNext(ListHead, ListEntry);
          return previous;
        }),
      ExInterlockedPopEntryList: (ListHead: number, Lock: number) =>
        underLock('ExInterlockedPopEntryList', Lock, () => {
          const first = next(ListHead);
          if (first !== 0) setNext(ListHead, next(first));
          return first;
        }),
      /** `CONTAINING_RECORD(Address, Type, Field)`: Type is a type name, Field a (dotted) field path. */
      CONTAINING_RECORD: (Address: number, Type: string, Field: string) => Address - sys.layouts.resolve(Type, Field).offset,
      FIELD_OFFSET: (Type: string, Field: string) => sys.layouts.resolve(Type, Field).offset,
    };
  },
});
