// @title Safe integer conversions from LONG: a value that fits and, where one exists, one that does not
// @routines RtlLongToChar RtlLongToInt RtlLongToInt8 RtlLongToIntPtr RtlLongToShort RtlLongToUChar RtlLongToUInt RtlLongToUInt8 RtlLongToUIntPtr RtlLongToULong RtlLongToULongLong RtlLongToULongPtr RtlLongToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlLongToChar(127, out), 'CHAR', 'RtlLongToChar(127)'],
  [() => k.RtlLongToChar(128, out), 'CHAR', 'RtlLongToChar(128)'],
  [() => k.RtlLongToInt(2147483647, out), 'LONG', 'RtlLongToInt(2147483647)'],
  [() => k.RtlLongToInt8(127, out), 'CHAR', 'RtlLongToInt8(127)'],
  [() => k.RtlLongToInt8(128, out), 'CHAR', 'RtlLongToInt8(128)'],
  [() => k.RtlLongToIntPtr(2147483647, out), 'LONGLONG', 'RtlLongToIntPtr(2147483647)'],
  [() => k.RtlLongToShort(32767, out), 'SHORT', 'RtlLongToShort(32767)'],
  [() => k.RtlLongToShort(32768, out), 'SHORT', 'RtlLongToShort(32768)'],
  [() => k.RtlLongToUChar(255, out), 'UCHAR', 'RtlLongToUChar(255)'],
  [() => k.RtlLongToUChar(256, out), 'UCHAR', 'RtlLongToUChar(256)'],
  [() => k.RtlLongToUInt(2147483647, out), 'ULONG', 'RtlLongToUInt(2147483647)'],
  [() => k.RtlLongToUInt(-1, out), 'ULONG', 'RtlLongToUInt(-1)'],
  [() => k.RtlLongToUInt8(255, out), 'UCHAR', 'RtlLongToUInt8(255)'],
  [() => k.RtlLongToUInt8(256, out), 'UCHAR', 'RtlLongToUInt8(256)'],
  [() => k.RtlLongToUIntPtr(2147483647, out), 'ULONGLONG', 'RtlLongToUIntPtr(2147483647)'],
  [() => k.RtlLongToUIntPtr(-1, out), 'ULONGLONG', 'RtlLongToUIntPtr(-1)'],
  [() => k.RtlLongToULong(2147483647, out), 'ULONG', 'RtlLongToULong(2147483647)'],
  [() => k.RtlLongToULong(-1, out), 'ULONG', 'RtlLongToULong(-1)'],
  [() => k.RtlLongToULongLong(2147483647, out), 'ULONGLONG', 'RtlLongToULongLong(2147483647)'],
  [() => k.RtlLongToULongLong(-1, out), 'ULONGLONG', 'RtlLongToULongLong(-1)'],
  [() => k.RtlLongToULongPtr(2147483647, out), 'ULONGLONG', 'RtlLongToULongPtr(2147483647)'],
  [() => k.RtlLongToULongPtr(-1, out), 'ULONGLONG', 'RtlLongToULongPtr(-1)'],
  [() => k.RtlLongToUShort(65535, out), 'USHORT', 'RtlLongToUShort(65535)'],
  [() => k.RtlLongToUShort(65536, out), 'USHORT', 'RtlLongToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
