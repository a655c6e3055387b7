// @title Safe integer conversions from INT_PTR: a value that fits and, where one exists, one that does not
// @routines RtlIntPtrToChar RtlIntPtrToInt RtlIntPtrToInt8 RtlIntPtrToLong RtlIntPtrToLongPtr RtlIntPtrToShort RtlIntPtrToUChar RtlIntPtrToUInt RtlIntPtrToUInt8 RtlIntPtrToUIntPtr RtlIntPtrToULong RtlIntPtrToULongLong RtlIntPtrToULongPtr RtlIntPtrToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlIntPtrToChar(127n, out), 'CHAR', 'RtlIntPtrToChar(127)'],
  [() => k.RtlIntPtrToChar(128n, out), 'CHAR', 'RtlIntPtrToChar(128)'],
  [() => k.RtlIntPtrToInt(2147483647n, out), 'LONG', 'RtlIntPtrToInt(2147483647)'],
  [() => k.RtlIntPtrToInt(2147483648n, out), 'LONG', 'RtlIntPtrToInt(2147483648)'],
  [() => k.RtlIntPtrToInt8(127n, out), 'CHAR', 'RtlIntPtrToInt8(127)'],
  [() => k.RtlIntPtrToInt8(128n, out), 'CHAR', 'RtlIntPtrToInt8(128)'],
  [() => k.RtlIntPtrToLong(2147483647n, out), 'LONG', 'RtlIntPtrToLong(2147483647)'],
  [() => k.RtlIntPtrToLong(2147483648n, out), 'LONG', 'RtlIntPtrToLong(2147483648)'],
  [() => k.RtlIntPtrToLongPtr(9223372036854775807n, out), 'LONGLONG', 'RtlIntPtrToLongPtr(9223372036854775807)'],
  [() => k.RtlIntPtrToShort(32767n, out), 'SHORT', 'RtlIntPtrToShort(32767)'],
  [() => k.RtlIntPtrToShort(32768n, out), 'SHORT', 'RtlIntPtrToShort(32768)'],
  [() => k.RtlIntPtrToUChar(255n, out), 'UCHAR', 'RtlIntPtrToUChar(255)'],
  [() => k.RtlIntPtrToUChar(256n, out), 'UCHAR', 'RtlIntPtrToUChar(256)'],
  [() => k.RtlIntPtrToUInt(4294967295n, out), 'ULONG', 'RtlIntPtrToUInt(4294967295)'],
  [() => k.RtlIntPtrToUInt(4294967296n, out), 'ULONG', 'RtlIntPtrToUInt(4294967296)'],
  [() => k.RtlIntPtrToUInt8(255n, out), 'UCHAR', 'RtlIntPtrToUInt8(255)'],
  [() => k.RtlIntPtrToUInt8(256n, out), 'UCHAR', 'RtlIntPtrToUInt8(256)'],
  [() => k.RtlIntPtrToUIntPtr(9223372036854775807n, out), 'ULONGLONG', 'RtlIntPtrToUIntPtr(9223372036854775807)'],
  [() => k.RtlIntPtrToUIntPtr(-1n, out), 'ULONGLONG', 'RtlIntPtrToUIntPtr(-1)'],
  [() => k.RtlIntPtrToULong(4294967295n, out), 'ULONG', 'RtlIntPtrToULong(4294967295)'],
  [() => k.RtlIntPtrToULong(4294967296n, out), 'ULONG', 'RtlIntPtrToULong(4294967296)'],
  [() => k.RtlIntPtrToULongLong(9223372036854775807n, out), 'ULONGLONG', 'RtlIntPtrToULongLong(9223372036854775807)'],
  [() => k.RtlIntPtrToULongLong(-1n, out), 'ULONGLONG', 'RtlIntPtrToULongLong(-1)'],
  [() => k.RtlIntPtrToULongPtr(9223372036854775807n, out), 'ULONGLONG', 'RtlIntPtrToULongPtr(9223372036854775807)'],
  [() => k.RtlIntPtrToULongPtr(-1n, out), 'ULONGLONG', 'RtlIntPtrToULongPtr(-1)'],
  [() => k.RtlIntPtrToUShort(65535n, out), 'USHORT', 'RtlIntPtrToUShort(65535)'],
  [() => k.RtlIntPtrToUShort(65536n, out), 'USHORT', 'RtlIntPtrToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
