// @title Safe integer conversions from UINT: a value that fits and, where one exists, one that does not
// @routines RtlUIntToChar RtlUIntToInt RtlUIntToInt8 RtlUIntToIntPtr RtlUIntToLong RtlUIntToLongPtr RtlUIntToShort RtlUIntToUChar RtlUIntToUInt8 RtlUIntToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlUIntToChar(127, out), 'CHAR', 'RtlUIntToChar(127)'],
  [() => k.RtlUIntToChar(128, out), 'CHAR', 'RtlUIntToChar(128)'],
  [() => k.RtlUIntToInt(2147483647, out), 'LONG', 'RtlUIntToInt(2147483647)'],
  [() => k.RtlUIntToInt(2147483648, out), 'LONG', 'RtlUIntToInt(2147483648)'],
  [() => k.RtlUIntToInt8(127, out), 'CHAR', 'RtlUIntToInt8(127)'],
  [() => k.RtlUIntToInt8(128, out), 'CHAR', 'RtlUIntToInt8(128)'],
  [() => k.RtlUIntToIntPtr(4294967295, out), 'LONGLONG', 'RtlUIntToIntPtr(4294967295)'],
  [() => k.RtlUIntToLong(2147483647, out), 'LONG', 'RtlUIntToLong(2147483647)'],
  [() => k.RtlUIntToLong(2147483648, out), 'LONG', 'RtlUIntToLong(2147483648)'],
  [() => k.RtlUIntToLongPtr(4294967295, out), 'LONGLONG', 'RtlUIntToLongPtr(4294967295)'],
  [() => k.RtlUIntToShort(32767, out), 'SHORT', 'RtlUIntToShort(32767)'],
  [() => k.RtlUIntToShort(32768, out), 'SHORT', 'RtlUIntToShort(32768)'],
  [() => k.RtlUIntToUChar(255, out), 'UCHAR', 'RtlUIntToUChar(255)'],
  [() => k.RtlUIntToUChar(256, out), 'UCHAR', 'RtlUIntToUChar(256)'],
  [() => k.RtlUIntToUInt8(255, out), 'UCHAR', 'RtlUIntToUInt8(255)'],
  [() => k.RtlUIntToUInt8(256, out), 'UCHAR', 'RtlUIntToUInt8(256)'],
  [() => k.RtlUIntToUShort(65535, out), 'USHORT', 'RtlUIntToUShort(65535)'],
  [() => k.RtlUIntToUShort(65536, out), 'USHORT', 'RtlUIntToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
