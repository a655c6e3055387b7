/**
 * RTL_BITMAP: a caller-owned buffer of bits described by a header (`SizeOfBitMap`, `Buffer`), and the Rtl
 * routines that set, clear, test, count and search it (content/ddi/wdm/nf-wdm-rtl*bit*.md).
 *
 * Bits live in the caller's buffer in emulated memory (bit n is bit n%32 of ULONG n/32, so byte n/8 bit
 * n%8 on little-endian x64), so a driver that reads the buffer directly sees what Windows would leave.
 * Searches follow the behaviour Windows shows in public conformance tests: a search for zero bits
 * returns the hint rounded down to a byte boundary (0 when the hint is outside the bitmap), a hint
 * outside the bitmap starts at 0, and a search that finds nothing from the hint to the end wraps to
 * the start.
 */
import { defineModule, type Sys } from './module.ts';

const NOT_FOUND = 0xffffffff;

/** A bitmap header read out of emulated memory, with its bits loaded for one operation. */
class Bits {
  readonly size: number;
  readonly buffer: number;
  private bytes: Uint8Array;
  private dirty = false;

  constructor(private readonly sys: Sys, header: number) {
    this.size = Number(sys.get(header, 'RTL_BITMAP', 'SizeOfBitMap'));
    this.buffer = Number(sys.get(header, 'RTL_BITMAP', 'Buffer'));
    // Windows reads the buffer a ULONG at a time; a buffer shorter than its header says faults here.
    const length = Math.ceil(this.size / 32) * 4;
    this.bytes = length === 0 ? new Uint8Array(0) : sys.mem.readBytes(this.buffer, length);
  }

  /**
   * Makes bits below `end` addressable. The set and clear routines do not check their range against
   * SizeOfBitMap (Windows writes wherever StartingIndex points, as conformance tests observe), so they
   * reach past the bitmap's size into the rest of the caller's buffer — and fault past its end.
   */
  reach(end: number): void {
    const need = Math.ceil(end / 32) * 4;
    if (need <= this.bytes.length) return;
    const more = this.sys.mem.readBytes(this.buffer + this.bytes.length, need - this.bytes.length);
    const grown = new Uint8Array(need);
    grown.set(this.bytes);
    grown.set(more, this.bytes.length);
    this.bytes = grown;
  }

  get(bit: number): boolean {
    return ((this.bytes[bit >>> 3]! >>> (bit & 7)) & 1) === 1;
  }

  put(bit: number, value: boolean): void {
    const mask = 1 << (bit & 7);
    const i = bit >>> 3;
    this.bytes[i] = value ? this.bytes[i]! | mask : this.bytes[i]! & ~mask;
    this.dirty = true;
  }

  putRange(start: number, count: number, value: boolean): void {
    for (let bit = start; bit < start + count; bit++) this.put(bit, value);
  }

  allEqual(start: number, count: number, value: boolean): boolean {
    for (let bit = start; bit < start + count; bit++) if (this.get(bit) !== value) return false;
    return true;
  }

  count(value: boolean): number {
    let n = 0;
    for (let bit = 0; bit < this.size; bit++) if (this.get(bit) === value) n++;
    return n;
  }

  /** Length of the run of `value` bits starting at `start` (0 when `start` is outside or differs). */
  runLength(start: number, value: boolean): number {
    let bit = start;
    while (bit < this.size && this.get(bit) === value) bit++;
    return bit - start;
  }

  /** All maximal runs of `value` in order. */
  runs(value: boolean): { start: number; length: number }[] {
    const out: { start: number; length: number }[] = [];
    let bit = 0;
    while (bit < this.size) {
      if (this.get(bit) !== value) { bit++; continue; }
      const length = this.runLength(bit, value);
      out.push({ start: bit, length });
      bit += length;
    }
    return out;
  }

  /** First index >= from and < before at which `count` bits equal `value`, or -1. */
  findFrom(from: number, before: number, count: number, value: boolean): number {
    for (let start = from; start < before && start + count <= this.size; start++) {
      if (this.allEqual(start, count, value)) return start;
    }
    return -1;
  }

  /** RtlFindClearBits / RtlFindSetBits: hint first, then wrap to the start. */
  find(count: number, hint: number, value: boolean): number {
    if (count === 0) return hint < this.size ? hint & ~7 : 0;
    if (count > this.size) return NOT_FOUND;
    const from = hint < this.size ? hint : 0;
    const atHint = this.findFrom(from, this.size, count, value);
    if (atHint >= 0) return atHint;
    const wrapped = this.findFrom(0, from, count, value);
    return wrapped >= 0 ? wrapped : NOT_FOUND;
  }

