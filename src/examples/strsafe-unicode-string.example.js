// @title Safe UNICODE_STRING routines (RtlUnicodeString…)
// @routines RtlUnicodeStringInit RtlUnicodeStringInitEx RtlUnicodeStringValidate RtlUnicodeStringValidateEx RtlUnicodeStringCopy RtlUnicodeStringCopyEx RtlUnicodeStringCopyString RtlUnicodeStringCopyStringEx RtlUnicodeStringCat RtlUnicodeStringCatEx RtlUnicodeStringCatString RtlUnicodeStringCatStringEx RtlUnicodeStringCchCopyN RtlUnicodeStringCbCopyN RtlUnicodeStringCchCopyNEx RtlUnicodeStringCbCopyNEx RtlUnicodeStringCchCopyStringN RtlUnicodeStringCbCopyStringN RtlUnicodeStringCchCopyStringNEx RtlUnicodeStringCbCopyStringNEx RtlUnicodeStringCchCatN RtlUnicodeStringCbCatN RtlUnicodeStringCchCatNEx RtlUnicodeStringCbCatNEx RtlUnicodeStringCchCatStringN RtlUnicodeStringCbCatStringN RtlUnicodeStringCchCatStringNEx RtlUnicodeStringCbCatStringNEx RtlUnicodeStringPrintf RtlUnicodeStringPrintfEx RtlUnicodeStringVPrintf RtlUnicodeStringVPrintfEx
// @structures UNICODE_STRING
// A UNICODE_STRING destination is counted, not null-terminated: a result fills at most MaximumLength bytes and
// Length says how many are used. Truncation returns STATUS_BUFFER_OVERFLOW (0x80000005). The Ex forms set
// RemainingString to the unused space ("sets the structure's Buffer member to the end of the copied string,
// sets the structure's Length member to zero, and sets the structure's MaximumLength member to the number of
// bytes that are remaining in the destination buffer"). Flags: STRSAFE_NO_TRUNCATION leaves the destination
// as it was (a copy: empty); STRSAFE_ZERO_LENGTH_ON_FAILURE "the destination string length is set to zero bytes".
const text = (s) => JSON.stringify(k.readWstr(k.get(s, 'UNICODE_STRING', 'Buffer'), k.get(s, 'UNICODE_STRING', 'Length') / 2));
const counted = (t) => { const s = k.alloc('UNICODE_STRING'); k.RtlUnicodeStringInit(s, k.wstr(t)); return s; };
const dest = k.alloc('UNICODE_STRING');
const buffer = k.alloc(16); // room for 8 characters
const reset = () => k.RtlInitEmptyUnicodeString(dest, buffer, 16);
const rem = k.alloc('UNICODE_STRING');
const show = (label, status) => print(label, hex(status), text(dest));
const showEx = (label, status) => print(label, hex(status), text(dest), 'remaining', k.get(rem, 'UNICODE_STRING', 'MaximumLength'),
  'bytes at char', (k.get(rem, 'UNICODE_STRING', 'Buffer') - buffer) / 2);

const init = k.alloc('UNICODE_STRING');
print('Init "hello":', k.RtlUnicodeStringInit(init, k.wstr('hello')), 'Length', k.get(init, 'UNICODE_STRING', 'Length'),
  'MaximumLength', k.get(init, 'UNICODE_STRING', 'MaximumLength'));
print('InitEx NULL, IGNORE_NULLS:', k.RtlUnicodeStringInitEx(init, 0, k.STRSAFE_IGNORE_NULLS), 'Buffer', k.get(init, 'UNICODE_STRING', 'Buffer'));
const odd = counted('abc');
k.set(odd, 'UNICODE_STRING', 'Length', 3);
// RtlUnicodeStringValidate: STATUS_INVALID_PARAMETER when "the contents of a UNICODE_STRING structure are invalid".
print('Validate:', k.RtlUnicodeStringValidate(counted('abc')), 'odd Length:', hex(k.RtlUnicodeStringValidate(odd)),
  'ValidateEx NULL, IGNORE_NULLS:', k.RtlUnicodeStringValidateEx(0, k.STRSAFE_IGNORE_NULLS));

