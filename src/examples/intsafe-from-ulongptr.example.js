// @title Safe integer conversions from ULONG_PTR: a value that fits and, where one exists, one that does not
// @routines RtlULongPtrToChar RtlULongPtrToInt RtlULongPtrToInt8 RtlULongPtrToIntPtr RtlULongPtrToLong RtlULongPtrToLongLong RtlULongPtrToLongPtr RtlULongPtrToShort RtlULongPtrToUChar RtlULongPtrToUInt RtlULongPtrToUInt8 RtlULongPtrToUIntPtr RtlULongPtrToULong RtlULongPtrToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlULongPtrToChar(127n, out), 'CHAR', 'RtlULongPtrToChar(127)'],
  [() => k.RtlULongPtrToChar(128n, out), 'CHAR', 'RtlULongPtrToChar(128)'],
  [() => k.RtlULongPtrToInt(2147483647n, out), 'LONG', 'RtlULongPtrToInt(2147483647)'],
  [() => k.RtlULongPtrToInt(2147483648n, out), 'LONG', 'RtlULongPtrToInt(2147483648)'],
  [() => k.RtlULongPtrToInt8(127n, out), 'CHAR', 'RtlULongPtrToInt8(127)'],
  [() => k.RtlULongPtrToInt8(128n, out), 'CHAR', 'RtlULongPtrToInt8(128)'],
  [() => k.RtlULongPtrToIntPtr(9223372036854775807n, out), 'LONGLONG', 'RtlULongPtrToIntPtr(9223372036854775807)'],
  [() => k.RtlULongPtrToIntPtr(9223372036854775808n, out), 'LONGLONG', 'RtlULongPtrToIntPtr(9223372036854775808)'],
  [() => k.RtlULongPtrToLong(2147483647n, out), 'LONG', 'RtlULongPtrToLong(2147483647)'],
  [() => k.RtlULongPtrToLong(2147483648n, out), 'LONG', 'RtlULongPtrToLong(2147483648)'],
  [() => k.RtlULongPtrToLongLong(9223372036854775807n, out), 'LONGLONG', 'RtlULongPtrToLongLong(9223372036854775807)'],
  [() => k.RtlULongPtrToLongLong(9223372036854775808n, out), 'LONGLONG', 'RtlULongPtrToLongLong(9223372036854775808)'],
  [() => k.RtlULongPtrToLongPtr(9223372036854775807n, out), 'LONGLONG', 'RtlULongPtrToLongPtr(9223372036854775807)'],
  [() => k.RtlULongPtrToLongPtr(9223372036854775808n, out), 'LONGLONG', 'RtlULongPtrToLongPtr(9223372036854775808)'],
  [() => k.RtlULongPtrToShort(32767n, out), 'SHORT', 'RtlULongPtrToShort(32767)'],
  [() => k.RtlULongPtrToShort(32768n, out), 'SHORT', 'RtlULongPtrToShort(32768)'],
  [() => k.RtlULongPtrToUChar(255n, out), 'UCHAR', 'RtlULongPtrToUChar(255)'],
  [() => k.RtlULongPtrToUChar(256n, out), 'UCHAR', 'RtlULongPtrToUChar(256)'],
  [() => k.RtlULongPtrToUInt(4294967295n, out), 'ULONG', 'RtlULongPtrToUInt(4294967295)'],
  [() => k.RtlULongPtrToUInt(4294967296n, out), 'ULONG', 'RtlULongPtrToUInt(4294967296)'],
  [() => k.RtlULongPtrToUInt8(255n, out), 'UCHAR', 'RtlULongPtrToUInt8(255)'],
  [() => k.RtlULongPtrToUInt8(256n, out), 'UCHAR', 'RtlULongPtrToUInt8(256)'],
  [() => k.RtlULongPtrToUIntPtr(18446744073709551615n, out), 'ULONGLONG', 'RtlULongPtrToUIntPtr(18446744073709551615)'],
  [() => k.RtlULongPtrToULong(4294967295n, out), 'ULONG', 'RtlULongPtrToULong(4294967295)'],
  [() => k.RtlULongPtrToULong(4294967296n, out), 'ULONG', 'RtlULongPtrToULong(4294967296)'],
  [() => k.RtlULongPtrToUShort(65535n, out), 'USHORT', 'RtlULongPtrToUShort(65535)'],
  [() => k.RtlULongPtrToUShort(65536n, out), 'USHORT', 'RtlULongPtrToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
