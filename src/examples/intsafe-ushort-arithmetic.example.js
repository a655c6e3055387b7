// @title Safe integer arithmetic on USHORT: Add, Sub and Mult at the edges of the type
// @routines RtlUShortAdd RtlUShortMult RtlUShortSub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlUShortAdd(65534, 1, out), 'USHORT', 'RtlUShortAdd(65534, 1)'],
  [() => k.RtlUShortAdd(65535, 1, out), 'USHORT', 'RtlUShortAdd(65535, 1)'],
  [() => k.RtlUShortMult(32767, 2, out), 'USHORT', 'RtlUShortMult(32767, 2)'],
  [() => k.RtlUShortMult(32768, 2, out), 'USHORT', 'RtlUShortMult(32768, 2)'],
  [() => k.RtlUShortSub(1, 1, out), 'USHORT', 'RtlUShortSub(1, 1)'],
  [() => k.RtlUShortSub(0, 1, out), 'USHORT', 'RtlUShortSub(0, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
