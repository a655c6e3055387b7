// @title Safe integer arithmetic on ptrdiff_t: Add, Sub and Mult at the edges of the type
// @routines RtlPtrdiffTAdd RtlPtrdiffTMult RtlPtrdiffTSub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlPtrdiffTAdd(9223372036854775806n, 1n, out), 'LONGLONG', 'RtlPtrdiffTAdd(9223372036854775806, 1)'],
  [() => k.RtlPtrdiffTAdd(9223372036854775807n, 1n, out), 'LONGLONG', 'RtlPtrdiffTAdd(9223372036854775807, 1)'],
  [() => k.RtlPtrdiffTMult(4611686018427387903n, 2n, out), 'LONGLONG', 'RtlPtrdiffTMult(4611686018427387903, 2)'],
  [() => k.RtlPtrdiffTMult(4611686018427387904n, 2n, out), 'LONGLONG', 'RtlPtrdiffTMult(4611686018427387904, 2)'],
  [() => k.RtlPtrdiffTSub(-9223372036854775807n, 1n, out), 'LONGLONG', 'RtlPtrdiffTSub(-9223372036854775807, 1)'],
  [() => k.RtlPtrdiffTSub(-9223372036854775808n, 1n, out), 'LONGLONG', 'RtlPtrdiffTSub(-9223372036854775808, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
