// @title Safe integer conversions from INT8: a value that fits and, where one exists, one that does not
// @routines RtlInt8ToUChar RtlInt8ToUInt RtlInt8ToUInt8 RtlInt8ToUIntPtr RtlInt8ToULong RtlInt8ToULongLong RtlInt8ToULongPtr RtlInt8ToUShort
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlInt8ToUChar(127, out), 'UCHAR', 'RtlInt8ToUChar(127)'],
  [() => k.RtlInt8ToUChar(-1, out), 'UCHAR', 'RtlInt8ToUChar(-1)'],
  [() => k.RtlInt8ToUInt(127, out), 'ULONG', 'RtlInt8ToUInt(127)'],
  [() => k.RtlInt8ToUInt(-1, out), 'ULONG', 'RtlInt8ToUInt(-1)'],
  [() => k.RtlInt8ToUInt8(127, out), 'UCHAR', 'RtlInt8ToUInt8(127)'],
  [() => k.RtlInt8ToUInt8(-1, out), 'UCHAR', 'RtlInt8ToUInt8(-1)'],
  [() => k.RtlInt8ToUIntPtr(127, out), 'ULONGLONG', 'RtlInt8ToUIntPtr(127)'],
  [() => k.RtlInt8ToUIntPtr(-1, out), 'ULONGLONG', 'RtlInt8ToUIntPtr(-1)'],
  [() => k.RtlInt8ToULong(127, out), 'ULONG', 'RtlInt8ToULong(127)'],
  [() => k.RtlInt8ToULong(-1, out), 'ULONG', 'RtlInt8ToULong(-1)'],
  [() => k.RtlInt8ToULongLong(127, out), 'ULONGLONG', 'RtlInt8ToULongLong(127)'],
  [() => k.RtlInt8ToULongLong(-1, out), 'ULONGLONG', 'RtlInt8ToULongLong(-1)'],
  [() => k.RtlInt8ToULongPtr(127, out), 'ULONGLONG', 'RtlInt8ToULongPtr(127)'],
  [() => k.RtlInt8ToULongPtr(-1, out), 'ULONGLONG', 'RtlInt8ToULongPtr(-1)'],
  [() => k.RtlInt8ToUShort(127, out), 'USHORT', 'RtlInt8ToUShort(127)'],
  [() => k.RtlInt8ToUShort(-1, out), 'USHORT', 'RtlInt8ToUShort(-1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
