// @title RTL_BITMAP: allocating slots from a 64-bit bitmap
// @routines RtlInitializeBitMap RtlClearAllBits RtlSetAllBits RtlSetBit RtlClearBit RtlSetBits RtlClearBits RtlTestBit RtlCheckBit RtlAreBitsSet RtlAreBitsClear RtlNumberOfSetBits RtlNumberOfClearBits RtlFindClearBits RtlFindSetBits RtlFindClearBitsAndSet RtlFindSetBitsAndClear
// @structures RTL_BITMAP
// The bitmap's buffer is caller storage: "The base address of this buffer must be ULONG-aligned. The size of
// the allocated buffer must be an integer multiple of sizeof(ULONG)."
const buffer = k.alloc(8);
const header = k.alloc('RTL_BITMAP');
k.RtlInitializeBitMap(header, buffer, 64);
k.RtlClearAllBits(header);
const words = () => `${hex(k.read(buffer, 'ULONG'))} ${hex(k.read(buffer + 4, 'ULONG'))}`;

k.RtlSetBits(header, 4, 8);
k.RtlSetBit(header, 40);
print('after RtlSetBits(4, 8) and RtlSetBit(40):', words());
// RtlTestBit "returns the value of the bit"; RtlCheckBit "returns zero if the given bit is clear, or one if
// the given bit is set".
print('RtlTestBit(40):', k.RtlTestBit(header, 40), 'RtlCheckBit(41):', k.RtlCheckBit(header, 41));
// RtlAreBitsSet returns FALSE "if any bit in the given range is clear … or if the given Length is zero".
print('RtlAreBitsSet(4, 8):', k.RtlAreBitsSet(header, 4, 8), 'RtlAreBitsSet(4, 9):', k.RtlAreBitsSet(header, 4, 9),
  'RtlAreBitsSet(4, 0):', k.RtlAreBitsSet(header, 4, 0));
print('RtlAreBitsClear(12, 28):', k.RtlAreBitsClear(header, 12, 28));
print('set:', k.RtlNumberOfSetBits(header), 'clear:', k.RtlNumberOfClearBits(header));

// RtlFindClearBits returns "the zero-based starting bit index for a clear bit range of at least the
// requested size, or … 0xFFFFFFFF if it cannot find such a range". Bits 12-39 are the longest clear range.
print('RtlFindClearBits(4, hint 0):', k.RtlFindClearBits(header, 4, 0));
print('RtlFindClearBits(28, hint 0):', k.RtlFindClearBits(header, 28, 0));
print('RtlFindClearBits(40, hint 0):', hex(k.RtlFindClearBits(header, 40, 0)));
// "If a matching range is not found between the hint index and the end of the bitmap, RtlFindClearBits
// continues searching from the beginning of the bitmap back to the hint index."
print('RtlFindClearBits(3, hint 60):', k.RtlFindClearBits(header, 3, 60));
print('RtlFindSetBits(2, hint 6):', k.RtlFindSetBits(header, 2, 6));

// The AndSet / AndClear forms claim what they find.
const slot = k.RtlFindClearBitsAndSet(header, 16, 0);
print('RtlFindClearBitsAndSet(16) ->', slot, words());
print('RtlFindSetBitsAndClear(8, hint 0) ->', k.RtlFindSetBitsAndClear(header, 8, 0), words());
k.RtlClearBit(header, 40);
k.RtlClearBits(header, slot, 16);
print('after releasing:', words());
k.RtlSetAllBits(header);
print('after RtlSetAllBits:', words(), 'RtlFindClearBits(1):', hex(k.RtlFindClearBits(header, 1, 0)));
