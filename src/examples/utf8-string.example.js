// @title UTF-8 strings
// @routines RtlInitUTF8String RtlInitUTF8StringEx RtlUnicodeStringToUTF8String RtlUTF8StringToUnicodeString RtlUnicodeToUTF8N RtlUTF8ToUnicodeN RtlFreeUTF8String RtlFreeUnicodeString RtlSanitizeUnicodeStringPadding
// @structures UTF8_STRING UNICODE_STRING
const name = k.wstr('caf\u00e9');
const count = k.alloc('ULONG');
// "In the initial call, set UTF8StringDestination = NULL and UTF8StringMaxByteCount = 0, and the routine will
// write the required buffer size to *UTF8StringActualByteCount."
k.RtlUnicodeToUTF8N(0, 0, count, name, 8);
print('UTF-8 bytes needed for "café":', k.read(count, 'ULONG'));
const utf8 = k.alloc(5);
print('RtlUnicodeToUTF8N:', k.RtlUnicodeToUTF8N(utf8, 5, count, name, 8), Array.from(k.bytes(utf8, 5), (b) => hex(b)).join(' '));
// "The routine returns STATUS_BUFFER_TOO_SMALL if the UTF8StringMaxByteCount parameter specifies a buffer
// size that is too small … the routine writes as many UTF-8 characters as will fit."
print('into 4 bytes:', hex(k.RtlUnicodeToUTF8N(utf8, 4, count, name, 8)), 'wrote', k.read(count, 'ULONG'));
// An unpaired surrogate "is replaced by the Unicode replacement character, U+FFFD": STATUS_SOME_NOT_MAPPED.
const broken = k.alloc(4);
k.write(broken, 'WCHAR', 0xd800);
k.write(broken + 2, 'WCHAR', 0x41);
print('unpaired surrogate:', hex(k.RtlUnicodeToUTF8N(utf8, 5, count, broken, 4)), Array.from(k.bytes(utf8, k.read(count, 'ULONG')), (b) => hex(b)).join(' '));
const wide = k.alloc(8);
print('RtlUTF8ToUnicodeN:', k.RtlUTF8ToUnicodeN(wide, 8, count, utf8, 4), k.readWstr(wide, k.read(count, 'ULONG') / 2) === '\ufffdA');

const u8 = k.alloc('UTF8_STRING');
k.RtlInitUTF8String(u8, k.astr('plain'));
print('RtlInitUTF8String Length:', k.get(u8, 'UTF8_STRING', 'Length'), 'RtlInitUTF8StringEx:', k.RtlInitUTF8StringEx(u8, k.astr('plain')));
const us = k.alloc('UNICODE_STRING');
print('to UNICODE_STRING:', k.RtlUTF8StringToUnicodeString(us, u8, k.TRUE), k.readWstr(k.get(us, 'UNICODE_STRING', 'Buffer')));
const again = k.alloc('UTF8_STRING');
print('and back:', k.RtlUnicodeStringToUTF8String(again, us, k.TRUE), k.readAstr(k.get(again, 'UTF8_STRING', 'Buffer')));
k.RtlFreeUTF8String(again);

// RtlSanitizeUnicodeStringPadding zeroes the buffer between Length and MaximumLength.
const padded = k.alloc('UNICODE_STRING');
const buffer = k.alloc(8);
k.RtlFillMemory(buffer, 8, 0xcc);
k.RtlInitEmptyUnicodeString(padded, buffer, 8);
k.set(padded, 'UNICODE_STRING', 'Length', 2);
k.RtlSanitizeUnicodeStringPadding(padded);
print('after sanitising:', Array.from(k.bytes(buffer, 8), (b) => hex(b)).join(' '));
k.RtlFreeUnicodeString(us);
k.unload();
