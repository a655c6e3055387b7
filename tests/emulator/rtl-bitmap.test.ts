// Specification: content/ddi/wdm/nf-wdm-rtl*bit*.md, and the edge cases Windows shows in public
// conformance tests (a zero-bit search, a hint outside the bitmap, wrap-around).
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function bitmap(size: number, words: number[]) {
  const k = createKernel({ arch: 'x64', cpus: 2, seed: 1 });
  const buffer = k.alloc(Math.max(words.length, 1) * 4);
  words.forEach((w, i) => k.write(buffer + i * 4, 'ULONG', w));
  const header = k.alloc('RTL_BITMAP');
  k.RtlInitializeBitMap(header, buffer, size);
  const word = (i: number) => k.read(buffer + i * 4, 'ULONG');
  return { k, header, buffer, word };
}

describe('RTL_BITMAP layout', () => {
  it('is 16 bytes on x64 with Buffer at offset 8', () => {
    const { k } = bitmap(0, []);
    expect(k.sizeof('RTL_BITMAP')).toBe(16);
    expect(k.offsetof('RTL_BITMAP', 'Buffer')).toBe(8);
    expect(k.sizeof('RTL_BITMAP_RUN')).toBe(8);
  });
});

describe('RtlSetBit / RtlClearBit / RtlTestBit / RtlSetBits / RtlClearBits', () => {
  it('changes the bit in the caller buffer: bit n is bit n%32 of ULONG n/32', () => {
    const { k, header, word } = bitmap(64, [0, 0]);
    k.RtlSetBit(header, 33);
    expect(word(1)).toBe(2);
    expect(k.RtlTestBit(header, 33)).toBe(k.TRUE);
    k.RtlClearBit(header, 33);
    expect(k.RtlCheckBit(header, 33)).toBe(0);
    k.RtlSetBits(header, 4, 8);
    expect(word(0)).toBe(0xff0);
    k.RtlClearBits(header, 6, 2);
    expect(word(0)).toBe(0xf30);
  });

  it('RtlSetBits "simply returns control if the input NumberToSet is zero"', () => {
    const { k, header, word } = bitmap(32, [0]);
    k.RtlSetBits(header, 40, 0);
    expect(word(0)).toBe(0);
  });

  it('RtlSetBits and RtlClearBits write past SizeOfBitMap into the rest of the buffer, as Windows does', () => {
    const { k, header, word } = bitmap(19, [0, 0]);
    k.RtlSetBits(header, 13, 22);
    expect([word(0), word(1)]).toEqual([0xffffe000, 0x7]);
    k.RtlClearBits(header, 13, 22);
    k.RtlSetBits(header, 63, 1);
    expect([word(0), word(1)]).toEqual([0, 0x80000000]);
  });

  it('a range past the end of the buffer itself faults like special pool', () => {
    const { k, header } = bitmap(32, [0]);
    expect(() => k.RtlSetBits(header, 30, 4)).toThrow(expect.objectContaining({ name: 'BugCheck', routine: 'RtlSetBits' }));
  });

  it('RtlSetAllBits and RtlClearAllBits cover the whole bitmap', () => {
    const { k, header, word } = bitmap(64, [0, 0]);
    k.RtlSetAllBits(header);
    expect(k.RtlNumberOfSetBits(header)).toBe(64);
    expect(word(1)).toBe(0xffffffff);
    k.RtlClearAllBits(header);
    expect(k.RtlNumberOfClearBits(header)).toBe(64);
  });
});

describe('RtlAreBitsSet / RtlAreBitsClear', () => {
  it('returns FALSE for a zero Length or a range that is not a proper subset', () => {
    const { k, header } = bitmap(32, [0xffffffff]);
    expect(k.RtlAreBitsSet(header, 0, 32)).toBe(1);
    expect(k.RtlAreBitsSet(header, 0, 0)).toBe(0);
    expect(k.RtlAreBitsSet(header, 30, 3)).toBe(0);
    expect(k.RtlAreBitsClear(header, 0, 1)).toBe(0);
  });
});

describe('RtlFindClearBits / RtlFindClearBitsAndSet / RtlFindSetBitsAndClear', () => {
  const words = [0x060f874d, 0x3f303f30];

  it('returns 0xFFFFFFFF when no range of the size exists', () => {
    const { k, header } = bitmap(8, words);
    expect(k.RtlFindClearBits(header, 3, 0)).toBe(0xffffffff);
    const empty = bitmap(0, words);
    expect(empty.k.RtlFindClearBits(empty.header, 1, 0)).toBe(0xffffffff);
  });

  it('searches from the hint, then from the beginning back to the hint', () => {
    const { k, header } = bitmap(32, words);
    expect(k.RtlFindClearBits(header, 4, 0)).toBe(11);
    expect(k.RtlFindClearBits(header, 4, 12)).toBe(20);
    expect(k.RtlFindClearBits(header, 1, 32)).toBe(1);
    const wide = bitmap(64, [0x060f874d, 0xff303f30]);
    expect(wide.k.RtlFindClearBits(wide.header, 9, 28)).toBe(27);
    expect(wide.k.RtlFindClearBits(wide.header, 1, 56)).toBe(1);
  });

  it('a search for zero bits returns the hint rounded down to a byte (0 outside the bitmap)', () => {
    const { k, header } = bitmap(32, words);
    expect(k.RtlFindClearBits(header, 0, 21)).toBe(16);
    expect(k.RtlFindClearBits(header, 0, 39)).toBe(0);
  });

  it('RtlFindClearBitsAndSet sets the range it returns', () => {
    const { k, header, word } = bitmap(32, words);
    expect(k.RtlFindClearBitsAndSet(header, 4, 0)).toBe(11);
    expect(word(0)).toBe(0x060fff4d);
  });

  it('RtlFindSetBitsAndClear clears the range it returns', () => {
    const { k, header, word } = bitmap(32, [0xf9f078b2]);
    expect(k.RtlFindSetBitsAndClear(header, 4, 0)).toBe(11);
    expect(word(0)).toBe(0xf9f000b2);
  });
});

