// @title Safe integer arithmetic on DWORD_PTR: Add, Sub and Mult at the edges of the type
// @routines RtlDWordPtrAdd RtlDWordPtrMult RtlDWordPtrSub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlDWordPtrAdd(18446744073709551614n, 1n, out), 'ULONGLONG', 'RtlDWordPtrAdd(18446744073709551614, 1)'],
  [() => k.RtlDWordPtrAdd(18446744073709551615n, 1n, out), 'ULONGLONG', 'RtlDWordPtrAdd(18446744073709551615, 1)'],
  [() => k.RtlDWordPtrMult(9223372036854775807n, 2n, out), 'ULONGLONG', 'RtlDWordPtrMult(9223372036854775807, 2)'],
  [() => k.RtlDWordPtrMult(9223372036854775808n, 2n, out), 'ULONGLONG', 'RtlDWordPtrMult(9223372036854775808, 2)'],
  [() => k.RtlDWordPtrSub(1n, 1n, out), 'ULONGLONG', 'RtlDWordPtrSub(1, 1)'],
  [() => k.RtlDWordPtrSub(0n, 1n, out), 'ULONGLONG', 'RtlDWordPtrSub(0, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
