// Specification: content/ddi/wdm/nf-wdm-rtl*string*.md (and the ntifs/ntddk pages of the same routines),
// with edge cases Windows shows in public conformance tests (capped lengths, terminators written only
// when there is room, Length set before an overflow is reported).
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function us(k: ReturnType<typeof createKernel>, maximumLength: number, text = '') {
  const s = k.alloc('UNICODE_STRING');
  const buffer = maximumLength ? k.alloc(maximumLength) : 0;
  [...text].forEach((c, i) => k.write(buffer + i * 2, 'WCHAR', c.charCodeAt(0)));
  k.set(s, 'UNICODE_STRING', 'Length', text.length * 2);
  k.set(s, 'UNICODE_STRING', 'MaximumLength', maximumLength);
  k.set(s, 'UNICODE_STRING', 'Buffer', buffer);
  return s;
}
const text = (k: ReturnType<typeof createKernel>, s: number) =>
  k.readWstr(k.get(s, 'UNICODE_STRING', 'Buffer') as number, (k.get(s, 'UNICODE_STRING', 'Length') as number) / 2);

describe('UNICODE_STRING / STRING layouts', () => {
  it('are 16 bytes on x64 with Buffer at offset 8', () => {
    const k = createKernel();
    for (const t of ['UNICODE_STRING', 'ANSI_STRING', 'STRING', 'UTF8_STRING']) {
      expect(k.sizeof(t)).toBe(16);
      expect(k.offsetof(t, 'Buffer')).toBe(8);
    }
  });
});

describe('RtlInitUnicodeString / RtlInitAnsiString', () => {
  it('sets Length to the bytes without the terminator and MaximumLength with it', () => {
    const k = createKernel();
    const s = k.alloc('UNICODE_STRING');
    const src = k.wstr('Driver');
    k.RtlInitUnicodeString(s, src);
    expect([k.get(s, 'UNICODE_STRING', 'Length'), k.get(s, 'UNICODE_STRING', 'MaximumLength'), k.get(s, 'UNICODE_STRING', 'Buffer')]).toEqual([12, 14, src]);
    const a = k.alloc('ANSI_STRING');
    k.RtlInitAnsiString(a, k.astr('abc'));
    expect([k.get(a, 'ANSI_STRING', 'Length'), k.get(a, 'ANSI_STRING', 'MaximumLength')]).toEqual([3, 4]);
  });

  it('a NULL source gives an empty string with a NULL Buffer', () => {
    const k = createKernel();
    const s = k.alloc('UNICODE_STRING');
    k.RtlInitUnicodeString(s, 0);
    expect([k.get(s, 'UNICODE_STRING', 'Length'), k.get(s, 'UNICODE_STRING', 'MaximumLength'), k.get(s, 'UNICODE_STRING', 'Buffer')]).toEqual([0, 0, 0]);
  });

  it('caps an over-long wide string at Length 0xFFFC; RtlInitStringEx reports STATUS_NAME_TOO_LONG instead', () => {
    const k = createKernel();
    const s = k.alloc('UNICODE_STRING');
    k.RtlInitUnicodeString(s, k.wstr('x'.repeat(0x8000)));
    expect([k.get(s, 'UNICODE_STRING', 'Length'), k.get(s, 'UNICODE_STRING', 'MaximumLength')]).toEqual([0xfffc, 0xfffe]);
    expect(k.RtlInitStringEx(k.alloc('STRING'), k.astr('y'.repeat(0x10000)))).toBe(k.STATUS_NAME_TOO_LONG);
  });
});

describe('RtlCopyUnicodeString', () => {
  it('copies at most MaximumLength bytes and NUL-terminates only when there is room', () => {
    const k = createKernel();
    const dest = us(k, 6);
    k.RtlCopyUnicodeString(dest, us(k, 10, 'abcd'));
    expect(text(k, dest)).toBe('abc');
    const roomy = us(k, 12);
    k.RtlCopyUnicodeString(roomy, us(k, 10, 'ab'));
    expect(k.readWstr(k.get(roomy, 'UNICODE_STRING', 'Buffer') as number)).toBe('ab');
  });

  it('a NULL source sets Length to zero', () => {
    const k = createKernel();
    const dest = us(k, 8, 'abc');
    k.RtlCopyUnicodeString(dest, 0);
    expect(k.get(dest, 'UNICODE_STRING', 'Length')).toBe(0);
  });
});

