// @title Safe string copy and concatenation (RtlStringCch… / RtlStringCb…, ANSI and Unicode)
// @routines RtlStringCchCopyA RtlStringCchCopyNA RtlStringCchCopyExA RtlStringCchCopyNExA RtlStringCchCatA RtlStringCchCatNA RtlStringCchCatExA RtlStringCchCatNExA RtlStringCchCopyW RtlStringCchCopyNW RtlStringCchCopyExW RtlStringCchCopyNExW RtlStringCchCatW RtlStringCchCatNW RtlStringCchCatExW RtlStringCchCatNExW RtlStringCbCopyA RtlStringCbCopyNA RtlStringCbCopyExA RtlStringCbCopyNExA RtlStringCbCatA RtlStringCbCatNA RtlStringCbCatExA RtlStringCbCatNExA RtlStringCbCopyW RtlStringCbCopyNW RtlStringCbCopyExW RtlStringCbCopyNExW RtlStringCbCatW RtlStringCbCatNW RtlStringCbCatExW RtlStringCbCatNExW
// Every destination here holds 8 characters. The Cch forms take sizes in characters, the Cb forms in bytes.
// RtlStringCchCopy: "STATUS_BUFFER_OVERFLOW … the destination buffer contains a truncated version of the
// created string" and the result is always null-terminated. The Ex forms add "a pointer to the end of the
// destination string, as well as the number of characters left unused" and dwFlags:
// STRSAFE_NO_TRUNCATION: "the contents of the destination buffer will be set to an empty string" (copy)
// or left unmodified (cat); STRSAFE_NULL_ON_FAILURE: "the destination buffer is set to an empty string";
// STRSAFE_IGNORE_NULLS: "NULL pszSrc pointers are treated like empty strings".
{
  // RtlStringCch…A: sizes in characters, ANSI characters.
  const size = 8;
  const d = k.alloc(8 * 1);
  const s = (t) => k.astr(t);
  const text = () => k.readAstr(d);
  const show = (label, status) => print('RtlStringCchA', label, hex(status), JSON.stringify(text()));
  show('Copy "driver"', k.RtlStringCchCopyA(d, size, s('driver')));
  show('Copy "driver-name"', k.RtlStringCchCopyA(d, size, s('driver-name')));
  show('CopyN 3 of "driver-name"', k.RtlStringCchCopyNA(d, size, s('driver-name'), 3));
  show('Cat "ver"', k.RtlStringCchCatA(d, size, s('ver')));
  show('Cat "-name"', k.RtlStringCchCatA(d, size, s('-name')));
  k.RtlStringCchCopyA(d, size, s('ab'));
  show('CatN 2 of "cdefgh" to "ab"', k.RtlStringCchCatNA(d, size, s('cdefgh'), 2));
  const end = k.alloc('PVOID');
  const remaining = k.alloc('SIZE_T');
  const ex = (label, status) => print('RtlStringCchA', label, hex(status), JSON.stringify(text()),
    'end', (k.read(end, 'PVOID') - d) / 1, 'remaining', k.read(remaining, 'SIZE_T'));
  ex('CopyEx "abc"', k.RtlStringCchCopyExA(d, size, s('abc'), end, remaining, 0));
  ex('CopyEx NULL, IGNORE_NULLS', k.RtlStringCchCopyExA(d, size, 0, end, remaining, k.STRSAFE_IGNORE_NULLS));
  k.RtlStringCchCopyA(d, size, s('abc'));
  show('CopyNEx 9 of "abcdefghij", NO_TRUNCATION', k.RtlStringCchCopyNExA(d, size, s('abcdefghij'), 9, end, remaining, k.STRSAFE_NO_TRUNCATION));
  k.RtlStringCchCopyA(d, size, s('abcdef'));
  show('CatEx "xyz" to "abcdef", NO_TRUNCATION', k.RtlStringCchCatExA(d, size, s('xyz'), end, remaining, k.STRSAFE_NO_TRUNCATION));
  show('CatEx "xyz" to "abcdef", NULL_ON_FAILURE', k.RtlStringCchCatExA(d, size, s('xyz'), end, remaining, k.STRSAFE_NULL_ON_FAILURE));
  ex('CatNEx 2 of "123456"', k.RtlStringCchCatNExA(d, size, s('123456'), 2, end, remaining, 0));
}
{
  // RtlStringCch…W: sizes in characters, Unicode characters.
  const size = 8;
  const d = k.alloc(8 * 2);
  const s = (t) => k.wstr(t);
  const text = () => k.readWstr(d);
  const show = (label, status) => print('RtlStringCchW', label, hex(status), JSON.stringify(text()));
  show('Copy "driver"', k.RtlStringCchCopyW(d, size, s('driver')));
  show('Copy "driver-name"', k.RtlStringCchCopyW(d, size, s('driver-name')));
  show('CopyN 3 of "driver-name"', k.RtlStringCchCopyNW(d, size, s('driver-name'), 3));
  show('Cat "ver"', k.RtlStringCchCatW(d, size, s('ver')));
  show('Cat "-name"', k.RtlStringCchCatW(d, size, s('-name')));
  k.RtlStringCchCopyW(d, size, s('ab'));
  show('CatN 2 of "cdefgh" to "ab"', k.RtlStringCchCatNW(d, size, s('cdefgh'), 2));
  const end = k.alloc('PVOID');
  const remaining = k.alloc('SIZE_T');
  const ex = (label, status) => print('RtlStringCchW', label, hex(status), JSON.stringify(text()),
    'end', (k.read(end, 'PVOID') - d) / 2, 'remaining', k.read(remaining, 'SIZE_T'));
  ex('CopyEx "abc"', k.RtlStringCchCopyExW(d, size, s('abc'), end, remaining, 0));
  ex('CopyEx NULL, IGNORE_NULLS', k.RtlStringCchCopyExW(d, size, 0, end, remaining, k.STRSAFE_IGNORE_NULLS));
  k.RtlStringCchCopyW(d, size, s('abc'));
  show('CopyNEx 9 of "abcdefghij", NO_TRUNCATION', k.RtlStringCchCopyNExW(d, size, s('abcdefghij'), 9, end, remaining, k.STRSAFE_NO_TRUNCATION));
  k.RtlStringCchCopyW(d, size, s('abcdef'));
  show('CatEx "xyz" to "abcdef", NO_TRUNCATION', k.RtlStringCchCatExW(d, size, s('xyz'), end, remaining, k.STRSAFE_NO_TRUNCATION));
  show('CatEx "xyz" to "abcdef", NULL_ON_FAILURE', k.RtlStringCchCatExW(d, size, s('xyz'), end, remaining, k.STRSAFE_NULL_ON_FAILURE));
  ex('CatNEx 2 of "123456"', k.RtlStringCchCatNExW(d, size, s('123456'), 2, end, remaining, 0));
}
{
  // RtlStringCb…A: sizes in bytes, ANSI characters.
  const size = 8;
  const d = k.alloc(8 * 1);
  const s = (t) => k.astr(t);
  const text = () => k.readAstr(d);
  const show = (label, status) => print('RtlStringCbA', label, hex(status), JSON.stringify(text()));
  show('Copy "driver"', k.RtlStringCbCopyA(d, size, s('driver')));
  show('Copy "driver-name"', k.RtlStringCbCopyA(d, size, s('driver-name')));
  show('CopyN 3 of "driver-name"', k.RtlStringCbCopyNA(d, size, s('driver-name'), 3));
  show('Cat "ver"', k.RtlStringCbCatA(d, size, s('ver')));
  show('Cat "-name"', k.RtlStringCbCatA(d, size, s('-name')));
  k.RtlStringCbCopyA(d, size, s('ab'));
  show('CatN 2 of "cdefgh" to "ab"', k.RtlStringCbCatNA(d, size, s('cdefgh'), 2));
  const end = k.alloc('PVOID');
  const remaining = k.alloc('SIZE_T');
  const ex = (label, status) => print('RtlStringCbA', label, hex(status), JSON.stringify(text()),
    'end', (k.read(end, 'PVOID') - d) / 1, 'remaining', k.read(remaining, 'SIZE_T'));
  ex('CopyEx "abc"', k.RtlStringCbCopyExA(d, size, s('abc'), end, remaining, 0));
  ex('CopyEx NULL, IGNORE_NULLS', k.RtlStringCbCopyExA(d, size, 0, end, remaining, k.STRSAFE_IGNORE_NULLS));
  k.RtlStringCbCopyA(d, size, s('abc'));
  show('CopyNEx 9 of "abcdefghij", NO_TRUNCATION', k.RtlStringCbCopyNExA(d, size, s('abcdefghij'), 9, end, remaining, k.STRSAFE_NO_TRUNCATION));
  k.RtlStringCbCopyA(d, size, s('abcdef'));
  show('CatEx "xyz" to "abcdef", NO_TRUNCATION', k.RtlStringCbCatExA(d, size, s('xyz'), end, remaining, k.STRSAFE_NO_TRUNCATION));
  show('CatEx "xyz" to "abcdef", NULL_ON_FAILURE', k.RtlStringCbCatExA(d, size, s('xyz'), end, remaining, k.STRSAFE_NULL_ON_FAILURE));
  ex('CatNEx 2 of "123456"', k.RtlStringCbCatNExA(d, size, s('123456'), 2, end, remaining, 0));
}
{
  // RtlStringCb…W: sizes in bytes, Unicode characters.
  const size = 16;
  const d = k.alloc(8 * 2);
  const s = (t) => k.wstr(t);
  const text = () => k.readWstr(d);
  const show = (label, status) => print('RtlStringCbW', label, hex(status), JSON.stringify(text()));
  show('Copy "driver"', k.RtlStringCbCopyW(d, size, s('driver')));
  show('Copy "driver-name"', k.RtlStringCbCopyW(d, size, s('driver-name')));
  show('CopyN 3 of "driver-name"', k.RtlStringCbCopyNW(d, size, s('driver-name'), 6));
  show('Cat "ver"', k.RtlStringCbCatW(d, size, s('ver')));
  show('Cat "-name"', k.RtlStringCbCatW(d, size, s('-name')));
  k.RtlStringCbCopyW(d, size, s('ab'));
  show('CatN 2 of "cdefgh" to "ab"', k.RtlStringCbCatNW(d, size, s('cdefgh'), 4));
  const end = k.alloc('PVOID');
  const remaining = k.alloc('SIZE_T');
  const ex = (label, status) => print('RtlStringCbW', label, hex(status), JSON.stringify(text()),
    'end', (k.read(end, 'PVOID') - d) / 2, 'remaining', k.read(remaining, 'SIZE_T'));
  ex('CopyEx "abc"', k.RtlStringCbCopyExW(d, size, s('abc'), end, remaining, 0));
  ex('CopyEx NULL, IGNORE_NULLS', k.RtlStringCbCopyExW(d, size, 0, end, remaining, k.STRSAFE_IGNORE_NULLS));
  k.RtlStringCbCopyW(d, size, s('abc'));
  show('CopyNEx 9 of "abcdefghij", NO_TRUNCATION', k.RtlStringCbCopyNExW(d, size, s('abcdefghij'), 18, end, remaining, k.STRSAFE_NO_TRUNCATION));
  k.RtlStringCbCopyW(d, size, s('abcdef'));
  show('CatEx "xyz" to "abcdef", NO_TRUNCATION', k.RtlStringCbCatExW(d, size, s('xyz'), end, remaining, k.STRSAFE_NO_TRUNCATION));
  show('CatEx "xyz" to "abcdef", NULL_ON_FAILURE', k.RtlStringCbCatExW(d, size, s('xyz'), end, remaining, k.STRSAFE_NULL_ON_FAILURE));
  ex('CatNEx 2 of "123456"', k.RtlStringCbCatNExW(d, size, s('123456'), 4, end, remaining, 0));
}
