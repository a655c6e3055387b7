// @title Safe integer arithmetic on SHORT: Add, Sub and Mult at the edges of the type
// @routines RtlShortAdd RtlShortMult RtlShortSub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlShortAdd(32766, 1, out), 'SHORT', 'RtlShortAdd(32766, 1)'],
  [() => k.RtlShortAdd(32767, 1, out), 'SHORT', 'RtlShortAdd(32767, 1)'],
  [() => k.RtlShortMult(16383, 2, out), 'SHORT', 'RtlShortMult(16383, 2)'],
  [() => k.RtlShortMult(16384, 2, out), 'SHORT', 'RtlShortMult(16384, 2)'],
  [() => k.RtlShortSub(-32767, 1, out), 'SHORT', 'RtlShortSub(-32767, 1)'],
  [() => k.RtlShortSub(-32768, 1, out), 'SHORT', 'RtlShortSub(-32768, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
