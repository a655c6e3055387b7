// @title Safe integer conversions from UINT_PTR: a value that fits and, where one exists, one that does not
// @routines RtlUIntPtrToChar RtlUIntPtrToInt RtlUIntPtrToInt16 RtlUIntPtrToInt8 RtlUIntPtrToIntPtr RtlUIntPtrToLong RtlUIntPtrToLongLong RtlUIntPtrToLongPtr RtlUIntPtrToShort RtlUIntPtrToUChar RtlUIntPtrToUInt RtlUIntPtrToUInt16 RtlUIntPtrToUInt8 RtlUIntPtrToULong RtlUIntPtrToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlUIntPtrToChar(127n, out), 'CHAR', 'RtlUIntPtrToChar(127)'],
  [() => k.RtlUIntPtrToChar(128n, out), 'CHAR', 'RtlUIntPtrToChar(128)'],
  [() => k.RtlUIntPtrToInt(2147483647n, out), 'LONG', 'RtlUIntPtrToInt(2147483647)'],
  [() => k.RtlUIntPtrToInt(2147483648n, out), 'LONG', 'RtlUIntPtrToInt(2147483648)'],
  [() => k.RtlUIntPtrToInt16(32767n, out), 'SHORT', 'RtlUIntPtrToInt16(32767)'],
  [() => k.RtlUIntPtrToInt16(32768n, out), 'SHORT', 'RtlUIntPtrToInt16(32768)'],
  [() => k.RtlUIntPtrToInt8(127n, out), 'CHAR', 'RtlUIntPtrToInt8(127)'],
  [() => k.RtlUIntPtrToInt8(128n, out), 'CHAR', 'RtlUIntPtrToInt8(128)'],
  [() => k.RtlUIntPtrToIntPtr(9223372036854775807n, out), 'LONGLONG', 'RtlUIntPtrToIntPtr(9223372036854775807)'],
  [() => k.RtlUIntPtrToIntPtr(9223372036854775808n, out), 'LONGLONG', 'RtlUIntPtrToIntPtr(9223372036854775808)'],
  [() => k.RtlUIntPtrToLong(2147483647n, out), 'LONG', 'RtlUIntPtrToLong(2147483647)'],
  [() => k.RtlUIntPtrToLong(2147483648n, out), 'LONG', 'RtlUIntPtrToLong(2147483648)'],
  [() => k.RtlUIntPtrToLongLong(9223372036854775807n, out), 'LONGLONG', 'RtlUIntPtrToLongLong(9223372036854775807)'],
  [() => k.RtlUIntPtrToLongLong(9223372036854775808n, out), 'LONGLONG', 'RtlUIntPtrToLongLong(9223372036854775808)'],
  [() => k.RtlUIntPtrToLongPtr(9223372036854775807n, out), 'LONGLONG', 'RtlUIntPtrToLongPtr(9223372036854775807)'],
  [() => k.RtlUIntPtrToLongPtr(9223372036854775808n, out), 'LONGLONG', 'RtlUIntPtrToLongPtr(9223372036854775808)'],
  [() => k.RtlUIntPtrToShort(32767n, out), 'SHORT', 'RtlUIntPtrToShort(32767)'],
  [() => k.RtlUIntPtrToShort(32768n, out), 'SHORT', 'RtlUIntPtrToShort(32768)'],
  [() => k.RtlUIntPtrToUChar(255n, out), 'UCHAR', 'RtlUIntPtrToUChar(255)'],
  [() => k.RtlUIntPtrToUChar(256n, out), 'UCHAR', 'RtlUIntPtrToUChar(256)'],
  [() => k.RtlUIntPtrToUInt(4294967295n, out), 'ULONG', 'RtlUIntPtrToUInt(4294967295)'],
  [() => k.RtlUIntPtrToUInt(4294967296n, out), 'ULONG', 'RtlUIntPtrToUInt(4294967296)'],
  [() => k.RtlUIntPtrToUInt16(65535n, out), 'USHORT', 'RtlUIntPtrToUInt16(65535)'],
  [() => k.RtlUIntPtrToUInt16(65536n, out), 'USHORT', 'RtlUIntPtrToUInt16(65536)'],
  [() => k.RtlUIntPtrToUInt8(255n, out), 'UCHAR', 'RtlUIntPtrToUInt8(255)'],
  [() => k.RtlUIntPtrToUInt8(256n, out), 'UCHAR', 'RtlUIntPtrToUInt8(256)'],
  [() => k.RtlUIntPtrToULong(4294967295n, out), 'ULONG', 'RtlUIntPtrToULong(4294967295)'],
  [() => k.RtlUIntPtrToULong(4294967296n, out), 'ULONG', 'RtlUIntPtrToULong(4294967296)'],
  [() => k.RtlUIntPtrToUShort(65535n, out), 'USHORT', 'RtlUIntPtrToUShort(65535)'],
  [() => k.RtlUIntPtrToUShort(65536n, out), 'USHORT', 'RtlUIntPtrToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
