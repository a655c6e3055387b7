// Specification: content/ddi/wdm/nf-wdm-{initializelisthead,islistempty,insertheadlist,inserttaillist,
// removeheadlist,removetaillist,removeentrylist,appendtaillist,pushentrylist,popentrylist,
// exinterlocked*list,containing_record,field_offset}.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function setup() {
  const k = createKernel({ arch: 'x64', cpus: 2, seed: 1 });
  const head = k.alloc('LIST_ENTRY');
  k.InitializeListHead(head);
  const entries = [0, 1, 2].map(() => k.alloc('LIST_ENTRY'));
  const walk = () => {
    const out: number[] = [];
    for (let e = k.read(head, 'PVOID') as number; e !== head; e = k.read(e, 'PVOID') as number) out.push(entries.indexOf(e));
    return out;
  };
  return { k, head, entries, walk };
}

describe('LIST_ENTRY', () => {
  it('is 16 bytes with Blink at offset 8', () => {
    const { k } = setup();
    expect(k.sizeof('LIST_ENTRY')).toBe(16);
    expect(k.offsetof('LIST_ENTRY', 'Blink')).toBe(8);
  });

  it('InitializeListHead makes Flink and Blink point at the head: IsListEmpty is TRUE', () => {
    const { k, head } = setup();
    expect(k.read(head, 'PVOID')).toBe(head);
    expect(k.read(head + 8, 'PVOID')).toBe(head);
    expect(k.IsListEmpty(head)).toBe(k.TRUE);
  });

  it('InsertHeadList inserts at the front, InsertTailList at the back', () => {
    const { k, head, entries, walk } = setup();
    k.InsertTailList(head, entries[0]);
    k.InsertTailList(head, entries[1]);
    k.InsertHeadList(head, entries[2]);
    expect(walk()).toEqual([2, 0, 1]);
    expect(k.IsListEmpty(head)).toBe(k.FALSE);
  });

  it('RemoveHeadList and RemoveTailList return the removed entry; on an empty list they return ListHead', () => {
    const { k, head, entries, walk } = setup();
    entries.forEach((e) => k.InsertTailList(head, e));
    expect(k.RemoveHeadList(head)).toBe(entries[0]);
    expect(k.RemoveTailList(head)).toBe(entries[2]);
    expect(walk()).toEqual([1]);
    k.RemoveHeadList(head);
    expect(k.RemoveHeadList(head)).toBe(head);
    expect(k.RemoveTailList(head)).toBe(head);
  });

  it('RemoveEntryList returns TRUE when the list is empty after the removal', () => {
    const { k, head, entries } = setup();
    k.InsertTailList(head, entries[0]);
    k.InsertTailList(head, entries[1]);
    expect(k.RemoveEntryList(entries[0])).toBe(k.FALSE);
    expect(k.RemoveEntryList(entries[1])).toBe(k.TRUE);
  });

  it('removing an entry twice bugchecks KERNEL_SECURITY_CHECK_FAILURE with FAST_FAIL_CORRUPT_LIST_ENTRY', () => {
    const { k, head, entries } = setup();
    entries.forEach((e) => k.InsertTailList(head, e));
    k.RemoveEntryList(entries[1]);
    k.RemoveEntryList(entries[0]);
    let error: unknown;
    try { k.RemoveEntryList(entries[1]); } catch (e) { error = e; }
    expect(error).toMatchObject({ name: 'BugCheck', code: 0x139, codeName: 'KERNEL_SECURITY_CHECK_FAILURE', routine: 'RemoveEntryList' });
    expect((error as { parameters: unknown[] }).parameters[0]).toBe(3);
  });

  it('inserting into a head that was never initialised faults on the NULL link', () => {
    const k = createKernel();
    const head = k.alloc('LIST_ENTRY');
    expect(() => k.InsertHeadList(head, k.alloc('LIST_ENTRY'))).toThrow(expect.objectContaining({ name: 'BugCheck' }));
  });

  it('AppendTailList splices a headless list after the last entry', () => {
    const { k, head, entries, walk } = setup();
    k.InsertTailList(head, entries[0]);
    const other = k.alloc('LIST_ENTRY');
    k.InitializeListHead(other);
    k.InsertTailList(other, entries[1]);
    k.InsertTailList(other, entries[2]);
    const first = k.read(other, 'PVOID');
    k.RemoveEntryList(other);
    k.AppendTailList(head, first);
    expect(walk()).toEqual([0, 1, 2]);
    expect(k.read(head + 8, 'PVOID')).toBe(entries[2]);
  });
});

describe('SINGLE_LIST_ENTRY', () => {
  it('PushEntryList / PopEntryList are last in, first out; PopEntryList returns NULL when empty', () => {
    const k = createKernel();
    const head = k.alloc('SINGLE_LIST_ENTRY');
    const a = k.alloc('SINGLE_LIST_ENTRY');
    const b = k.alloc('SINGLE_LIST_ENTRY');
    k.PushEntryList(head, a);
    k.PushEntryList(head, b);
    expect(k.PopEntryList(head)).toBe(b);
    expect(k.PopEntryList(head)).toBe(a);
    expect(k.PopEntryList(head)).toBe(k.NULL);
  });
});

