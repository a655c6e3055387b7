// @title Safe integer arithmetic on UINT: Add, Sub and Mult at the edges of the type
// @routines RtlUIntAdd RtlUIntMult RtlUIntSub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlUIntAdd(4294967294, 1, out), 'ULONG', 'RtlUIntAdd(4294967294, 1)'],
  [() => k.RtlUIntAdd(4294967295, 1, out), 'ULONG', 'RtlUIntAdd(4294967295, 1)'],
  [() => k.RtlUIntMult(2147483647, 2, out), 'ULONG', 'RtlUIntMult(2147483647, 2)'],
  [() => k.RtlUIntMult(2147483648, 2, out), 'ULONG', 'RtlUIntMult(2147483648, 2)'],
  [() => k.RtlUIntSub(1, 1, out), 'ULONG', 'RtlUIntSub(1, 1)'],
  [() => k.RtlUIntSub(0, 1, out), 'ULONG', 'RtlUIntSub(0, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
