// @title Safe integer conversions from UINT8: a value that fits and, where one exists, one that does not
// @routines RtlUInt8ToChar RtlUInt8ToInt8
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlUInt8ToChar(127, out), 'CHAR', 'RtlUInt8ToChar(127)'],
  [() => k.RtlUInt8ToChar(128, out), 'CHAR', 'RtlUInt8ToChar(128)'],
  [() => k.RtlUInt8ToInt8(127, out), 'CHAR', 'RtlUInt8ToInt8(127)'],
  [() => k.RtlUInt8ToInt8(128, out), 'CHAR', 'RtlUInt8ToInt8(128)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