describe('runs', () => {
  // 0x060F874D: clear runs at 1, 4-5, 7, 11-14, 20-24, 27-31.
  it('RtlFindFirstRunClear returns the first run and its start', () => {
    const { k, header } = bitmap(32, [0x060f874d]);
    const start = k.alloc('ULONG');
    expect(k.RtlFindFirstRunClear(header, start)).toBe(1);
    expect(k.read(start, 'ULONG')).toBe(1);
  });

  it('RtlFindNextForwardRunClear finds the run at or after FromIndex', () => {
    const { k, header } = bitmap(32, [0x060f874d]);
    const start = k.alloc('ULONG');
    expect(k.RtlFindNextForwardRunClear(header, 8, start)).toBe(4);
    expect(k.read(start, 'ULONG')).toBe(11);
    expect(k.RtlFindNextForwardRunClear(header, 21, start)).toBe(4);
    expect(k.read(start, 'ULONG')).toBe(21);
  });

  it('RtlFindLastBackwardRunClear finds the run preceding FromIndex', () => {
    const { k, header } = bitmap(32, [0x060f874d]);
    const start = k.alloc('ULONG');
    expect(k.RtlFindLastBackwardRunClear(header, 17, start)).toBe(4);
    expect(k.read(start, 'ULONG')).toBe(11);
  });

  it('RtlFindLongestRunClear returns the longest run', () => {
    const { k, header } = bitmap(32, [0x060f874d]);
    const start = k.alloc('ULONG');
    expect(k.RtlFindLongestRunClear(header, start)).toBe(5);
    expect(k.read(start, 'ULONG')).toBe(20);
  });

  it('RtlFindClearRuns fills RTL_BITMAP_RUNs, longest first when asked', () => {
    const { k, header } = bitmap(32, [0x060f874d]);
    const runs = k.alloc('RTL_BITMAP_RUN', { count: 3 });
    expect(k.RtlFindClearRuns(header, runs, 3, k.TRUE)).toBe(3);
    const at = (i: number) => [k.get(runs + i * 8, 'RTL_BITMAP_RUN', 'StartingIndex'), k.get(runs + i * 8, 'RTL_BITMAP_RUN', 'NumberOfBits')];
    expect([at(0), at(1), at(2)]).toEqual([[20, 5], [27, 5], [11, 4]]);
    expect(k.RtlFindClearRuns(header, runs, 2, k.FALSE)).toBe(2);
    expect([at(0), at(1)]).toEqual([[1, 1], [4, 2]]);
  });
});

describe('single-word bit scans', () => {
  it('RtlFindMostSignificantBit / RtlFindLeastSignificantBit return -1 for zero', () => {
    const { k } = bitmap(0, []);
    expect(k.RtlFindMostSignificantBit(0n)).toBe(-1);
    expect(k.RtlFindMostSignificantBit(0x8000000000000001n)).toBe(63);
    expect(k.RtlFindLeastSignificantBit(0x1000000000000000n)).toBe(60);
    expect(k.RtlNumberOfSetBitsUlongPtr(0xf0f0n)).toBe(8);
  });
});

describe('IRQL', () => {
  it('a resident bitmap may be used at DISPATCH_LEVEL; a paged one faults there', () => {
    const { k, header } = bitmap(32, [0]);
    const old = k.alloc('KIRQL');
    k.KeRaiseIrql(k.DISPATCH_LEVEL, old);
    k.RtlSetBits(header, 0, 4);
    expect(k.RtlNumberOfSetBits(header)).toBe(4);
    k.KeLowerIrql(k.read(old, 'KIRQL'));
    const paged = k.alloc(4, { pool: 'PagedPool' });
    const pagedHeader = k.alloc('RTL_BITMAP');
    k.RtlInitializeBitMap(pagedHeader, paged, 32);
    k.KeRaiseIrql(k.DISPATCH_LEVEL, old);
    expect(() => k.RtlSetBits(pagedHeader, 0, 4)).toThrow(expect.objectContaining({ codeName: 'DRIVER_IRQL_NOT_LESS_OR_EQUAL' }));
  });
});