describe('ExInterlocked…List', () => {
  it('ExInterlockedInsertHeadList returns the previous first entry, NULL when the list was empty', () => {
    const { k, head, entries } = setup();
    const lock = k.alloc('KSPIN_LOCK');
    expect(k.ExInterlockedInsertHeadList(head, entries[0], lock)).toBe(0);
    expect(k.ExInterlockedInsertHeadList(head, entries[1], lock)).toBe(entries[0]);
    expect(k.ExInterlockedInsertTailList(head, entries[2], lock)).toBe(entries[0]);
    expect(k.ExInterlockedRemoveHeadList(head, lock)).toBe(entries[1]);
  });

  it('ExInterlockedRemoveHeadList returns NULL for an empty list', () => {
    const { k, head } = setup();
    expect(k.ExInterlockedRemoveHeadList(head, k.alloc('KSPIN_LOCK'))).toBe(0);
  });

  it('ExInterlockedPushEntryList / ExInterlockedPopEntryList return the previous first entry', () => {
    const k = createKernel();
    const head = k.alloc('SINGLE_LIST_ENTRY');
    const lock = k.alloc('KSPIN_LOCK');
    const a = k.alloc('SINGLE_LIST_ENTRY');
    expect(k.ExInterlockedPushEntryList(head, a, lock)).toBe(0);
    expect(k.ExInterlockedPopEntryList(head, lock)).toBe(a);
    expect(k.ExInterlockedPopEntryList(head, lock)).toBe(0);
  });

  it('list entries in paged memory fault: the routines run with the spin lock held', () => {
    const { k, head } = setup();
    const paged = k.alloc('LIST_ENTRY', { pool: 'PagedPool' });
    expect(() => k.ExInterlockedInsertTailList(head, paged, k.alloc('KSPIN_LOCK'))).toThrow(expect.objectContaining({ codeName: 'DRIVER_IRQL_NOT_LESS_OR_EQUAL' }));
  });

  it('a spin lock already held bugchecks SPIN_LOCK_ALREADY_OWNED', () => {
    const { k, head, entries } = setup();
    const lock = k.alloc('KSPIN_LOCK');
    k.KeAcquireSpinLock(lock, k.alloc('KIRQL'));
    expect(() => k.ExInterlockedInsertTailList(head, entries[0], lock)).toThrow(expect.objectContaining({ codeName: 'SPIN_LOCK_ALREADY_OWNED' }));
  });
});

describe('CONTAINING_RECORD / FIELD_OFFSET', () => {
  it('maps a field address back to its structure', () => {
    const k = createKernel();
    const bitmap = k.alloc('RTL_BITMAP');
    expect(k.FIELD_OFFSET('RTL_BITMAP', 'Buffer')).toBe(8);
    expect(k.CONTAINING_RECORD(bitmap + 8, 'RTL_BITMAP', 'Buffer')).toBe(bitmap);
  });
});

describe('SLIST_HEADER', () => {
  it('push and pop are last in, first out and the depth follows', () => {
    const k = createKernel();
    const head = k.alloc('SLIST_HEADER');
    k.ExInitializeSListHead(head);
    const a = k.alloc('SLIST_ENTRY');
    const b = k.alloc('SLIST_ENTRY');
    expect(k.ExInterlockedPushEntrySList(head, a, 0)).toBe(0);
    expect(k.ExInterlockedPushEntrySList(head, b, 0)).toBe(a);
    expect(k.ExQueryDepthSList(head)).toBe(2);
    expect(k.FirstEntrySList(head)).toBe(b);
    expect(k.ExInterlockedPopEntrySList(head, 0)).toBe(b);
    expect(k.ExQueryDepthSList(head)).toBe(1);
  });

  it('ExInterlockedFlushSList returns the chain and leaves the list empty', () => {
    const k = createKernel();
    const head = k.alloc('SLIST_HEADER');
    k.InitializeSListHead(head);
    const a = k.alloc('SLIST_ENTRY');
    const b = k.alloc('SLIST_ENTRY');
    k.InterlockedPushEntrySList(head, a);
    k.InterlockedPushEntrySList(head, b);
    expect(k.ExInterlockedFlushSList(head)).toBe(b);
    expect(k.read(b, 'PVOID')).toBe(a);
    expect(k.ExQueryDepthSList(head)).toBe(0);
    expect(k.ExInterlockedPopEntrySList(head, 0)).toBe(0);
  });

  it('an entry not aligned on 16 bytes bugchecks', () => {
    const k = createKernel();
    const head = k.alloc('SLIST_HEADER');
    k.InitializeSListHead(head);
    const raw = k.alloc(48);
    expect(() => k.ExpInterlockedPushEntrySList(head, raw + 8)).toThrow(expect.objectContaining({ name: 'BugCheck' }));
  });
});
