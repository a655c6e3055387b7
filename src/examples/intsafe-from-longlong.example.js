// @title Safe integer conversions from LONGLONG: a value that fits and, where one exists, one that does not
// @routines RtlLongLongToChar RtlLongLongToInt RtlLongLongToInt8 RtlLongLongToIntPtr RtlLongLongToLong RtlLongLongToLongPtr RtlLongLongToShort RtlLongLongToUChar RtlLongLongToUInt RtlLongLongToUInt8 RtlLongLongToULong RtlLongLongToULongLong RtlLongLongToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlLongLongToChar(127n, out), 'CHAR', 'RtlLongLongToChar(127)'],
  [() => k.RtlLongLongToChar(128n, out), 'CHAR', 'RtlLongLongToChar(128)'],
  [() => k.RtlLongLongToInt(2147483647n, out), 'LONG', 'RtlLongLongToInt(2147483647)'],
  [() => k.RtlLongLongToInt(2147483648n, out), 'LONG', 'RtlLongLongToInt(2147483648)'],
  [() => k.RtlLongLongToInt8(127n, out), 'CHAR', 'RtlLongLongToInt8(127)'],
  [() => k.RtlLongLongToInt8(128n, out), 'CHAR', 'RtlLongLongToInt8(128)'],
  [() => k.RtlLongLongToIntPtr(9223372036854775807n, out), 'LONGLONG', 'RtlLongLongToIntPtr(9223372036854775807)'],
  [() => k.RtlLongLongToLong(2147483647n, out), 'LONG', 'RtlLongLongToLong(2147483647)'],
  [() => k.RtlLongLongToLong(2147483648n, out), 'LONG', 'RtlLongLongToLong(2147483648)'],
  [() => k.RtlLongLongToLongPtr(9223372036854775807n, out), 'LONGLONG', 'RtlLongLongToLongPtr(9223372036854775807)'],
  [() => k.RtlLongLongToShort(32767n, out), 'SHORT', 'RtlLongLongToShort(32767)'],
  [() => k.RtlLongLongToShort(32768n, out), 'SHORT', 'RtlLongLongToShort(32768)'],
  [() => k.RtlLongLongToUChar(255n, out), 'UCHAR', 'RtlLongLongToUChar(255)'],
  [() => k.RtlLongLongToUChar(256n, out), 'UCHAR', 'RtlLongLongToUChar(256)'],
  [() => k.RtlLongLongToUInt(4294967295n, out), 'ULONG', 'RtlLongLongToUInt(4294967295)'],
  [() => k.RtlLongLongToUInt(4294967296n, out), 'ULONG', 'RtlLongLongToUInt(4294967296)'],
  [() => k.RtlLongLongToUInt8(255n, out), 'UCHAR', 'RtlLongLongToUInt8(255)'],
  [() => k.RtlLongLongToUInt8(256n, out), 'UCHAR', 'RtlLongLongToUInt8(256)'],
  [() => k.RtlLongLongToULong(4294967295n, out), 'ULONG', 'RtlLongLongToULong(4294967295)'],
  [() => k.RtlLongLongToULong(4294967296n, out), 'ULONG', 'RtlLongLongToULong(4294967296)'],
  [() => k.RtlLongLongToULongLong(9223372036854775807n, out), 'ULONGLONG', 'RtlLongLongToULongLong(9223372036854775807)'],
  [() => k.RtlLongLongToULongLong(-1n, out), 'ULONGLONG', 'RtlLongLongToULongLong(-1)'],
  [() => k.RtlLongLongToUShort(65535n, out), 'USHORT', 'RtlLongLongToUShort(65535)'],
  [() => k.RtlLongLongToUShort(65536n, out), 'USHORT', 'RtlLongLongToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
