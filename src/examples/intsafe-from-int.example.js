// @title Safe integer conversions from INT: a value that fits and, where one exists, one that does not
// @routines RtlIntToChar RtlIntToInt8 RtlIntToShort RtlIntToUChar RtlIntToUInt RtlIntToUInt8 RtlIntToULong RtlIntToULongLong RtlIntToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlIntToChar(127, out), 'CHAR', 'RtlIntToChar(127)'],
  [() => k.RtlIntToChar(128, out), 'CHAR', 'RtlIntToChar(128)'],
  [() => k.RtlIntToInt8(127, out), 'CHAR', 'RtlIntToInt8(127)'],
  [() => k.RtlIntToInt8(128, out), 'CHAR', 'RtlIntToInt8(128)'],
  [() => k.RtlIntToShort(32767, out), 'SHORT', 'RtlIntToShort(32767)'],
  [() => k.RtlIntToShort(32768, out), 'SHORT', 'RtlIntToShort(32768)'],
  [() => k.RtlIntToUChar(255, out), 'UCHAR', 'RtlIntToUChar(255)'],
  [() => k.RtlIntToUChar(256, out), 'UCHAR', 'RtlIntToUChar(256)'],
  [() => k.RtlIntToUInt(2147483647, out), 'ULONG', 'RtlIntToUInt(2147483647)'],
  [() => k.RtlIntToUInt(-1, out), 'ULONG', 'RtlIntToUInt(-1)'],
  [() => k.RtlIntToUInt8(255, out), 'UCHAR', 'RtlIntToUInt8(255)'],
  [() => k.RtlIntToUInt8(256, out), 'UCHAR', 'RtlIntToUInt8(256)'],
  [() => k.RtlIntToULong(2147483647, out), 'ULONG', 'RtlIntToULong(2147483647)'],
  [() => k.RtlIntToULong(-1, out), 'ULONG', 'RtlIntToULong(-1)'],
  [() => k.RtlIntToULongLong(2147483647, out), 'ULONGLONG', 'RtlIntToULongLong(2147483647)'],
  [() => k.RtlIntToULongLong(-1, out), 'ULONGLONG', 'RtlIntToULongLong(-1)'],
  [() => k.RtlIntToUShort(65535, out), 'USHORT', 'RtlIntToUShort(65535)'],
  [() => k.RtlIntToUShort(65536, out), 'USHORT', 'RtlIntToUShort(65536)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
