// @title Numbers and GUIDs in strings
// @routines RtlCharToInteger RtlUnicodeStringToInteger RtlIntegerToUnicodeString RtlInt64ToUnicodeString RtlIntPtrToUnicodeString RtlHashUnicodeString RtlGUIDFromString RtlStringFromGUID RtlFreeUnicodeString
// @structures UNICODE_STRING GUID
const value = k.alloc('ULONG');
// RtlCharToInteger: "If this parameter is not given, the routine will look for 0x, 0o, and 0b prefixes in the
// input string to determine if the base should be decimal (default), binary, octal, or hexadecimal." Leading
// blanks and a sign are accepted and conversion stops at the first character that is not a digit.
for (const text of ['  1234', '0x1F', '0b101', '-1', '12abc']) {
  k.RtlCharToInteger(k.astr(text), 0, value);
  print(`RtlCharToInteger("${text}") =`, k.read(value, 'ULONG'));
}
const us = k.alloc('UNICODE_STRING');
k.RtlInitUnicodeString(us, k.wstr('ff'));
print('RtlUnicodeStringToInteger("ff", 16):', k.RtlUnicodeStringToInteger(us, 16, value), k.read(value, 'ULONG'));
// "STATUS_INVALID_PARAMETER: The specified code base is not valid. The only valid values are 0, 2, 8, 10, and 16."
print('an invalid Base:', hex(k.RtlUnicodeStringToInteger(us, 7, value)));

const out = k.alloc('UNICODE_STRING');
k.RtlInitEmptyUnicodeString(out, k.alloc(66), 66);
const text = () => k.readWstr(k.get(out, 'UNICODE_STRING', 'Buffer'), k.get(out, 'UNICODE_STRING', 'Length') / 2);
k.RtlIntegerToUnicodeString(48879, 16, out);
print('RtlIntegerToUnicodeString(48879, 16):', text());
k.RtlIntegerToUnicodeString(255, 2, out);
print('RtlIntegerToUnicodeString(255, 2):', text());
k.RtlInt64ToUnicodeString(12345678901234n, 10, out);
print('RtlInt64ToUnicodeString(12345678901234):', text());
k.RtlIntPtrToUnicodeString(0x7fffn, 8, out);
print('RtlIntPtrToUnicodeString(0x7FFF, 8):', text());
// STATUS_BUFFER_OVERFLOW: "the UNICODE_STRING structure is too small to hold the result" (digits and terminator).
const tiny = k.alloc('UNICODE_STRING');
k.RtlInitEmptyUnicodeString(tiny, k.alloc(4), 4);
print('12345 into 4 bytes:', hex(k.RtlIntegerToUnicodeString(12345, 10, tiny)));

// HASH_STRING_ALGORITHM_X65599: hash = hash * 65599 + character, here over the upper-cased characters.
const hash = k.alloc('ULONG');
k.RtlInitUnicodeString(us, k.wstr('abc'));
k.RtlHashUnicodeString(us, k.TRUE, k.HASH_STRING_ALGORITHM_X65599, hash);
print('hash of "abc" (case-insensitive):', hex(k.read(hash, 'ULONG')));

const guid = k.alloc('GUID');
k.RtlInitUnicodeString(us, k.wstr('{6b29fc40-ca47-1067-b31d-00dd010662da}'));
print('RtlGUIDFromString:', k.RtlGUIDFromString(us, guid), 'Data1 =', hex(k.get(guid, 'GUID', 'Data1')));
// RtlStringFromGUID allocates the string; RtlFreeUnicodeString frees it.
print('RtlStringFromGUID:', k.RtlStringFromGUID(guid, us), k.readWstr(k.get(us, 'UNICODE_STRING', 'Buffer')));
k.RtlFreeUnicodeString(us);
k.unload();
