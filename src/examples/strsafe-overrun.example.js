// @title Misuse: a destination size larger than the buffer
// @routines RtlStringCchCopyW
const buffer = k.alloc(8 * 2); // room for 8 wide characters
print('fits:', k.RtlStringCchCopyW(buffer, 8, k.wstr('short')));
// cchDest is the caller's promise about the buffer's size: "The size of the destination buffer … to ensure
// that they do not write past the end of the buffer." Passing 64 for an 8-character buffer lets the copy run
// past the allocation; under Driver Verifier's special pool the write faults at once: bug check 0xD6
// DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION, parameter 2 = 1 (a write).
k.RtlStringCchCopyW(buffer, 64, k.wstr('a string that does not fit'));
print('never printed');