  commit(): void {
    if (this.dirty && this.bytes.length > 0) this.sys.mem.writeBytes(this.buffer, this.bytes);
    this.dirty = false;
  }
}

function ulong(value: unknown, routine: string, name: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value >>> 0;
  if (typeof value === 'bigint') return Number(BigInt.asUintN(32, value));
  throw new TypeError(`${routine}: ${name} must be a ULONG, got ${String(value)}`);
}

/**
 * The catalog reduces these routines' rule to "<= APC_LEVEL", but their remarks allow any IRQL when the
 * bitmap and its header are resident. Emulated memory enforces the real rule: touching paged memory at
 * DISPATCH_LEVEL or above faults.
 */
const RESIDENT_ANY_IRQL = ['RtlSetBit', 'RtlClearBit', 'RtlSetBits', 'RtlClearBits', 'RtlSetAllBits', 'RtlClearAllBits',
  'RtlTestBit', 'RtlCheckBit', 'RtlAreBitsSet', 'RtlAreBitsClear', 'RtlFindClearBits', 'RtlFindSetBits',
  'RtlFindClearBitsAndSet', 'RtlFindSetBitsAndClear', 'RtlNumberOfSetBits', 'RtlNumberOfClearBits', 'RtlFindFirstRunClear',
  'RtlFindNextForwardRunClear', 'RtlFindLastBackwardRunClear', 'RtlFindLongestRunClear', 'RtlFindClearRuns'];

