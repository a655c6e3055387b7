// @title Safe integer arithmetic on UINT8: Add, Sub and Mult at the edges of the type
// @routines RtlUInt8Add RtlUInt8Mult RtlUInt8Sub
// "If the operation results in a value that overflows or underflows the capacity of the type, the function
// returns STATUS_INTEGER_OVERFLOW" (0xC0000095); the out-parameter then holds ntintsafe.h's <TYPE>_ERROR
// (-1 signed, all bits set unsigned, '\0' for CHAR and UCHAR). 64-bit and pointer-sized values are bigints.
const out = k.alloc(8);
const cases = [
  [() => k.RtlUInt8Add(254, 1, out), 'UCHAR', 'RtlUInt8Add(254, 1)'],
  [() => k.RtlUInt8Add(255, 1, out), 'UCHAR', 'RtlUInt8Add(255, 1)'],
  [() => k.RtlUInt8Mult(127, 2, out), 'UCHAR', 'RtlUInt8Mult(127, 2)'],
  [() => k.RtlUInt8Mult(128, 2, out), 'UCHAR', 'RtlUInt8Mult(128, 2)'],
  [() => k.RtlUInt8Sub(1, 1, out), 'UCHAR', 'RtlUInt8Sub(1, 1)'],
  [() => k.RtlUInt8Sub(0, 1, out), 'UCHAR', 'RtlUInt8Sub(0, 1)'],
];
for (const [call, type, label] of cases) print(label, '=', hex(call()), '->', k.read(out, type));