describe('RtlCompareUnicodeString / RtlEqualUnicodeString / RtlPrefixUnicodeString', () => {
  it('compares with or without case', () => {
    const k = createKernel();
    expect(k.RtlCompareUnicodeString(us(k, 8, 'abc'), us(k, 8, 'ABC'), k.TRUE)).toBe(0);
    expect(k.RtlCompareUnicodeString(us(k, 8, 'abc'), us(k, 8, 'ABC'), k.FALSE)).toBeGreaterThan(0);
    expect(k.RtlCompareUnicodeString(us(k, 8, 'ab'), us(k, 8, 'abc'), k.FALSE)).toBeLessThan(0);
    expect(k.RtlEqualUnicodeString(us(k, 8, 'Dev'), us(k, 8, 'DEV'), k.TRUE)).toBe(1);
    expect(k.RtlEqualUnicodeString(us(k, 8, 'Dev'), us(k, 8, 'DEV'), k.FALSE)).toBe(0);
    expect(k.RtlPrefixUnicodeString(us(k, 8, '\\??'), us(k, 16, '\\??\\C:'), k.FALSE)).toBe(1);
    expect(k.RtlPrefixUnicodeString(us(k, 16, '\\??\\C:'), us(k, 8, '\\??'), k.FALSE)).toBe(0);
  });

  it('RtlEqualString and RtlCompareString work on ANSI strings', () => {
    const k = createKernel();
    const a = k.alloc('STRING');
    const b = k.alloc('STRING');
    k.RtlInitString(a, k.astr('Hello'));
    k.RtlInitString(b, k.astr('HELLO'));
    expect(k.RtlEqualString(a, b, k.TRUE)).toBe(1);
    expect(k.RtlCompareString(a, b, k.FALSE)).toBeGreaterThan(0);
  });
});

describe('RtlAppendUnicodeStringToString / RtlAppendUnicodeToString', () => {
  it('appends and returns STATUS_BUFFER_TOO_SMALL, leaving the destination unchanged, when it does not fit', () => {
    const k = createKernel();
    const dest = us(k, 10, 'ab');
    expect(k.RtlAppendUnicodeStringToString(dest, us(k, 4, 'cd'))).toBe(k.STATUS_SUCCESS);
    expect(text(k, dest)).toBe('abcd');
    expect(k.RtlAppendUnicodeToString(dest, k.wstr('ef'))).toBe(k.STATUS_BUFFER_TOO_SMALL);
    expect(text(k, dest)).toBe('abcd');
    expect(k.RtlAppendUnicodeToString(dest, k.wstr('e'))).toBe(k.STATUS_SUCCESS);
    expect(text(k, dest)).toBe('abcde');
  });
});

describe('RtlUpcaseUnicodeString / RtlUpperString / chars', () => {
  it('upcases into the destination or into a new pool buffer freed by RtlFreeUnicodeString', () => {
    const k = createKernel();
    const dest = k.alloc('UNICODE_STRING');
    expect(k.RtlUpcaseUnicodeString(dest, us(k, 8, 'abc'), k.TRUE)).toBe(k.STATUS_SUCCESS);
    expect(text(k, dest)).toBe('ABC');
    k.RtlFreeUnicodeString(dest);
    expect(k.get(dest, 'UNICODE_STRING', 'Buffer')).toBe(0);
    expect(k.RtlUpcaseUnicodeString(us(k, 2), us(k, 8, 'abc'), k.FALSE)).toBe(k.STATUS_BUFFER_OVERFLOW);
    expect(k.RtlUpcaseUnicodeChar(0x61)).toBe(0x41);
    expect(k.RtlDowncaseUnicodeChar(0x41)).toBe(0x61);
    expect(k.RtlUpperChar(0x7a)).toBe(0x5a);
  });
});

