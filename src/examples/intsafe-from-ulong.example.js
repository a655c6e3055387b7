// @title Safe integer conversions from ULONG: a value that fits and, where one exists, one that does not
// @routines RtlULongToChar RtlULongToInt RtlULongToInt8 RtlULongToIntPtr RtlULongToLong RtlULongToLongPtr RtlULongToShort RtlULongToUChar RtlULongToUInt RtlULongToUInt8 RtlULongToUIntPtr RtlULongToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlULongToChar(127, out), 'CHAR', 'RtlULongToChar(127)'],
  [() => k.RtlULongToChar(128, out), 'CHAR', 'RtlULongToChar(128)'],
  [() => k.RtlULongToInt(2147483647, out), 'LONG', 'RtlULongToInt(2147483647)'],
  [() => k.RtlULongToInt(2147483648, out), 'LONG', 'RtlULongToInt(2147483648)'],
  [() => k.RtlULongToInt8(127, out), 'CHAR', 'RtlULongToInt8(127)'],
  [() => k.RtlULongToInt8(128, out), 'CHAR', 'RtlULongToInt8(128)'],
  [() => k.RtlULongToIntPtr(4294967295, out), 'LONGLONG', 'RtlULongToIntPtr(4294967295)'],
  [() => k.RtlULongToLong(2147483647, out), 'LONG', 'RtlULongToLong(2147483647)'],
  [() => k.RtlULongToLong(2147483648, out), 'LONG', 'RtlULongToLong(2147483648)'],
  [() => k.RtlULongToLongPtr(4294967295, out), 'LONGLONG', 'RtlULongToLongPtr(4294967295)'],
  [() => k.RtlULongToShort(32767, out), 'SHORT', 'RtlULongToShort(32767)'],
  [() => k.RtlULongToShort(32768, out), 'SHORT', 'RtlULongToShort(32768)'],
  [() => k.RtlULongToUChar(255, out), 'UCHAR', 'RtlULongToUChar(255)'],
  [() => k.RtlULongToUChar(256, out), 'UCHAR', 'RtlULongToUChar(256)'],
  [() => k.RtlULongToUInt(4294967295, out), 'ULONG', 'RtlULongToUInt(4294967295)'],
  [() => k.RtlULongToUInt8(255, out), 'UCHAR', 'RtlULongToUInt8(255)'],
  [() => k.RtlULongToUInt8(256, out), 'UCHAR', 'RtlULongToUInt8(256)'],
  [() => k.RtlULongToUIntPtr(4294967295, out), 'ULONGLONG', 'RtlULongToUIntPtr(4294967295)'],
  [() => k.RtlULongToUShort(65535, out), 'USHORT', 'RtlULongToUShort(65535)'],
  [() => k.RtlULongToUShort(65536, out), 'USHORT', 'RtlULongToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
