// @title Page arithmetic macros and large-integer conversions
// @routines BYTE_OFFSET PAGE_ALIGN BYTES_TO_PAGES ROUND_TO_PAGES ADDRESS_AND_SIZE_TO_SPAN_PAGES ARGUMENT_PRESENT RtlConvertLongToLargeInteger RtlConvertUlongToLargeInteger RtlConvertLongToLuid RtlConvertUlongToLuid RtlEqualLuid RtlIsZeroLuid
// Pages are PAGE_SIZE (4096) bytes on x64.
const va = 0x12345;
// BYTE_OFFSET "returns the offset portion of the virtual address"; PAGE_ALIGN "a pointer to the page-aligned
// virtual address".
print('BYTE_OFFSET(0x12345) =', hex(k.BYTE_OFFSET(va)), 'PAGE_ALIGN(0x12345) =', hex(k.PAGE_ALIGN(va)));
// BYTES_TO_PAGES "returns the number of pages required to contain the specified number of bytes".
print('BYTES_TO_PAGES:', k.BYTES_TO_PAGES(1), k.BYTES_TO_PAGES(4096), k.BYTES_TO_PAGES(4097));
// ROUND_TO_PAGES "returns a ULONG_PTR with the input size rounded up to a multiple of the virtual memory page
// size" (a bigint here).
print('ROUND_TO_PAGES(5000) =', k.ROUND_TO_PAGES(5000));
// A 2-byte transfer starting on the last byte of a page spans two pages.
print('ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x1FFF, 2) =', k.ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x1fff, 2),
  '(0x1000, 4096) =', k.ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x1000, 4096), '(0x1800, 4096) =', k.ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x1800, 4096));
print('ARGUMENT_PRESENT(NULL):', k.ARGUMENT_PRESENT(k.NULL), 'ARGUMENT_PRESENT(p):', k.ARGUMENT_PRESENT(k.alloc(1)));
// RtlConvertLongToLargeInteger sign-extends; RtlConvertUlongToLargeInteger zero-extends.
print('RtlConvertLongToLargeInteger(-2) =', k.RtlConvertLongToLargeInteger(-2), 'RtlConvertUlongToLargeInteger(0xFFFFFFFE) =', k.RtlConvertUlongToLargeInteger(0xfffffffe));
// A LUID by value is one 64-bit quantity here: HighPart in the upper 32 bits.
print('RtlConvertLongToLuid(-1) =', hex(k.RtlConvertLongToLuid(-1)), 'RtlConvertUlongToLuid(7) =', hex(k.RtlConvertUlongToLuid(7)));
// RtlEqualLuid and RtlIsZeroLuid compare LUIDs through pointers.
const l1 = k.alloc('LUID');
const l2 = k.alloc('LUID');
print('zero LUID:', k.RtlIsZeroLuid(l1));
k.set(l1, 'LUID', 'LowPart', 0x3e7);
print('equal after setting one:', k.RtlEqualLuid(l1, l2), 'zero:', k.RtlIsZeroLuid(l1));