describe('RtlAnsiStringToUnicodeString / RtlUnicodeStringToAnsiString', () => {
  it('converts with allocation; forgetting RtlFreeUnicodeString is a pool leak at unload', () => {
    const k = createKernel();
    const a = k.alloc('ANSI_STRING');
    k.RtlInitAnsiString(a, k.astr('port'));
    const u = k.alloc('UNICODE_STRING');
    expect(k.RtlAnsiStringToUnicodeString(u, a, k.TRUE)).toBe(k.STATUS_SUCCESS);
    expect(text(k, u)).toBe('port');
    expect(k.get(u, 'UNICODE_STRING', 'MaximumLength')).toBe(10);
    expect(() => k.unload()).toThrow(expect.objectContaining({ name: 'BugCheck' }));
  });

  it('without allocation reports STATUS_BUFFER_OVERFLOW when the terminator does not fit', () => {
    const k = createKernel();
    const a = k.alloc('ANSI_STRING');
    k.RtlInitAnsiString(a, k.astr('port'));
    expect(k.RtlAnsiStringToUnicodeString(us(k, 8), a, k.FALSE)).toBe(k.STATUS_BUFFER_OVERFLOW);
    const fits = us(k, 10);
    expect(k.RtlAnsiStringToUnicodeString(fits, a, k.FALSE)).toBe(k.STATUS_SUCCESS);
    expect(text(k, fits)).toBe('port');
  });

  it('RtlUnicodeStringToAnsiString truncates to MaximumLength - 1 with STATUS_BUFFER_OVERFLOW', () => {
    const k = createKernel();
    const a = k.alloc('ANSI_STRING');
    k.RtlInitEmptyAnsiString(a, k.alloc(3), 3);
    expect(k.RtlUnicodeStringToAnsiString(a, us(k, 8, 'abcd'), k.FALSE)).toBe(k.STATUS_BUFFER_OVERFLOW);
    expect(k.readAstr(k.get(a, 'ANSI_STRING', 'Buffer') as number)).toBe('ab');
    const b = k.alloc('ANSI_STRING');
    expect(k.RtlUnicodeStringToAnsiString(b, us(k, 8, 'abcd'), k.TRUE)).toBe(k.STATUS_SUCCESS);
    expect(k.readAstr(k.get(b, 'ANSI_STRING', 'Buffer') as number)).toBe('abcd');
    k.RtlFreeAnsiString(b);
    expect(() => k.unload()).not.toThrow();
  });

  it('freeing a string that no routine allocated bugchecks as a free of memory no pool allocation returned', () => {
    const k = createKernel();
    const s = k.alloc('UNICODE_STRING');
    k.RtlInitUnicodeString(s, k.wstr('literal'));
    expect(() => k.RtlFreeUnicodeString(s)).toThrow(expect.objectContaining({ codeName: 'DRIVER_VERIFIER_DETECTED_VIOLATION', routine: 'RtlFreeUnicodeString' }));
  });
});

describe('integer conversions', () => {
  it('RtlCharToInteger honours blanks, sign, and 0x/0o/0b prefixes with Base 0', () => {
    const k = createKernel();
    const v = k.alloc('ULONG');
    const parse = (s: string, base: number) => { expect(k.RtlCharToInteger(k.astr(s), base, v)).toBe(0); return k.read(v, 'ULONG'); };
    expect(parse('  123abc', 0)).toBe(123);
    expect(parse('0x1F', 0)).toBe(31);
    expect(parse('0b101', 0)).toBe(5);
    expect(parse('-1', 10)).toBe(0xffffffff);
    expect(parse('ff', 16)).toBe(255);
    expect(k.RtlCharToInteger(k.astr('1'), 7, v)).toBe(k.STATUS_INVALID_PARAMETER);
  });

  it('RtlUnicodeStringToInteger reads only Length bytes', () => {
    const k = createKernel();
    const v = k.alloc('ULONG');
    const s = us(k, 8, '4096');
    k.set(s, 'UNICODE_STRING', 'Length', 4);
    expect(k.RtlUnicodeStringToInteger(s, 0, v)).toBe(0);
    expect(k.read(v, 'ULONG')).toBe(40);
  });

  it('RtlIntegerToUnicodeString writes uppercase digits and needs room for the terminator', () => {
    const k = createKernel();
    const s = us(k, 10);
    expect(k.RtlIntegerToUnicodeString(0xbeef, 16, s)).toBe(k.STATUS_SUCCESS);
    expect(text(k, s)).toBe('BEEF');
    expect(k.RtlIntegerToUnicodeString(12345, 10, s)).toBe(k.STATUS_BUFFER_OVERFLOW);
    expect(k.RtlInt64ToUnicodeString(2n ** 40n, 10, us(k, 40))).toBe(k.STATUS_SUCCESS);
    expect(k.RtlIntegerToUnicodeString(1, 3, s)).toBe(k.STATUS_INVALID_PARAMETER);
  });
});

