// @title Safe integer conversions from LONG_PTR: a value that fits and, where one exists, one that does not
// @routines RtlLongPtrToChar RtlLongPtrToInt RtlLongPtrToInt8 RtlLongPtrToIntPtr RtlLongPtrToLong RtlLongPtrToShort RtlLongPtrToUChar RtlLongPtrToUInt RtlLongPtrToUInt8 RtlLongPtrToUIntPtr RtlLongPtrToULong RtlLongPtrToULongLong RtlLongPtrToULongPtr RtlLongPtrToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlLongPtrToChar(127n, out), 'CHAR', 'RtlLongPtrToChar(127)'],
  [() => k.RtlLongPtrToChar(128n, out), 'CHAR', 'RtlLongPtrToChar(128)'],
  [() => k.RtlLongPtrToInt(2147483647n, out), 'LONG', 'RtlLongPtrToInt(2147483647)'],
  [() => k.RtlLongPtrToInt(2147483648n, out), 'LONG', 'RtlLongPtrToInt(2147483648)'],
  [() => k.RtlLongPtrToInt8(127n, out), 'CHAR', 'RtlLongPtrToInt8(127)'],
  [() => k.RtlLongPtrToInt8(128n, out), 'CHAR', 'RtlLongPtrToInt8(128)'],
  [() => k.RtlLongPtrToIntPtr(9223372036854775807n, out), 'LONGLONG', 'RtlLongPtrToIntPtr(9223372036854775807)'],
  [() => k.RtlLongPtrToLong(2147483647n, out), 'LONG', 'RtlLongPtrToLong(2147483647)'],
  [() => k.RtlLongPtrToLong(2147483648n, out), 'LONG', 'RtlLongPtrToLong(2147483648)'],
  [() => k.RtlLongPtrToShort(32767n, out), 'SHORT', 'RtlLongPtrToShort(32767)'],
  [() => k.RtlLongPtrToShort(32768n, out), 'SHORT', 'RtlLongPtrToShort(32768)'],
  [() => k.RtlLongPtrToUChar(255n, out), 'UCHAR', 'RtlLongPtrToUChar(255)'],
  [() => k.RtlLongPtrToUChar(256n, out), 'UCHAR', 'RtlLongPtrToUChar(256)'],
  [() => k.RtlLongPtrToUInt(4294967295n, out), 'ULONG', 'RtlLongPtrToUInt(4294967295)'],
  [() => k.RtlLongPtrToUInt(4294967296n, out), 'ULONG', 'RtlLongPtrToUInt(4294967296)'],
  [() => k.RtlLongPtrToUInt8(255n, out), 'UCHAR', 'RtlLongPtrToUInt8(255)'],
  [() => k.RtlLongPtrToUInt8(256n, out), 'UCHAR', 'RtlLongPtrToUInt8(256)'],
  [() => k.RtlLongPtrToUIntPtr(9223372036854775807n, out), 'ULONGLONG', 'RtlLongPtrToUIntPtr(9223372036854775807)'],
  [() => k.RtlLongPtrToUIntPtr(-1n, out), 'ULONGLONG', 'RtlLongPtrToUIntPtr(-1)'],
  [() => k.RtlLongPtrToULong(4294967295n, out), 'ULONG', 'RtlLongPtrToULong(4294967295)'],
  [() => k.RtlLongPtrToULong(4294967296n, out), 'ULONG', 'RtlLongPtrToULong(4294967296)'],
  [() => k.RtlLongPtrToULongLong(9223372036854775807n, out), 'ULONGLONG', 'RtlLongPtrToULongLong(9223372036854775807)'],
  [() => k.RtlLongPtrToULongLong(-1n, out), 'ULONGLONG', 'RtlLongPtrToULongLong(-1)'],
  [() => k.RtlLongPtrToULongPtr(9223372036854775807n, out), 'ULONGLONG', 'RtlLongPtrToULongPtr(9223372036854775807)'],
  [() => k.RtlLongPtrToULongPtr(-1n, out), 'ULONGLONG', 'RtlLongPtrToULongPtr(-1)'],
  [() => k.RtlLongPtrToUShort(65535n, out), 'USHORT', 'RtlLongPtrToUShort(65535)'],
  [() => k.RtlLongPtrToUShort(65536n, out), 'USHORT', 'RtlLongPtrToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
