// @title Memory routines: copy, move, fill, compare, unaligned stores, byte swaps
// @routines RtlCopyMemory RtlCopyMemoryNonTemporal RtlMoveMemory RtlFillMemory RtlZeroMemory RtlSecureZeroMemory RtlCompareMemory RtlEqualMemory RtlIsZeroMemory RtlConstantTimeEqualMemory RtlPrefetchMemoryNonTemporal RtlStoreUshort RtlStoreUlong RtlStoreUlonglong RtlStoreUlongPtr RtlRetrieveUshort RtlRetrieveUlong RtlUshortByteSwap RtlUlongByteSwap RtlUlonglongByteSwap RtlFillMemoryNonTemporal
const a = k.alloc(16);
const b = k.alloc(16);
const bytes = (p, n) => Array.from(k.bytes(p, n), (x) => x.toString(16).padStart(2, '0')).join(' ');
k.RtlFillMemory(a, 8, 0x41);
k.RtlZeroMemory(a + 8, 8);
print('filled:', bytes(a, 16));
k.RtlCopyMemory(b, a, 16);
k.RtlCopyMemoryNonTemporal(b + 8, a, 4);
print('copied:', bytes(b, 16));
// RtlMoveMemory copies correctly when the ranges overlap (RtlCopyMemory's may not).
for (let i = 0; i < 8; i++) k.write(a + i, 'UCHAR', i + 1);
k.RtlMoveMemory(a + 2, a, 6);
print('moved up by 2:', bytes(a, 8));
// RtlCompareMemory "returns the number of bytes in the two blocks that match" — a SIZE_T, so a bigint here.
print('RtlCompareMemory(a, b, 16):', k.RtlCompareMemory(a, b, 16));
print('RtlEqualMemory(a + 8, b + 12, 4):', k.RtlEqualMemory(a + 8, b + 12, 4), 'RtlConstantTimeEqualMemory:', k.RtlConstantTimeEqualMemory(a, b, 1));
print('RtlIsZeroMemory(a + 8, 8):', k.RtlIsZeroMemory(a + 8, 8));
print('RtlSecureZeroMemory returns its pointer:', k.RtlSecureZeroMemory(a, 16) === a, 'zero now:', k.RtlIsZeroMemory(a, 16));
k.RtlPrefetchMemoryNonTemporal(b, 16);

// The store and retrieve macros move values to and from unaligned addresses "avoiding alignment faults".
k.RtlStoreUshort(a + 1, 0x1234);
k.RtlStoreUlong(a + 3, 0xdeadbeef);
print('stored at odd addresses:', bytes(a, 8));
k.RtlRetrieveUshort(b, a + 1);
k.RtlRetrieveUlong(b + 4, a + 3);
print('retrieved:', hex(k.read(b, 'USHORT')), hex(k.read(b + 4, 'ULONG')));
k.RtlStoreUlonglong(a + 1, 0x0102030405060708n);
k.RtlStoreUlongPtr(b + 3, 0x1122334455667788n);
print('64-bit stores:', bytes(a, 9), '|', bytes(b, 12));
// The byte swaps return "the byte-swapped version of the Source input parameter value".
print('swaps:', hex(k.RtlUshortByteSwap(0x1234)), hex(k.RtlUlongByteSwap(0x12345678)), hex(k.RtlUlonglongByteSwap(0x0102030405060708n)));
k.RtlFillMemoryNonTemporal(b, 4, 0x5a);
print('non-temporal fill:', bytes(b, 4));