describe('RtlHashUnicodeString / UTF-8 / GUID', () => {
  it('hashes with X65599 and folds case when asked', () => {
    const k = createKernel();
    const h1 = k.alloc('ULONG');
    const h2 = k.alloc('ULONG');
    expect(k.RtlHashUnicodeString(us(k, 8, 'abc'), k.TRUE, k.HASH_STRING_ALGORITHM_X65599, h1)).toBe(0);
    expect(k.RtlHashUnicodeString(us(k, 8, 'ABC'), k.FALSE, k.HASH_STRING_ALGORITHM_X65599, h2)).toBe(0);
    expect(k.read(h1, 'ULONG')).toBe(k.read(h2, 'ULONG'));
    expect(k.read(h1, 'ULONG')).toBe(((0x41 * 65599 + 0x42) * 65599 + 0x43) >>> 0);
    expect(k.RtlHashUnicodeString(us(k, 8, 'a'), k.TRUE, 7, h1)).toBe(k.STATUS_INVALID_PARAMETER);
  });

  it('RtlUnicodeToUTF8N reports the size needed when the destination is NULL', () => {
    const k = createKernel();
    const src = k.wstr('h\u00e9');
    const n = k.alloc('ULONG');
    expect(k.RtlUnicodeToUTF8N(0, 0, n, src, 4)).toBe(0);
    expect(k.read(n, 'ULONG')).toBe(3);
    const out = k.alloc(3);
    expect(k.RtlUnicodeToUTF8N(out, 3, n, src, 4)).toBe(0);
    expect([...k.bytes(out, 3)]).toEqual([0x68, 0xc3, 0xa9]);
    expect(k.RtlUnicodeToUTF8N(out, 2, n, src, 4)).toBe(k.STATUS_BUFFER_TOO_SMALL);
    expect(k.read(n, 'ULONG')).toBe(1);
    expect(k.RtlUnicodeToUTF8N(out, 3, n, src, 3)).toBe(k.STATUS_INVALID_PARAMETER_5);
  });

  it('RtlStringFromGUID and RtlGUIDFromString round-trip', () => {
    const k = createKernel();
    const guid = k.alloc('GUID');
    const s = us(k, 80, '{6B29FC40-CA47-1067-B31D-00DD010662DA}');
    expect(k.RtlGUIDFromString(s, guid)).toBe(0);
    expect(k.get(guid, 'GUID', 'Data1')).toBe(0x6b29fc40);
    const back = k.alloc('UNICODE_STRING');
    expect(k.RtlStringFromGUID(guid, back)).toBe(0);
    expect(text(k, back)).toBe('{6B29FC40-CA47-1067-B31D-00DD010662DA}');
    k.RtlFreeUnicodeString(back);
    expect(k.RtlGUIDFromString(us(k, 10, '{bad}'), guid)).toBe(k.STATUS_INVALID_PARAMETER);
  });
});

