// Specification: content/ddi/wdm/nf-wdm-rtl{copy,move,fill,zero,compare,equal}memory.md,
// nf-wdm-rtlstore*.md, nf-wdm-rtlretrieve*.md, nf-wdm-{byte_offset,page_align,bytes_to_pages,round_to_pages,
// address_and_size_to_span_pages}.md, ntddk/nf-ntddk-rtliszeromemory.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('RtlCopyMemory / RtlMoveMemory / RtlFillMemory / RtlZeroMemory', () => {
  it('copies, fills and zeroes bytes in emulated memory', () => {
    const k = createKernel();
    const a = k.alloc(8);
    const b = k.alloc(8);
    k.RtlFillMemory(a, 8n, 0xab);
    expect([...k.bytes(a, 8)]).toEqual(Array(8).fill(0xab));
    k.RtlCopyMemory(b, a, 4n);
    expect([...k.bytes(b, 8)]).toEqual([0xab, 0xab, 0xab, 0xab, 0, 0, 0, 0]);
    k.RtlZeroMemory(a, 8n);
    expect(k.RtlIsZeroMemory(a, 8n)).toBe(1);
  });

  it('RtlMoveMemory handles overlapping ranges', () => {
    const k = createKernel();
    const a = k.alloc(8);
    [1, 2, 3, 4, 5, 6, 7, 8].forEach((v, i) => k.write(a + i, 'UCHAR', v));
    k.RtlMoveMemory(a + 2, a, 4n);
    expect([...k.bytes(a, 8)]).toEqual([1, 2, 1, 2, 3, 4, 7, 8]);
  });

  it('a Length past the end of the destination bugchecks like special pool', () => {
    const k = createKernel();
    const a = k.alloc(8);
    expect(() => k.RtlZeroMemory(a, 16n)).toThrow(expect.objectContaining({ name: 'BugCheck', routine: 'RtlZeroMemory' }));
  });
});

describe('RtlCompareMemory / RtlEqualMemory / RtlConstantTimeEqualMemory', () => {
  it('RtlCompareMemory returns the number of bytes that match before the first difference (a SIZE_T)', () => {
    const k = createKernel();
    const a = k.astr('abcdef');
    const b = k.astr('abcxef');
    expect(k.RtlCompareMemory(a, b, 6n)).toBe(3n);
    expect(k.RtlCompareMemory(a, a, 6n)).toBe(6n);
    expect(k.RtlEqualMemory(a, b, 3n)).toBe(1);
    expect(k.RtlEqualMemory(a, b, 4n)).toBe(0);
    expect(k.RtlConstantTimeEqualMemory(a, b, 4)).toBe(0);
  });
});

describe('RtlStore… / RtlRetrieve… / byte swaps', () => {
  it('store and retrieve unaligned values little-endian', () => {
    const k = createKernel();
    const p = k.alloc(16);
    k.RtlStoreUshort(p + 1, 0x1234);
    expect([...k.bytes(p + 1, 2)]).toEqual([0x34, 0x12]);
    k.RtlStoreUlong(p + 3, 0xdeadbeef);
    k.RtlRetrieveUlong(p + 8, p + 3);
    expect(k.read(p + 8, 'ULONG')).toBe(0xdeadbeef);
    k.RtlStoreUlonglong(p + 8, 0x0102030405060708n);
    expect(k.read(p + 8, 'ULONGLONG')).toBe(0x0102030405060708n);
    expect(k.RtlUlongByteSwap(0x11223344)).toBe(0x44332211);
    expect(k.RtlUshortByteSwap(0x1122)).toBe(0x2211);
    expect(k.RtlUlonglongByteSwap(0x0102030405060708n)).toBe(0x0807060504030201n);
  });
});

describe('page macros', () => {
  it('compute offsets, alignment and page counts for 4 KiB pages', () => {
    const k = createKernel();
    expect(k.BYTE_OFFSET(0x12345)).toBe(0x345);
    expect(k.PAGE_ALIGN(0x12345)).toBe(0x12000);
    expect(k.BYTES_TO_PAGES(4097)).toBe(2);
    expect(k.BYTES_TO_PAGES(4096)).toBe(1);
    expect(k.ROUND_TO_PAGES(1)).toBe(4096n);
    expect(k.ROUND_TO_PAGES(8192n)).toBe(8192n);
    // "a virtual address range of Size bytes starting at Va": 0x1FFF..0x2000 spans two pages.
    expect(k.ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x1fff, 2)).toBe(2);
    expect(k.ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x1000, 4096)).toBe(1);
    expect(k.ARGUMENT_PRESENT(0)).toBe(0);
    expect(k.ARGUMENT_PRESENT(k.alloc(1))).toBe(1);
  });

  it('RtlConvertLongToLargeInteger sign-extends; RtlConvertUlongToLargeInteger does not', () => {
    const k = createKernel();
    expect(k.RtlConvertLongToLargeInteger(-1)).toBe(-1n);
    expect(k.RtlConvertUlongToLargeInteger(0xffffffff)).toBe(0xffffffffn);
  });
});

describe('LUIDs and non-temporal fills', () => {
  it('RtlEqualLuid compares both parts; RtlIsZeroLuid tests for zero; RtlFillMemoryNonTemporal fills', () => {
    const k = createKernel();
    const a = k.alloc('LUID');
    const b = k.alloc('LUID');
    expect(k.RtlIsZeroLuid(a)).toBe(1);
    k.set(a, 'LUID', 'HighPart', 1);
    expect(k.RtlEqualLuid(a, b)).toBe(0);
    k.set(b, 'LUID', 'HighPart', 1);
    expect(k.RtlEqualLuid(a, b)).toBe(1);
    const p = k.alloc(4);
    k.RtlFillMemoryNonTemporal(p, 4n, 0x5a);
    expect([...k.bytes(p, 4)]).toEqual([0x5a, 0x5a, 0x5a, 0x5a]);
  });
});
