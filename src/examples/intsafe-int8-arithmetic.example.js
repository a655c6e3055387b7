// @title Safe integer arithmetic on INT8: Add, Sub and Mult at the edges of the type
// @routines RtlInt8Add RtlInt8Mult RtlInt8Sub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlInt8Add(126, 1, out), 'CHAR', 'RtlInt8Add(126, 1)'],
  [() => k.RtlInt8Add(127, 1, out), 'CHAR', 'RtlInt8Add(127, 1)'],
  [() => k.RtlInt8Mult(63, 2, out), 'CHAR', 'RtlInt8Mult(63, 2)'],
  [() => k.RtlInt8Mult(64, 2, out), 'CHAR', 'RtlInt8Mult(64, 2)'],
  [() => k.RtlInt8Sub(-127, 1, out), 'CHAR', 'RtlInt8Sub(-127, 1)'],
  [() => k.RtlInt8Sub(-128, 1, out), 'CHAR', 'RtlInt8Sub(-128, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