export default defineModule({
  name: 'rtl-bitmap',
  ownIrqlCheck: RESIDENT_ANY_IRQL,
  layouts: {
    RTL_BITMAP: [['SizeOfBitMap', 'ULONG'], ['Buffer', 'PULONG']],
    RTL_BITMAP_RUN: [['StartingIndex', 'ULONG'], ['NumberOfBits', 'ULONG']],
  },
  routines: (sys) => {
    const open = (header: number) => new Bits(sys, header);
    const setRange = (routine: string, value: boolean) => (header: number, start: unknown, count: unknown) => {
      const bits = open(header);
      const s = ulong(start, routine, 'StartingIndex');
      const n = ulong(count, routine, value ? 'NumberToSet' : 'NumberToClear');
      if (n === 0) return;
      bits.reach(s + n);
      bits.putRange(s, n, value);
      bits.commit();
    };
    const setOne = (routine: string, value: boolean) => (header: number, bit: unknown) => {
      const bits = open(header);
      const b = ulong(bit, routine, 'BitNumber');
      bits.reach(b + 1);
      bits.put(b, value);
      bits.commit();
    };
    const setAll = (value: boolean) => (header: number) => {
      const bits = open(header);
      bits.putRange(0, bits.size, value);
      bits.commit();
    };
    const test = (routine: string) => (header: number, bit: unknown) => {
      const bits = open(header);
      const b = ulong(bit, routine, 'BitNumber');
      bits.reach(b + 1);
      return bits.get(b) ? 1 : 0;
    };
    const areBits = (routine: string, value: boolean) => (header: number, start: unknown, length: unknown) => {
      const bits = open(header);
      const s = ulong(start, routine, 'StartingIndex');
      const n = ulong(length, routine, 'Length');
      // "FALSE … if the given range is not a proper subset of the bitmap, or if the given Length is zero."
      if (n === 0 || s >= bits.size || n > bits.size - s) return 0;
      return bits.allEqual(s, n, value) ? 1 : 0;
    };
    const find = (routine: string, value: boolean, flip: boolean) => (header: number, count: unknown, hint: unknown) => {
      const bits = open(header);
      const n = ulong(count, routine, 'NumberToFind');
      const at = bits.find(n, ulong(hint, routine, 'HintIndex'), value);
      if (flip && at !== NOT_FOUND && n > 0) {
        bits.putRange(at, n, !value);
        bits.commit();
      }
      return at;
    };
    const out = (address: number, value: number) => { if (address) sys.mem.write(address, 'ULONG', value); };
    const nextForward = (bits: Bits, from: number, startOut: number) => {
      // Skip the set bits before the run, then measure the clear run; past the end both are empty.
      const start = from >= bits.size ? from : from + bits.runLength(from, true);
      out(startOut, start);
      return start >= bits.size ? 0 : bits.runLength(start, false);
    };

    return {
      RtlInitializeBitMap(BitMapHeader: number, BitMapBuffer: number, SizeOfBitMap: unknown) {
        const size = ulong(SizeOfBitMap, 'RtlInitializeBitMap', 'SizeOfBitMap');
        if (BitMapBuffer % 4 !== 0) {
          sys.ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0, BitMapBuffer, size, 0],
            'RtlInitializeBitMap: "The base address of this buffer must be ULONG-aligned"; '
            + `0x${BitMapBuffer.toString(16)} is not.`, 'RtlInitializeBitMap');
        }
        sys.set(BitMapHeader, 'RTL_BITMAP', 'SizeOfBitMap', size);
        sys.set(BitMapHeader, 'RTL_BITMAP', 'Buffer', BitMapBuffer);
      },
      RtlSetBit: setOne('RtlSetBit', true),
      RtlClearBit: setOne('RtlClearBit', false),
      RtlSetBits: setRange('RtlSetBits', true),
      RtlClearBits: setRange('RtlClearBits', false),
      RtlSetAllBits: setAll(true),
      RtlClearAllBits: setAll(false),
      RtlTestBit: test('RtlTestBit'),
      RtlCheckBit: test('RtlCheckBit'),
      RtlAreBitsSet: areBits('RtlAreBitsSet', true),
      RtlAreBitsClear: areBits('RtlAreBitsClear', false),
      RtlFindClearBits: find('RtlFindClearBits', false, false),
      RtlFindSetBits: find('RtlFindSetBits', true, false),
      RtlFindClearBitsAndSet: find('RtlFindClearBitsAndSet', false, true),
      RtlFindSetBitsAndClear: find('RtlFindSetBitsAndClear', true, true),
      RtlNumberOfSetBits: (BitMapHeader: number) => open(BitMapHeader).count(true),
      RtlNumberOfClearBits: (BitMapHeader: number) => open(BitMapHeader).count(false),
      RtlFindFirstRunClear: (BitMapHeader: number, StartingIndex: number) => nextForward(open(BitMapHeader), 0, StartingIndex),
      RtlFindNextForwardRunClear: (BitMapHeader: number, FromIndex: unknown, StartingRunIndex: number) =>
        nextForward(open(BitMapHeader), ulong(FromIndex, 'RtlFindNextForwardRunClear', 'FromIndex'), StartingRunIndex),
      RtlFindLastBackwardRunClear(BitMapHeader: number, FromIndex: unknown, StartingRunIndex: number) {
        const bits = open(BitMapHeader);
        let bit = Math.min(ulong(FromIndex, 'RtlFindLastBackwardRunClear', 'FromIndex'), bits.size - 1);
        while (bit >= 0 && bits.get(bit)) bit--;
        if (bit < 0) { out(StartingRunIndex, 0); return 0; }
        const end = bit;
        while (bit >= 0 && !bits.get(bit)) bit--;
        out(StartingRunIndex, bit + 1);
        return end - bit;
      },
      RtlFindLongestRunClear(BitMapHeader: number, StartingIndex: number) {
        const runs = open(BitMapHeader).runs(false);
        let best = { start: 0, length: 0 };
        for (const run of runs) if (run.length > best.length) best = run;
        out(StartingIndex, best.start);
        return best.length;
      },
      RtlFindClearRuns(BitMapHeader: number, RunArray: number, SizeOfRunArray: unknown, LocateLongestRuns: unknown) {
        const max = ulong(SizeOfRunArray, 'RtlFindClearRuns', 'SizeOfRunArray');
        let runs = open(BitMapHeader).runs(false);
        // "sorted from longest to shortest"; equal lengths keep their order in the bitmap.
        if (LocateLongestRuns) runs = runs.map((r, i) => ({ ...r, i })).sort((a, b) => b.length - a.length || a.i - b.i);
        runs = runs.slice(0, max);
        const size = sys.layouts.get('RTL_BITMAP_RUN').size;
        runs.forEach((run, i) => {
          sys.set(RunArray + i * size, 'RTL_BITMAP_RUN', 'StartingIndex', run.start);
          sys.set(RunArray + i * size, 'RTL_BITMAP_RUN', 'NumberOfBits', run.length);
        });
        return runs.length;
      },
      RtlFindMostSignificantBit(Set: unknown) {
        const value = BigInt.asUintN(64, typeof Set === 'bigint' ? Set : BigInt(Number(Set)));
        return value === 0n ? -1 : value.toString(2).length - 1;
      },
      RtlFindLeastSignificantBit(Set: unknown) {
        const value = BigInt.asUintN(64, typeof Set === 'bigint' ? Set : BigInt(Number(Set)));
        if (value === 0n) return -1;
        let bit = 0;
        while (((value >> BigInt(bit)) & 1n) === 0n) bit++;
        return bit;
      },
      RtlNumberOfSetBitsUlongPtr(Target: unknown) {
        const value = BigInt.asUintN(64, typeof Target === 'bigint' ? Target : BigInt(Number(Target)));
        return [...value.toString(2)].filter((c) => c === '1').length;
      },
    };
  },
});
