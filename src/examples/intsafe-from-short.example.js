// @title Safe integer conversions from SHORT: a value that fits and, where one exists, one that does not
// @routines RtlShortToChar RtlShortToDWordPtr RtlShortToInt8 RtlShortToUChar RtlShortToUInt RtlShortToUInt8 RtlShortToUIntPtr RtlShortToULong RtlShortToULongLong RtlShortToULongPtr RtlShortToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlShortToChar(127, out), 'CHAR', 'RtlShortToChar(127)'],
  [() => k.RtlShortToChar(128, out), 'CHAR', 'RtlShortToChar(128)'],
  [() => k.RtlShortToDWordPtr(32767, out), 'ULONGLONG', 'RtlShortToDWordPtr(32767)'],
  [() => k.RtlShortToDWordPtr(-1, out), 'ULONGLONG', 'RtlShortToDWordPtr(-1)'],
  [() => k.RtlShortToInt8(127, out), 'CHAR', 'RtlShortToInt8(127)'],
  [() => k.RtlShortToInt8(128, out), 'CHAR', 'RtlShortToInt8(128)'],
  [() => k.RtlShortToUChar(255, out), 'UCHAR', 'RtlShortToUChar(255)'],
  [() => k.RtlShortToUChar(256, out), 'UCHAR', 'RtlShortToUChar(256)'],
  [() => k.RtlShortToUInt(32767, out), 'ULONG', 'RtlShortToUInt(32767)'],
  [() => k.RtlShortToUInt(-1, out), 'ULONG', 'RtlShortToUInt(-1)'],
  [() => k.RtlShortToUInt8(255, out), 'UCHAR', 'RtlShortToUInt8(255)'],
  [() => k.RtlShortToUInt8(256, out), 'UCHAR', 'RtlShortToUInt8(256)'],
  [() => k.RtlShortToUIntPtr(32767, out), 'ULONGLONG', 'RtlShortToUIntPtr(32767)'],
  [() => k.RtlShortToUIntPtr(-1, out), 'ULONGLONG', 'RtlShortToUIntPtr(-1)'],
  [() => k.RtlShortToULong(32767, out), 'ULONG', 'RtlShortToULong(32767)'],
  [() => k.RtlShortToULong(-1, out), 'ULONG', 'RtlShortToULong(-1)'],
  [() => k.RtlShortToULongLong(32767, out), 'ULONGLONG', 'RtlShortToULongLong(32767)'],
  [() => k.RtlShortToULongLong(-1, out), 'ULONGLONG', 'RtlShortToULongLong(-1)'],
  [() => k.RtlShortToULongPtr(32767, out), 'ULONGLONG', 'RtlShortToULongPtr(32767)'],
  [() => k.RtlShortToULongPtr(-1, out), 'ULONGLONG', 'RtlShortToULongPtr(-1)'],
  [() => k.RtlShortToUShort(32767, out), 'USHORT', 'RtlShortToUShort(32767)'],
  [() => k.RtlShortToUShort(-1, out), 'USHORT', 'RtlShortToUShort(-1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
