// @title Safe string lengths, and copying a UNICODE_STRING into a character buffer
// @routines RtlStringCchLengthA RtlStringCchLengthW RtlStringCbLengthA RtlStringCbLengthW RtlUnalignedStringCchLengthW RtlUnalignedStringCbLengthW RtlStringCchCopyUnicodeString RtlStringCbCopyUnicodeString RtlStringCchCopyUnicodeStringEx RtlStringCbCopyUnicodeStringEx
// @structures UNICODE_STRING
const length = k.alloc('SIZE_T');
const show = (label, status) => print(label, hex(status), k.read(length, 'SIZE_T'));
// The length excludes the terminator. STATUS_INVALID_PARAMETER when "the value in psz is NULL, cchMax is larger
// than NTSTRSAFE_MAX_CCH, or psz is longer than cchMax"; the length is then set to zero.
show('RtlStringCchLengthA("driver", 10):', k.RtlStringCchLengthA(k.astr('driver'), 10, length));
show('RtlStringCchLengthW("driver", 10):', k.RtlStringCchLengthW(k.wstr('driver'), 10, length));
show('RtlStringCbLengthA("driver", 10):', k.RtlStringCbLengthA(k.astr('driver'), 10, length));
show('RtlStringCbLengthW("driver", 20):', k.RtlStringCbLengthW(k.wstr('driver'), 20, length));
show('RtlStringCchLengthW("driver", 6):', k.RtlStringCchLengthW(k.wstr('driver'), 6, length));
show('RtlStringCchLengthA(NULL, 6):', k.RtlStringCchLengthA(0, 6, length));
// The unaligned forms read a wide string that may start at an odd address.
const raw = k.alloc(16);
[0x68, 0x69, 0].forEach((c, i) => k.write(raw + 1 + 2 * i, 'WCHAR', c));
show('RtlUnalignedStringCchLengthW(odd address, 4):', k.RtlUnalignedStringCchLengthW(raw + 1, 4, length));
show('RtlUnalignedStringCbLengthW(odd address, 8):', k.RtlUnalignedStringCbLengthW(raw + 1, 8, length));

const source = k.alloc('UNICODE_STRING');
k.RtlInitUnicodeString(source, k.wstr('\\Device\\Demo0'));
// "RtlStringCchCopyUnicodeString … copies the contents of a UNICODE_STRING structure to a specified
// destination", null-terminated and truncated to the destination's size.
const wide = k.alloc(32);
print('RtlStringCchCopyUnicodeString into 16 chars:', hex(k.RtlStringCchCopyUnicodeString(wide, 16, source)), JSON.stringify(k.readWstr(wide)));
print('RtlStringCbCopyUnicodeString into 16 bytes:', hex(k.RtlStringCbCopyUnicodeString(wide, 16, source)), JSON.stringify(k.readWstr(wide)));
const end = k.alloc('PVOID');
const remaining = k.alloc('SIZE_T');
print('RtlStringCchCopyUnicodeStringEx:', hex(k.RtlStringCchCopyUnicodeStringEx(wide, 16, source, end, remaining, 0)),
  JSON.stringify(k.readWstr(wide)), 'remaining', k.read(remaining, 'SIZE_T'));
print('RtlStringCbCopyUnicodeStringEx, NULL_ON_FAILURE:', hex(k.RtlStringCbCopyUnicodeStringEx(wide, 16, source, end, remaining, k.STRSAFE_NULL_ON_FAILURE)),
  JSON.stringify(k.readWstr(wide)));
