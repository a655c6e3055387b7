// @title Safe integer arithmetic on ULONG: Add, Sub and Mult at the edges of the type
// @routines RtlULongAdd RtlULongMult RtlULongSub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlULongAdd(4294967294, 1, out), 'ULONG', 'RtlULongAdd(4294967294, 1)'],
  [() => k.RtlULongAdd(4294967295, 1, out), 'ULONG', 'RtlULongAdd(4294967295, 1)'],
  [() => k.RtlULongMult(2147483647, 2, out), 'ULONG', 'RtlULongMult(2147483647, 2)'],
  [() => k.RtlULongMult(2147483648, 2, out), 'ULONG', 'RtlULongMult(2147483648, 2)'],
  [() => k.RtlULongSub(1, 1, out), 'ULONG', 'RtlULongSub(1, 1)'],
  [() => k.RtlULongSub(0, 1, out), 'ULONG', 'RtlULongSub(0, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