reset();
show('Copy "device"', k.RtlUnicodeStringCopy(dest, counted('device')));
showEx('CopyEx "device-name"', k.RtlUnicodeStringCopyEx(dest, counted('device-name'), rem, 0));
show('CopyString "abc"', k.RtlUnicodeStringCopyString(dest, k.wstr('abc')));
show('CopyStringEx "abcdefghij", NO_TRUNCATION', k.RtlUnicodeStringCopyStringEx(dest, k.wstr('abcdefghij'), rem, k.STRSAFE_NO_TRUNCATION));
k.RtlUnicodeStringCopyString(dest, k.wstr('abc'));
show('Cat "de"', k.RtlUnicodeStringCat(dest, counted('de')));
show('CatEx "fghij", ZERO_LENGTH_ON_FAILURE', k.RtlUnicodeStringCatEx(dest, counted('fghij'), rem, k.STRSAFE_ZERO_LENGTH_ON_FAILURE));
show('CatString "xy"', k.RtlUnicodeStringCatString(dest, k.wstr('xy')));
showEx('CatStringEx "z"', k.RtlUnicodeStringCatStringEx(dest, k.wstr('z'), rem, 0));

const digits = counted('123456789');
show('CchCopyN 4', k.RtlUnicodeStringCchCopyN(dest, digits, 4));
show('CbCopyN 6 bytes', k.RtlUnicodeStringCbCopyN(dest, digits, 6));
showEx('CchCopyNEx 20', k.RtlUnicodeStringCchCopyNEx(dest, digits, 20, rem, 0));
showEx('CbCopyNEx 4 bytes', k.RtlUnicodeStringCbCopyNEx(dest, digits, 4, rem, 0));
show('CchCopyStringN 2', k.RtlUnicodeStringCchCopyStringN(dest, k.wstr('abcdef'), 2));
show('CbCopyStringN 8 bytes', k.RtlUnicodeStringCbCopyStringN(dest, k.wstr('abcdef'), 8));
showEx('CchCopyStringNEx 3', k.RtlUnicodeStringCchCopyStringNEx(dest, k.wstr('abcdef'), 3, rem, 0));
showEx('CbCopyStringNEx 2 bytes', k.RtlUnicodeStringCbCopyStringNEx(dest, k.wstr('abcdef'), 2, rem, 0));
show('CchCatN 2 of "bcdef"', k.RtlUnicodeStringCchCatN(dest, counted('bcdef'), 2));
show('CbCatN 4 bytes of "bcdef"', k.RtlUnicodeStringCbCatN(dest, counted('bcdef'), 4));
showEx('CchCatNEx 3 of "xyz"', k.RtlUnicodeStringCchCatNEx(dest, counted('xyz'), 3, rem, 0));
show('CbCatNEx "q" to a full string', k.RtlUnicodeStringCbCatNEx(dest, counted('q'), 2, rem, 0));
reset();
show('CchCatStringN 2 of "hello"', k.RtlUnicodeStringCchCatStringN(dest, k.wstr('hello'), 2));
show('CbCatStringN 4 bytes of "llo"', k.RtlUnicodeStringCbCatStringN(dest, k.wstr('llo'), 4));
showEx('CchCatStringNEx 1 of "o!"', k.RtlUnicodeStringCchCatStringNEx(dest, k.wstr('o!'), 1, rem, 0));
show('CbCatStringNEx "world", NO_TRUNCATION', k.RtlUnicodeStringCbCatStringNEx(dest, k.wstr('world'), 20, rem, k.STRSAFE_NO_TRUNCATION));

show('Printf %d-%s', k.RtlUnicodeStringPrintf(dest, k.wstr('%d-%s'), 7, k.wstr('ab')));
showEx('PrintfEx %04x', k.RtlUnicodeStringPrintfEx(dest, rem, 0, k.wstr('%04x'), 0xbeef));
show('VPrintf %s (too long)', k.RtlUnicodeStringVPrintf(dest, k.wstr('%s'), [k.wstr('overflowing!')]));
show('VPrintfEx %s, ZERO_LENGTH_ON_FAILURE', k.RtlUnicodeStringVPrintfEx(dest, rem, k.STRSAFE_ZERO_LENGTH_ON_FAILURE, k.wstr('%s'), [k.wstr('overflowing!')]));