describe('edge cases Windows shows in public conformance tests', () => {
  it('RtlUpperChar and RtlUpperString change only a-z', () => {
    const k = createKernel();
    expect(k.RtlUpperChar(0xe9)).toBe(-0x17); // 'é' as a signed CHAR, unchanged
    expect(k.RtlUpperChar(0x7a)).toBe(0x5a);
    const src = k.alloc('STRING');
    const buf = k.alloc(4);
    [0x61, 0xe9, 0x7a, 0x31].forEach((c, i) => k.write(buf + i, 'UCHAR', c));
    k.set(src, 'STRING', 'Length', 4);
    k.set(src, 'STRING', 'MaximumLength', 4);
    k.set(src, 'STRING', 'Buffer', buf);
    k.RtlUpperString(src, src);
    expect([...k.bytes(buf, 4)]).toEqual([0x41, 0xe9, 0x5a, 0x31]);
  });

  it('RtlUpcaseUnicodeChar maps à-þ (not ÷) down by 0x20 and ÿ to Ÿ, and leaves µ alone', () => {
    const k = createKernel();
    expect(k.RtlUpcaseUnicodeChar(0xe0)).toBe(0xc0);
    expect(k.RtlUpcaseUnicodeChar(0xf7)).toBe(0xf7);
    expect(k.RtlUpcaseUnicodeChar(0xff)).toBe(0x178);
    expect(k.RtlUpcaseUnicodeChar(0xb5)).toBe(0xb5);
    expect(k.RtlDowncaseUnicodeChar(0x178)).toBe(0xff);
  });

  it('RtlUnicodeStringToAnsiString sets Length before it reports an empty destination, without reading the source', () => {
    const k = createKernel();
    const src = k.alloc('UNICODE_STRING');
    k.set(src, 'UNICODE_STRING', 'Length', 10); // Buffer NULL
    const dest = k.alloc('ANSI_STRING');
    expect(k.RtlUnicodeStringToAnsiString(dest, src, k.FALSE)).toBe(k.STATUS_BUFFER_OVERFLOW);
    expect(k.get(dest, 'ANSI_STRING', 'Length')).toBe(5);
  });

  it('RtlUnicodeStringToAnsiString allocates MaximumLength 1 for an empty source', () => {
    const k = createKernel();
    const src = k.alloc('UNICODE_STRING');
    const dest = k.alloc('ANSI_STRING');
    expect(k.RtlUnicodeStringToAnsiString(dest, src, k.TRUE)).toBe(0);
    expect([k.get(dest, 'ANSI_STRING', 'Length'), k.get(dest, 'ANSI_STRING', 'MaximumLength')]).toEqual([0, 1]);
    k.RtlFreeAnsiString(dest);
  });

  it('RtlCharToInteger: one sign only, 0x/0o/0b need the leading 0, and values wrap to 32 bits', () => {
    const k = createKernel();
    const v = k.alloc('LONG');
    const parse = (text: string, base = 0) => { k.RtlCharToInteger(k.astr(text), base, v); return k.read(v, 'LONG'); };
    expect(parse('--214')).toBe(0);
    expect(parse('\u0001\u0002 +214')).toBe(214);
    expect(parse('x89abcdef')).toBe(0);
    expect(parse('0o56789')).toBe(0o567);
    expect(parse('-9999999999')).toBe(-1410065407);
    expect(parse('0b1011101100', 16)).toBe(286265600);
    expect(k.RtlCharToInteger(k.astr('1'), 10, 0)).toBe(k.STATUS_ACCESS_VIOLATION);
    expect(k.RtlCharToInteger(k.astr('1'), 20, 0)).toBe(k.STATUS_INVALID_PARAMETER);
  });

  it('RtlInitUnicodeStringEx leaves the string untouched when the source is too long', () => {
    const k = createKernel();
    const s = us(k, 8, 'abc');
    expect(k.RtlInitUnicodeStringEx(s, k.wstr('x'.repeat(40000)))).toBe(k.STATUS_NAME_TOO_LONG);
    expect(k.get(s, 'UNICODE_STRING', 'Length')).toBe(6);
  });

  it('RtlAppendUnicodeStringToString terminates only when a whole WCHAR fits after the text', () => {
    const k = createKernel();
    const dest = us(k, 10, 'ab');
    k.RtlAppendUnicodeStringToString(dest, us(k, 4, 'cd'));
    expect(k.read((k.get(dest, 'UNICODE_STRING', 'Buffer') as number) + 8, 'WCHAR')).toBe(0);
    const full = us(k, 8, 'ab');
    const buffer = k.get(full, 'UNICODE_STRING', 'Buffer') as number;
    k.RtlAppendUnicodeStringToString(full, us(k, 4, 'cd'));
    expect(k.readWstr(buffer, 4)).toBe('abcd');
  });
});
