/**
 * Memory routines and macros of wdm.h: RtlCopyMemory, RtlMoveMemory, RtlFillMemory, RtlZeroMemory,
 * RtlSecureZeroMemory, RtlCompareMemory, RtlEqualMemory, RtlIsZeroMemory, RtlConstantTimeEqualMemory,
 * RtlStore…/RtlRetrieve… (unaligned stores and loads), the byte swaps, the page macros (BYTE_OFFSET,
 * PAGE_ALIGN, BYTES_TO_PAGES, ROUND_TO_PAGES, ADDRESS_AND_SIZE_TO_SPAN_PAGES), ARGUMENT_PRESENT and the
 * LARGE_INTEGER / LUID conversions.
 *
 * Every byte goes through emulated memory, so a length that runs past the end of a buffer bug checks as
 * special pool would (DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION) rather than corrupting a neighbour.
 * SIZE_T and ULONG_PTR results are bigint (x64); page counts and offsets (ULONG) and addresses are numbers.
 */
import { defineModule } from './module.ts';

const PAGE_SIZE = 4096;
const PAGE_SHIFT = 12;

function size(value: unknown, routine: string): number {
  if (typeof value === 'bigint') {
    if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${routine}: Length ${value} is not a usable SIZE_T`);
    return Number(value);
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new TypeError(`${routine}: Length must be a SIZE_T (non-negative integer or bigint), got ${String(value)}`);
}

function address(value: unknown): bigint {
  return typeof value === 'bigint' ? value : BigInt(Number(value));
}

export default defineModule({
  name: 'rtl-memory',
  layouts: {
    LUID: [['LowPart', 'ULONG'], ['HighPart', 'LONG']],
  },
  constants: { PAGE_SHIFT },
  routines: (sys) => {
    const bytes = (at: number, length: number) => sys.mem.readBytes(at, length);
    const move = (Destination: number, Source: number, Length: unknown, routine: string) => {
      const n = size(Length, routine);
      if (n > 0) sys.mem.writeBytes(Destination, bytes(Source, n));
    };
    const fill = (Destination: number, Length: unknown, value: number, routine: string) => {
      const n = size(Length, routine);
      if (n > 0) sys.mem.fill(Destination, n, value);
    };
    const matching = (a: number, b: number, n: number) => {
      if (n === 0) return 0;
      const x = bytes(a, n);
      const y = bytes(b, n);
      let i = 0;
      while (i < n && x[i] === y[i]) i++;
      return i;
    };
    const swap = (value: bigint, width: number) => {
      let out = 0n;
      for (let i = 0; i < width; i++) out = (out << 8n) | ((value >> BigInt(8 * i)) & 0xffn);
      return out;
    };

    return {
      RtlCopyMemory(Destination: number, Source: number, Length: unknown) { move(Destination, Source, Length, 'RtlCopyMemory'); },
      RtlCopyMemoryNonTemporal(Destination: number, Source: number, Length: unknown) { move(Destination, Source, Length, 'RtlCopyMemoryNonTemporal'); },
      RtlMoveMemory(Destination: number, Source: number, Length: unknown) { move(Destination, Source, Length, 'RtlMoveMemory'); },
      RtlFillMemory(Destination: number, Length: unknown, Fill: number) { fill(Destination, Length, Fill, 'RtlFillMemory'); },
      RtlZeroMemory(Destination: number, Length: unknown) { fill(Destination, Length, 0, 'RtlZeroMemory'); },
      RtlFillMemoryNonTemporal(Destination: number, Length: unknown, Value: number) { fill(Destination, Length, Value, 'RtlFillMemoryNonTemporal'); },
      RtlSecureZeroMemory(Ptr: number, cnt: unknown) { fill(Ptr, cnt, 0, 'RtlSecureZeroMemory'); return Ptr; },
      RtlPrefetchMemoryNonTemporal(Source: number, Length: unknown) { size(Length, 'RtlPrefetchMemoryNonTemporal'); void Source; },
      /** Returns the number of bytes that match before the first difference (SIZE_T: bigint). */
      RtlCompareMemory: (Source1: number, Source2: number, Length: unknown) =>
        BigInt(matching(Source1, Source2, size(Length, 'RtlCompareMemory'))),
      RtlEqualMemory(Destination: number, Source: number, Length: unknown) {
        const n = size(Length, 'RtlEqualMemory');
        return matching(Destination, Source, n) === n ? 1 : 0;
      },
      RtlConstantTimeEqualMemory(v1: number, v2: number, len: unknown) {
        const n = size(len, 'RtlConstantTimeEqualMemory');
        // Every byte is read whatever the first difference, as the routine's constant time requires.
        let difference = 0;
        const x = n ? bytes(v1, n) : new Uint8Array(0);
        const y = n ? bytes(v2, n) : new Uint8Array(0);
        for (let i = 0; i < n; i++) difference |= x[i]! ^ y[i]!;
        return difference === 0 ? 1 : 0;
      },
      RtlIsZeroMemory(Buffer: number, Length: unknown) {
        const n = size(Length, 'RtlIsZeroMemory');
        return n === 0 || bytes(Buffer, n).every((b) => b === 0) ? 1 : 0;
      },

      // Unaligned stores and loads: the macros move the value a byte at a time.
      RtlStoreUshort(ADDRESS: number, VALUE: number) { sys.mem.writeBytes(ADDRESS, Uint8Array.of(VALUE & 0xff, (VALUE >>> 8) & 0xff)); },
      RtlStoreUlong(ADDRESS: number, VALUE: number) { sys.mem.write(ADDRESS, 'ULONG', VALUE); },
      RtlStoreUlonglong(ADDRESS: number, VALUE: bigint | number) { sys.mem.write(ADDRESS, 'ULONGLONG', BigInt(VALUE)); },
      RtlStoreUlongPtr(ADDRESS: number, VALUE: bigint | number) { sys.mem.write(ADDRESS, 'ULONG_PTR', BigInt(VALUE)); },
      RtlRetrieveUshort(DEST_ADDRESS: number, SRC_ADDRESS: number) { sys.mem.writeBytes(DEST_ADDRESS, bytes(SRC_ADDRESS, 2)); },
      RtlRetrieveUlong(DEST_ADDRESS: number, SRC_ADDRESS: number) { sys.mem.writeBytes(DEST_ADDRESS, bytes(SRC_ADDRESS, 4)); },
      RtlUshortByteSwap: (Source: number) => Number(swap(BigInt(Source & 0xffff), 2)),
      RtlUlongByteSwap: (Source: number) => Number(swap(BigInt(Source >>> 0), 4)),
      RtlUlonglongByteSwap: (Source: bigint | number) => swap(BigInt.asUintN(64, BigInt(Source)), 8),

      BYTE_OFFSET: (Va: number | bigint) => Number(address(Va) & BigInt(PAGE_SIZE - 1)),
      PAGE_ALIGN: (Va: number | bigint) => Number(address(Va) & ~BigInt(PAGE_SIZE - 1)),
      BYTES_TO_PAGES: (Size: number | bigint) => Number(BigInt.asUintN(32, (address(Size) >> BigInt(PAGE_SHIFT))
        + ((address(Size) & BigInt(PAGE_SIZE - 1)) !== 0n ? 1n : 0n))),
      /** "returns a ULONG_PTR": a bigint, as every pointer-sized integer here. */
      ROUND_TO_PAGES: (Size: number | bigint) => BigInt.asUintN(64, (address(Size) + BigInt(PAGE_SIZE - 1)) & ~BigInt(PAGE_SIZE - 1)),
      ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va: number | bigint, Size: number | bigint) {
        const offset = address(Va) & BigInt(PAGE_SIZE - 1);
        return Number((offset + address(Size) + BigInt(PAGE_SIZE - 1)) >> BigInt(PAGE_SHIFT));
      },
      ARGUMENT_PRESENT: (ArgumentPointer: number | null | undefined) => (ArgumentPointer ? 1 : 0),

      RtlConvertLongToLargeInteger: (SignedInteger: number) => BigInt(SignedInteger | 0),
      RtlConvertUlongToLargeInteger: (UnsignedInteger: number) => BigInt(UnsignedInteger >>> 0),
      /** LUID by value as one 64-bit quantity: HighPart in the upper 32 bits, LowPart in the lower. */
      RtlConvertLongToLuid: (Long: number) => BigInt.asUintN(64, BigInt(Long | 0)),
      RtlConvertUlongToLuid: (Ulong: number) => BigInt(Ulong >>> 0),
      /** The LUID macros compare through pointers: both parts equal, or both parts zero. */
      RtlEqualLuid: (L1: number, L2: number) =>
        (sys.get(L1, 'LUID', 'LowPart') === sys.get(L2, 'LUID', 'LowPart') && sys.get(L1, 'LUID', 'HighPart') === sys.get(L2, 'LUID', 'HighPart') ? 1 : 0),
      RtlIsZeroLuid: (L1: number) => (sys.get(L1, 'LUID', 'LowPart') === 0 && sys.get(L1, 'LUID', 'HighPart') === 0 ? 1 : 0),
    };
  },
});
