// @title ANSI_STRING and STRING: conversions to and from Unicode
// @routines RtlInitAnsiString RtlInitString RtlInitStringEx RtlInitAnsiStringEx RtlInitUnicodeStringEx RtlInitEmptyAnsiString RtlCopyString RtlCompareString RtlEqualString RtlUpperString RtlUpperChar RtlAnsiStringToUnicodeString RtlUnicodeStringToAnsiString RtlAnsiStringToUnicodeSize RtlxAnsiStringToUnicodeSize RtlUnicodeStringToAnsiSize RtlxUnicodeStringToAnsiSize RtlFreeAnsiString RtlFreeUnicodeString
// @structures ANSI_STRING STRING
const showA = (s) => `"${k.readAstr(k.get(s, 'STRING', 'Buffer'), k.get(s, 'STRING', 'Length'))}" ` +
  `Length=${k.get(s, 'STRING', 'Length')} MaximumLength=${k.get(s, 'STRING', 'MaximumLength')}`;

const a = k.alloc('ANSI_STRING');
k.RtlInitAnsiString(a, k.astr('port1'));
print('ansi:', showA(a));
// RtlAnsiStringToUnicodeSize returns "the number of bytes required to hold an ANSI string converted into a
// Unicode string", terminator included.
print('unicode size:', k.RtlAnsiStringToUnicodeSize(a), k.RtlxAnsiStringToUnicodeSize(a));
const u = k.alloc('UNICODE_STRING');
print('to unicode:', k.RtlAnsiStringToUnicodeString(u, a, k.TRUE),
  `"${k.readWstr(k.get(u, 'UNICODE_STRING', 'Buffer'))}" Length=${k.get(u, 'UNICODE_STRING', 'Length')} MaximumLength=${k.get(u, 'UNICODE_STRING', 'MaximumLength')}`);
print('ansi size:', k.RtlUnicodeStringToAnsiSize(u), k.RtlxUnicodeStringToAnsiSize(u));

// Back to ANSI in a 4-byte buffer: Windows truncates to MaximumLength - 1 characters and returns the
// STATUS_BUFFER_OVERFLOW warning (observed by public conformance tests of this routine).
const small = k.alloc('ANSI_STRING');
k.RtlInitEmptyAnsiString(small, k.alloc(4), 4);
print('to a 4-byte ansi buffer:', hex(k.RtlUnicodeStringToAnsiString(small, u, k.FALSE)), showA(small));
const back = k.alloc('ANSI_STRING');
print('to an allocated ansi buffer:', k.RtlUnicodeStringToAnsiString(back, u, k.TRUE), showA(back));
k.RtlFreeAnsiString(back);
k.RtlFreeUnicodeString(u);

const s = k.alloc('STRING');
k.RtlInitString(s, k.astr('Port1'));
print('equal ignoring case:', k.RtlEqualString(a, s, k.TRUE), 'compare with case, positive:', k.RtlCompareString(a, s, k.FALSE) > 0);
const copy = k.alloc('STRING');
k.RtlInitEmptyAnsiString(copy, k.alloc(8), 8);
k.RtlCopyString(copy, s);
k.RtlUpperString(copy, copy);
print('copied and upper-cased:', showA(copy), 'RtlUpperChar(a):', String.fromCharCode(k.RtlUpperChar(0x61)));
// The Ex forms report a string too long for a counted string instead of truncating it: STATUS_NAME_TOO_LONG.
print('RtlInitStringEx:', k.RtlInitStringEx(k.alloc('STRING'), k.astr('ok')), 'RtlInitAnsiStringEx:', k.RtlInitAnsiStringEx(k.alloc('ANSI_STRING'), k.astr('ok')));
print('RtlInitUnicodeStringEx of 40000 characters:', hex(k.RtlInitUnicodeStringEx(k.alloc('UNICODE_STRING'), k.wstr('x'.repeat(40000)))));
k.unload();
