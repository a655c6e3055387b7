// @title Safe integer arithmetic on LONG_PTR: Add, Sub and Mult at the edges of the type
// @routines RtlLongPtrAdd RtlLongPtrMult RtlLongPtrSub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlLongPtrAdd(9223372036854775806n, 1n, out), 'LONGLONG', 'RtlLongPtrAdd(9223372036854775806, 1)'],
  [() => k.RtlLongPtrAdd(9223372036854775807n, 1n, out), 'LONGLONG', 'RtlLongPtrAdd(9223372036854775807, 1)'],
  [() => k.RtlLongPtrMult(4611686018427387903n, 2n, out), 'LONGLONG', 'RtlLongPtrMult(4611686018427387903, 2)'],
  [() => k.RtlLongPtrMult(4611686018427387904n, 2n, out), 'LONGLONG', 'RtlLongPtrMult(4611686018427387904, 2)'],
  [() => k.RtlLongPtrSub(-9223372036854775807n, 1n, out), 'LONGLONG', 'RtlLongPtrSub(-9223372036854775807, 1)'],
  [() => k.RtlLongPtrSub(-9223372036854775808n, 1n, out), 'LONGLONG', 'RtlLongPtrSub(-9223372036854775808, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
