// @title Safe integer arithmetic on INT: Add, Sub and Mult at the edges of the type
// @routines RtlIntAdd RtlIntMult RtlIntSub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlIntAdd(2147483646, 1, out), 'LONG', 'RtlIntAdd(2147483646, 1)'],
  [() => k.RtlIntAdd(2147483647, 1, out), 'LONG', 'RtlIntAdd(2147483647, 1)'],
  [() => k.RtlIntMult(1073741823, 2, out), 'LONG', 'RtlIntMult(1073741823, 2)'],
  [() => k.RtlIntMult(1073741824, 2, out), 'LONG', 'RtlIntMult(1073741824, 2)'],
  [() => k.RtlIntSub(-2147483647, 1, out), 'LONG', 'RtlIntSub(-2147483647, 1)'],
  [() => k.RtlIntSub(-2147483648, 1, out), 'LONG', 'RtlIntSub(-2147483648, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
