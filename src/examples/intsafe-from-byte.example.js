// @title Safe integer conversions from BYTE: a value that fits and, where one exists, one that does not
// @routines RtlByteToChar RtlByteToInt8
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlByteToChar(127, out), 'CHAR', 'RtlByteToChar(127)'],
  [() => k.RtlByteToChar(128, out), 'CHAR', 'RtlByteToChar(128)'],
  [() => k.RtlByteToInt8(127, out), 'CHAR', 'RtlByteToInt8(127)'],
  [() => k.RtlByteToInt8(128, out), 'CHAR', 'RtlByteToInt8(128)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
