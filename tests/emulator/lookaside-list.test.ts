// content/ddi/wdm/nf-wdm-exinitializenpagedlookasidelist.md, nf-wdm-exallocatefromnpagedlookasidelist.md,
// nf-wdm-exfreetonpagedlookasidelist.md, nf-wdm-exdeletenpagedlookasidelist.md, nf-wdm-exinitializelookasidelistex.md,
// nf-wdm-exflushlookasidelistex.md, and the paged forms
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('lookaside lists', () => {
  it('initialises the statistics with Depth 4 and MaximumDepth 256', () => {
    const k = createKernel();
    const l = k.alloc('NPAGED_LOOKASIDE_LIST');
    k.ExInitializeNPagedLookasideList(l, null, null, 0, 48, k.tag('LkAs'), 0);
    expect(k.get(l, 'NPAGED_LOOKASIDE_LIST', 'L.Depth')).toBe(4);
    expect(k.get(l, 'NPAGED_LOOKASIDE_LIST', 'L.MaximumDepth')).toBe(256);
    expect(k.get(l, 'NPAGED_LOOKASIDE_LIST', 'L.Size')).toBe(48);
    expect(k.get(l, 'NPAGED_LOOKASIDE_LIST', 'L.Tag')).toBe(k.tag('LkAs'));
    k.ExDeleteNPagedLookasideList(l);
  });

  it('a freed entry is reused by the next allocation; misses go to pool', () => {
    const k = createKernel();
    const l = k.alloc('NPAGED_LOOKASIDE_LIST');
    k.ExInitializeNPagedLookasideList(l, null, null, 0, 48, k.tag('LkAs'), 0);
    const a = k.ExAllocateFromNPagedLookasideList(l);
    k.ExFreeToNPagedLookasideList(l, a);
    expect(k.ExAllocateFromNPagedLookasideList(l)).toBe(a);
    expect(k.get(l, 'NPAGED_LOOKASIDE_LIST', 'L.TotalAllocates')).toBe(2);
    expect(k.get(l, 'NPAGED_LOOKASIDE_LIST', 'L.AllocateMisses')).toBe(1);
    k.ExFreeToNPagedLookasideList(l, a);
    k.ExDeleteNPagedLookasideList(l);
    expect(k.unload().blockedThreads).toEqual([]);
  });

  it('"If the list has reached its maximum size, the entry is returned to" pool (Free callback)', () => {
    const k = createKernel();
    const l = k.alloc('PAGED_LOOKASIDE_LIST');
    const freed: number[] = [];
    k.ExInitializePagedLookasideList(l, null, (p: number) => { freed.push(p); k.ExFreePool(p); }, 0, 32, k.tag('Pged'), 0);
    const entries = Array.from({ length: 6 }, () => k.ExAllocateFromPagedLookasideList(l));
    for (const e of entries) k.ExFreeToPagedLookasideList(l, e);
    expect(freed).toEqual(entries.slice(4));
    expect(k.get(l, 'PAGED_LOOKASIDE_LIST', 'L.FreeMisses')).toBe(2);
    k.ExDeletePagedLookasideList(l);
    expect(freed.length).toBe(6);
  });

  it('LOOKASIDE_LIST_EX calls its Allocate callback with the list, and ExFlushLookasideListEx empties it', () => {
    const k = createKernel();
    const l = k.alloc('LOOKASIDE_LIST_EX');
    const calls: number[] = [];
    const alloc = (type: number, size: bigint, tag: number, list: number) => {
      calls.push(list);
      return k.ExAllocatePoolWithTag(type, size, tag);
    };
    expect(k.ExInitializeLookasideListEx(l, alloc, null, k.NonPagedPoolNx, 0, 64n, k.tag('LkEx'), 0)).toBe(k.STATUS_SUCCESS);
    const e = k.ExAllocateFromLookasideListEx(l);
    k.ExFreeToLookasideListEx(l, e);
    expect(k.snapshot().pool.length).toBe(1);
    k.ExFlushLookasideListEx(l);
    expect(k.snapshot().pool.length).toBe(0);
    expect(calls).toEqual([l]);
    k.ExDeleteLookasideListEx(l);
  });

  it('a lookaside list not deleted at unload is reported', () => {
    const k = createKernel();
    const l = k.alloc('NPAGED_LOOKASIDE_LIST');
    k.ExInitializeNPagedLookasideList(l, null, null, 0, 32, k.tag('Left'), 0);
    expect(() => k.unload()).toThrow(expect.objectContaining({ code: 0xce }));
  });
});
