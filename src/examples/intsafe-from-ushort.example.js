// @title Safe integer conversions from USHORT: a value that fits and, where one exists, one that does not
// @routines RtlUShortToChar RtlUShortToInt8 RtlUShortToShort RtlUShortToUChar RtlUShortToUInt8
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlUShortToChar(127, out), 'CHAR', 'RtlUShortToChar(127)'],
  [() => k.RtlUShortToChar(128, out), 'CHAR', 'RtlUShortToChar(128)'],
  [() => k.RtlUShortToInt8(127, out), 'CHAR', 'RtlUShortToInt8(127)'],
  [() => k.RtlUShortToInt8(128, out), 'CHAR', 'RtlUShortToInt8(128)'],
  [() => k.RtlUShortToShort(32767, out), 'SHORT', 'RtlUShortToShort(32767)'],
  [() => k.RtlUShortToShort(32768, out), 'SHORT', 'RtlUShortToShort(32768)'],
  [() => k.RtlUShortToUChar(255, out), 'UCHAR', 'RtlUShortToUChar(255)'],
  [() => k.RtlUShortToUChar(256, out), 'UCHAR', 'RtlUShortToUChar(256)'],
  [() => k.RtlUShortToUInt8(255, out), 'UCHAR', 'RtlUShortToUInt8(255)'],
  [() => k.RtlUShortToUInt8(256, out), 'UCHAR', 'RtlUShortToUInt8(256)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
