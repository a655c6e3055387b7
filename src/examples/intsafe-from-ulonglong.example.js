// @title Safe integer conversions from ULONGLONG: a value that fits and, where one exists, one that does not
// @routines RtlULongLongToChar RtlULongLongToInt RtlULongLongToInt8 RtlULongLongToLong RtlULongLongToLongLong RtlULongLongToLongPtr RtlULongLongToShort RtlULongLongToUChar RtlULongLongToUInt RtlULongLongToUInt8 RtlULongLongToUIntPtr RtlULongLongToULong RtlULongLongToULongPtr RtlULongLongToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlULongLongToChar(127n, out), 'CHAR', 'RtlULongLongToChar(127)'],
  [() => k.RtlULongLongToChar(128n, out), 'CHAR', 'RtlULongLongToChar(128)'],
  [() => k.RtlULongLongToInt(2147483647n, out), 'LONG', 'RtlULongLongToInt(2147483647)'],
  [() => k.RtlULongLongToInt(2147483648n, out), 'LONG', 'RtlULongLongToInt(2147483648)'],
  [() => k.RtlULongLongToInt8(127n, out), 'CHAR', 'RtlULongLongToInt8(127)'],
  [() => k.RtlULongLongToInt8(128n, out), 'CHAR', 'RtlULongLongToInt8(128)'],
  [() => k.RtlULongLongToLong(2147483647n, out), 'LONG', 'RtlULongLongToLong(2147483647)'],
  [() => k.RtlULongLongToLong(2147483648n, out), 'LONG', 'RtlULongLongToLong(2147483648)'],
  [() => k.RtlULongLongToLongLong(9223372036854775807n, out), 'LONGLONG', 'RtlULongLongToLongLong(9223372036854775807)'],
  [() => k.RtlULongLongToLongLong(9223372036854775808n, out), 'LONGLONG', 'RtlULongLongToLongLong(9223372036854775808)'],
  [() => k.RtlULongLongToLongPtr(9223372036854775807n, out), 'LONGLONG', 'RtlULongLongToLongPtr(9223372036854775807)'],
  [() => k.RtlULongLongToLongPtr(9223372036854775808n, out), 'LONGLONG', 'RtlULongLongToLongPtr(9223372036854775808)'],
  [() => k.RtlULongLongToShort(32767n, out), 'SHORT', 'RtlULongLongToShort(32767)'],
  [() => k.RtlULongLongToShort(32768n, out), 'SHORT', 'RtlULongLongToShort(32768)'],
  [() => k.RtlULongLongToUChar(255n, out), 'UCHAR', 'RtlULongLongToUChar(255)'],
  [() => k.RtlULongLongToUChar(256n, out), 'UCHAR', 'RtlULongLongToUChar(256)'],
  [() => k.RtlULongLongToUInt(4294967295n, out), 'ULONG', 'RtlULongLongToUInt(4294967295)'],
  [() => k.RtlULongLongToUInt(4294967296n, out), 'ULONG', 'RtlULongLongToUInt(4294967296)'],
  [() => k.RtlULongLongToUInt8(255n, out), 'UCHAR', 'RtlULongLongToUInt8(255)'],
  [() => k.RtlULongLongToUInt8(256n, out), 'UCHAR', 'RtlULongLongToUInt8(256)'],
  [() => k.RtlULongLongToUIntPtr(18446744073709551615n, out), 'ULONGLONG', 'RtlULongLongToUIntPtr(18446744073709551615)'],
  [() => k.RtlULongLongToULong(4294967295n, out), 'ULONG', 'RtlULongLongToULong(4294967295)'],
  [() => k.RtlULongLongToULong(4294967296n, out), 'ULONG', 'RtlULongLongToULong(4294967296)'],
  [() => k.RtlULongLongToULongPtr(18446744073709551615n, out), 'ULONGLONG', 'RtlULongLongToULongPtr(18446744073709551615)'],
  [() => k.RtlULongLongToUShort(65535n, out), 'USHORT', 'RtlULongLongToUShort(65535)'],
  [() => k.RtlULongLongToUShort(65536n, out), 'USHORT', 'RtlULongLongToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
