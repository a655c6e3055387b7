// Specification: content/ddi/ntstrsafe/*.md (return-code tables and dwFlags tables of each page).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LayoutRegistry } from '../../src/emulator/layout.ts';
import { Memory } from '../../src/emulator/memory.ts';
import {
  createNtStrSafe, STATUS_BUFFER_OVERFLOW, STATUS_INVALID_PARAMETER, STATUS_SUCCESS, STRSAFE_FILL_BYTE,
  STRSAFE_FAILURE_BYTE, STRSAFE_IGNORE_NULLS, STRSAFE_NO_TRUNCATION, STRSAFE_NULL_ON_FAILURE,
  STRSAFE_ZERO_LENGTH_ON_FAILURE,
} from '../../src/emulator/ntstrsafe.ts';

function machine() {
  const memory = new Memory(1 << 24, () => 0, new LayoutRegistry());
  const s = createNtStrSafe(memory);
  const alloc = (size: number) => memory.reserve(size, { origin: 'storage' })!.base;
  const wstr = (text: string) => {
    const at = alloc((text.length + 1) * 2);
    [...text].forEach((c, i) => memory.write(at + i * 2, 'WCHAR', c.charCodeAt(0)));
    return at;
  };
  const astr = (text: string) => {
    const at = alloc(text.length + 1);
    [...text].forEach((c, i) => memory.write(at + i, 'UCHAR', c.charCodeAt(0)));
    return at;
  };
  const readW = (at: number, n = Infinity) => {
    let out = '';
    for (let i = 0; i < n; i++) { const c = Number(memory.read(at + i * 2, 'WCHAR')); if (c === 0 && n === Infinity) break; out += String.fromCharCode(c); }
    return out;
  };
  const readA = (at: number) => {
    let out = '';
    for (let i = 0; ; i++) { const c = Number(memory.read(at + i, 'UCHAR')); if (c === 0) break; out += String.fromCharCode(c); }
    return out;
  };
  const unicode = (maximumLength: number, text = '') => {
    const us = alloc(16);
    const buffer = maximumLength ? alloc(maximumLength) : 0;
    [...text].forEach((c, i) => memory.write(buffer + i * 2, 'WCHAR', c.charCodeAt(0)));
    memory.write(us, 'USHORT', text.length * 2);
    memory.write(us + 2, 'USHORT', maximumLength);
    memory.write(us + 8, 'PVOID', buffer);
    return us;
  };
  const usText = (us: number) => readW(Number(memory.read(us + 8, 'PVOID')), Number(memory.read(us, 'USHORT')) / 2);
  return { memory, s, alloc, wstr, astr, readW, readA, unicode, usText };
}

describe('ntstrsafe routine table', () => {
  it('implements every routine that has a page in content/ddi/ntstrsafe', () => {
    const { s } = machine();
    const dir = new URL('../../content/ddi/ntstrsafe/', import.meta.url);
    const names = readdirSync(dir).filter((f) => f.endsWith('.c'))
      .map((f) => /(Rtl\w+)\s*\(/.exec(readFileSync(new URL(f, dir), 'utf8'))![1]!);
    expect(names.length).toBe(90);
    for (const name of names) expect(typeof s[name], name).toBe('function');
    expect(Object.keys(s).length).toBe(90);
  });
});

describe('RtlStringCchCopyW / RtlStringCbCopyA', () => {
  it('copies and NUL-terminates when the source fits (STATUS_SUCCESS)', () => {
    const { s, alloc, wstr, readW } = machine();
    const dest = alloc(16 * 2);
    expect(s.RtlStringCchCopyW!(dest, 16, wstr('driver'))).toBe(STATUS_SUCCESS);
    expect(readW(dest)).toBe('driver');
  });

  it('truncates to cchDest - 1 characters and returns STATUS_BUFFER_OVERFLOW', () => {
    const { s, alloc, wstr, readW } = machine();
    const dest = alloc(4 * 2);
    expect(s.RtlStringCchCopyW!(dest, 4n, wstr('driver'))).toBe(STATUS_BUFFER_OVERFLOW);
    expect(readW(dest)).toBe('dri');
  });

  it('rejects a zero-sized or larger-than-NTSTRSAFE_MAX_CCH destination with STATUS_INVALID_PARAMETER', () => {
    const { s, alloc, wstr } = machine();
    const dest = alloc(8);
    expect(s.RtlStringCchCopyW!(dest, 0, wstr('x'))).toBe(STATUS_INVALID_PARAMETER);
    expect(s.RtlStringCchCopyW!(dest, 2147483648n, wstr('x'))).toBe(STATUS_INVALID_PARAMETER);
  });

  it('measures a Cb destination in bytes: 4 bytes hold three ANSI characters', () => {
    const { s, alloc, astr, readA } = machine();
    const dest = alloc(4);
    expect(s.RtlStringCbCopyA!(dest, 4, astr('abcdef'))).toBe(STATUS_BUFFER_OVERFLOW);
    expect(readA(dest)).toBe('abc');
  });

  it('faults like Verifier special pool when cchDest overstates the buffer', () => {
    const { s, alloc, wstr } = machine();
    const dest = alloc(4 * 2);
    expect(() => s.RtlStringCchCopyW!(dest, 64, wstr('a longer string'))).toThrow(expect.objectContaining({ name: 'BugCheck' }));
  });
});

describe('RtlStringCchCopyNW', () => {
  it('copies at most cchToCopy characters', () => {
    const { s, alloc, wstr, readW } = machine();
    const dest = alloc(16 * 2);
    expect(s.RtlStringCchCopyNW!(dest, 16, wstr('abcdef'), 3)).toBe(STATUS_SUCCESS);
    expect(readW(dest)).toBe('abc');
  });
});

describe('RtlStringCchCatW', () => {
  it('appends after the existing string', () => {
    const { s, alloc, wstr, readW } = machine();
    const dest = alloc(16 * 2);
    s.RtlStringCchCopyW!(dest, 16, wstr('ab'));
    expect(s.RtlStringCchCatW!(dest, 16, wstr('cd'))).toBe(STATUS_SUCCESS);
    expect(readW(dest)).toBe('abcd');
  });

  it('returns STATUS_INVALID_PARAMETER when the destination holds no terminator within cchDest', () => {
    const { s, alloc, wstr, memory } = machine();
    const dest = alloc(4 * 2);
    for (let i = 0; i < 4; i++) memory.write(dest + i * 2, 'WCHAR', 0x41);
    expect(s.RtlStringCchCatW!(dest, 4, wstr('x'))).toBe(STATUS_INVALID_PARAMETER);
  });

  it('truncates the appended text and returns STATUS_BUFFER_OVERFLOW', () => {
    const { s, alloc, wstr, readW } = machine();
    const dest = alloc(5 * 2);
    s.RtlStringCchCopyW!(dest, 5, wstr('ab'));
    expect(s.RtlStringCchCatW!(dest, 5, wstr('cdef'))).toBe(STATUS_BUFFER_OVERFLOW);
    expect(readW(dest)).toBe('abcd');
  });
});

describe('RtlStringCchCopyExW / RtlStringCchCatExW flags', () => {
  it('reports the end pointer and the unused characters including the terminator', () => {
    const { s, alloc, wstr, memory } = machine();
    const dest = alloc(10 * 2);
    const end = alloc(8);
    const remaining = alloc(8);
    expect(s.RtlStringCchCopyExW!(dest, 10, wstr('abc'), end, remaining, 0)).toBe(STATUS_SUCCESS);
    expect(memory.read(end, 'PVOID')).toBe(dest + 6);
    expect(memory.read(remaining, 'SIZE_T')).toBe(7n);
  });

  it('STRSAFE_IGNORE_NULLS treats a NULL source as an empty string', () => {
    const { s, alloc, readW } = machine();
    const dest = alloc(4 * 2);
    expect(s.RtlStringCchCopyExW!(dest, 4, 0, 0, 0, STRSAFE_IGNORE_NULLS)).toBe(STATUS_SUCCESS);
    expect(readW(dest)).toBe('');
    expect(s.RtlStringCchCopyExW!(dest, 4, 0, 0, 0, 0)).toBe(STATUS_INVALID_PARAMETER);
  });

  it('STRSAFE_IGNORE_NULLS: a NULL destination with cchDest 0 cannot receive a nonempty string', () => {
    const { s, wstr } = machine();
    expect(s.RtlStringCchCopyExW!(0, 0, wstr(''), 0, 0, STRSAFE_IGNORE_NULLS)).toBe(STATUS_SUCCESS);
    expect(s.RtlStringCchCopyExW!(0, 0, wstr('x'), 0, 0, STRSAFE_IGNORE_NULLS)).toBe(STATUS_INVALID_PARAMETER);
    expect(s.RtlStringCchCopyExW!(0, 4, wstr(''), 0, 0, STRSAFE_IGNORE_NULLS)).toBe(STATUS_INVALID_PARAMETER);
  });

  it('STRSAFE_FILL_BEHIND_NULL fills the bytes after the terminator with the fill byte on success', () => {
    const { s, alloc, astr, memory } = machine();
    const dest = alloc(6);
    expect(s.RtlStringCchCopyExA!(dest, 6, astr('ab'), 0, 0, STRSAFE_FILL_BYTE(0x2e))).toBe(STATUS_SUCCESS);
    expect([0, 1, 2, 3, 4, 5].map((i) => memory.read(dest + i, 'UCHAR'))).toEqual([0x61, 0x62, 0, 0x2e, 0x2e, 0x2e]);
  });

  it('STRSAFE_FILL_ON_FAILURE fills the whole buffer and NUL-terminates it on truncation', () => {
    const { s, alloc, astr, memory } = machine();
    const dest = alloc(4);
    const remaining = alloc(8);
    expect(s.RtlStringCchCopyExA!(dest, 4, astr('abcdef'), 0, remaining, STRSAFE_FAILURE_BYTE(0x2a))).toBe(STATUS_BUFFER_OVERFLOW);
    expect([0, 1, 2, 3].map((i) => memory.read(dest + i, 'UCHAR'))).toEqual([0x2a, 0x2a, 0x2a, 0]);
    expect(memory.read(remaining, 'SIZE_T')).toBe(1n);
  });

  it('STRSAFE_NULL_ON_FAILURE leaves an empty string on failure', () => {
    const { s, alloc, astr, readA } = machine();
    const dest = alloc(4);
    expect(s.RtlStringCchCopyExA!(dest, 4, astr('abcdef'), 0, 0, STRSAFE_NULL_ON_FAILURE)).toBe(STATUS_BUFFER_OVERFLOW);
    expect(readA(dest)).toBe('');
  });

  it('STRSAFE_NO_TRUNCATION: a copy leaves an empty string, a cat leaves the original string', () => {
    const { s, alloc, wstr, readW } = machine();
    const dest = alloc(5 * 2);
    expect(s.RtlStringCchCopyExW!(dest, 5, wstr('abcdef'), 0, 0, STRSAFE_NO_TRUNCATION)).toBe(STATUS_BUFFER_OVERFLOW);
    expect(readW(dest)).toBe('');
    s.RtlStringCchCopyW!(dest, 5, wstr('ab'));
    expect(s.RtlStringCchCatExW!(dest, 5, wstr('cdef'), 0, 0, STRSAFE_NO_TRUNCATION)).toBe(STATUS_BUFFER_OVERFLOW);
    expect(readW(dest)).toBe('ab');
  });

  it('rejects an unknown flag with STATUS_INVALID_PARAMETER', () => {
    const { s, alloc, wstr } = machine();
    expect(s.RtlStringCchCopyExW!(alloc(8), 4, wstr('a'), 0, 0, 0x10000)).toBe(STATUS_INVALID_PARAMETER);
  });

  it('RtlStringCbCopyExW reports remaining bytes, counting an odd trailing byte', () => {
    const { s, alloc, wstr, memory } = machine();
    const dest = alloc(9);
    const remaining = alloc(8);
    expect(s.RtlStringCbCopyExW!(dest, 9, wstr('ab'), 0, remaining, 0)).toBe(STATUS_SUCCESS);
    expect(memory.read(remaining, 'SIZE_T')).toBe(5n);
  });
});

describe('RtlStringCchLengthW / RtlStringCbLengthA', () => {
  it('returns the length without the terminator', () => {
    const { s, alloc, wstr, astr, memory } = machine();
    const out = alloc(8);
    expect(s.RtlStringCchLengthW!(wstr('hello'), 6, out)).toBe(STATUS_SUCCESS);
    expect(memory.read(out, 'SIZE_T')).toBe(5n);
    expect(s.RtlStringCbLengthA!(astr('hello'), 100, out)).toBe(STATUS_SUCCESS);
    expect(memory.read(out, 'SIZE_T')).toBe(5n);
  });

  it('fails with STATUS_INVALID_PARAMETER and a zero length when no terminator lies within cchMax', () => {
    const { s, alloc, wstr, memory } = machine();
    const out = alloc(8);
    expect(s.RtlStringCchLengthW!(wstr('hello'), 5, out)).toBe(STATUS_INVALID_PARAMETER);
    expect(memory.read(out, 'SIZE_T')).toBe(0n);
    expect(s.RtlStringCchLengthW!(0, 5, out)).toBe(STATUS_INVALID_PARAMETER);
  });
});

describe('RtlStringCchPrintfW / RtlStringCbPrintfA', () => {
  it('formats the common specifiers', () => {
    const { s, alloc, wstr, astr, readW, unicode } = machine();
    const dest = alloc(128 * 2);
    const name = unicode(16, 'Dev');
    expect(s.RtlStringCchPrintfW!(dest, 128, wstr('%d|%5u|%-4x|%08X|%s|%S|%c|%wZ|%I64d|%%|%p'),
      -42, 7, 255, 0xbeef, wstr('wide'), astr('narrow'), 0x41, name, -(2n ** 40n), 0x1000)).toBe(STATUS_SUCCESS);
    expect(readW(dest)).toBe(`-42|    7|ff  |0000BEEF|wide|narrow|A|Dev|${-(2 ** 40)}|%|0000000000001000`);
  });

  it('returns STATUS_BUFFER_OVERFLOW with the output truncated to cchDest - 1 characters', () => {
    const { s, alloc, astr, readA } = machine();
    const dest = alloc(6);
    expect(s.RtlStringCbPrintfA!(dest, 6, astr('value=%d'), 12345)).toBe(STATUS_BUFFER_OVERFLOW);
    expect(readA(dest)).toBe('value');
  });

  it('an exact fit succeeds', () => {
    const { s, alloc, astr, readA } = machine();
    const dest = alloc(4);
    expect(s.RtlStringCbPrintfA!(dest, 4, astr('%d'), 123)).toBe(STATUS_SUCCESS);
    expect(readA(dest)).toBe('123');
  });

  it('RtlStringCchVPrintfW takes its arguments as an array (a va_list)', () => {
    const { s, alloc, wstr, readW } = machine();
    const dest = alloc(32 * 2);
    expect(s.RtlStringCchVPrintfW!(dest, 32, wstr('%s=%i'), [wstr('x'), 3])).toBe(STATUS_SUCCESS);
    expect(readW(dest)).toBe('x=3');
  });

  it('prints (null) for a NULL string argument', () => {
    const { s, alloc, wstr, readW } = machine();
    const dest = alloc(32 * 2);
    s.RtlStringCchPrintfW!(dest, 32, wstr('[%s]'), 0);
    expect(readW(dest)).toBe('[(null)]');
  });
});

describe('RtlUnicodeStringInit / RtlUnicodeStringValidate', () => {
  it('RtlUnicodeStringInit points the string at the source with Length and MaximumLength in bytes', () => {
    const { s, alloc, wstr, memory } = machine();
    const us = alloc(16);
    const text = wstr('abc');
    expect(s.RtlUnicodeStringInit!(us, text)).toBe(STATUS_SUCCESS);
    expect([memory.read(us, 'USHORT'), memory.read(us + 2, 'USHORT'), memory.read(us + 8, 'PVOID')]).toEqual([6, 8, text]);
  });

  it('RtlUnicodeStringValidate rejects an odd Length or Length above MaximumLength', () => {
    const { s, unicode, memory } = machine();
    const us = unicode(8, 'ab');
    expect(s.RtlUnicodeStringValidate!(us)).toBe(STATUS_SUCCESS);
    memory.write(us, 'USHORT', 3);
    expect(s.RtlUnicodeStringValidate!(us)).toBe(STATUS_INVALID_PARAMETER);
    memory.write(us, 'USHORT', 10);
    expect(s.RtlUnicodeStringValidate!(us)).toBe(STATUS_INVALID_PARAMETER);
  });
});

describe('RtlUnicodeStringCopy / Cat / Printf', () => {
  it('copies into the counted buffer without a terminator and sets Length', () => {
    const { s, unicode, usText, memory } = machine();
    const dest = unicode(8);
    expect(s.RtlUnicodeStringCopy!(dest, unicode(8, 'abc'))).toBe(STATUS_SUCCESS);
    expect(usText(dest)).toBe('abc');
    expect(memory.read(dest, 'USHORT')).toBe(6);
  });

  it('fills MaximumLength completely and reports STATUS_BUFFER_OVERFLOW when the source is longer', () => {
    const { s, unicode, wstr, usText } = machine();
    const dest = unicode(6);
    expect(s.RtlUnicodeStringCopyString!(dest, wstr('abcdef'))).toBe(STATUS_BUFFER_OVERFLOW);
    expect(usText(dest)).toBe('abc');
  });

  it('RtlUnicodeStringCatEx reports the remaining space in RemainingString', () => {
    const { s, unicode, usText, memory, alloc } = machine();
    const dest = unicode(12, 'ab');
    const remaining = alloc(16);
    expect(s.RtlUnicodeStringCatEx!(dest, unicode(4, 'cd'), remaining, 0)).toBe(STATUS_SUCCESS);
    expect(usText(dest)).toBe('abcd');
    expect(memory.read(remaining, 'USHORT')).toBe(0);
    expect(memory.read(remaining + 2, 'USHORT')).toBe(4);
    expect(memory.read(remaining + 8, 'PVOID')).toBe(Number(memory.read(dest + 8, 'PVOID')) + 8);
  });

  it('STRSAFE_NO_TRUNCATION keeps the original string; STRSAFE_ZERO_LENGTH_ON_FAILURE empties it', () => {
    const { s, unicode, wstr, usText } = machine();
    const dest = unicode(6, 'a');
    expect(s.RtlUnicodeStringCatStringEx!(dest, wstr('bcdef'), 0, STRSAFE_NO_TRUNCATION)).toBe(STATUS_BUFFER_OVERFLOW);
    expect(usText(dest)).toBe('a');
    expect(s.RtlUnicodeStringCatStringEx!(dest, wstr('bcdef'), 0, STRSAFE_ZERO_LENGTH_ON_FAILURE)).toBe(STATUS_BUFFER_OVERFLOW);
    expect(usText(dest)).toBe('');
  });

  it('RtlUnicodeStringCbCopyStringN copies at most cbToCopy bytes', () => {
    const { s, unicode, wstr, usText } = machine();
    const dest = unicode(16);
    expect(s.RtlUnicodeStringCbCopyStringN!(dest, wstr('abcdef'), 4)).toBe(STATUS_SUCCESS);
    expect(usText(dest)).toBe('ab');
  });

  it('RtlUnicodeStringPrintf formats into the counted buffer', () => {
    const { s, unicode, wstr, usText } = machine();
    const dest = unicode(32);
    expect(s.RtlUnicodeStringPrintf!(dest, wstr('%s-%02d'), wstr('id'), 7)).toBe(STATUS_SUCCESS);
    expect(usText(dest)).toBe('id-07');
  });

  it('RtlStringCchCopyUnicodeString copies a counted string into a NUL-terminated buffer', () => {
    const { s, alloc, unicode, readW } = machine();
    const dest = alloc(8 * 2);
    expect(s.RtlStringCchCopyUnicodeString!(dest, 8, unicode(8, 'xyz'))).toBe(STATUS_SUCCESS);
    expect(readW(dest)).toBe('xyz');
  });
});

describe('RtlUnicodeStringPrintf / RtlUnicodeStringPrintfEx edge cases Windows shows in public conformance tests', () => {
  it('terminates the text when there is room and touches nothing past MaximumLength on overflow', () => {
    const { s, alloc, wstr, memory } = machine();
    const buffer = alloc(32);
    memory.fill(buffer, 32, 0xaa);
    const us = alloc(16);
    memory.write(us + 2, 'USHORT', 32);
    memory.write(us + 8, 'PVOID', buffer);
    expect(s.RtlUnicodeStringPrintf!(us, wstr('%d %d %d'), 1, 2, 3)).toBe(STATUS_SUCCESS);
    expect(memory.read(us, 'USHORT')).toBe(10);
    expect(memory.read(buffer + 10, 'WCHAR')).toBe(0);
    expect(memory.read(buffer + 12, 'WCHAR')).toBe(0xaaaa);
    memory.fill(buffer, 32, 0xaa);
    memory.write(us, 'USHORT', 0);
    memory.write(us + 2, 'USHORT', 4);
    expect(s.RtlUnicodeStringPrintf!(us, wstr('%s %s %s'), wstr('AAA'), wstr('BBB'), wstr('CCC'))).toBe(STATUS_BUFFER_OVERFLOW);
    expect(memory.read(us, 'USHORT')).toBe(4);
    expect(memory.read(buffer + 4, 'WCHAR')).toBe(0xaaaa);
  });

  it('with no buffer at all: STATUS_BUFFER_OVERFLOW for RtlUnicodeStringPrintf, STATUS_INVALID_PARAMETER for the Ex form', () => {
    const { s, alloc, wstr } = machine();
    const empty = alloc(16);
    expect(s.RtlUnicodeStringPrintf!(empty, wstr('%s'), wstr('AAA'))).toBe(STATUS_BUFFER_OVERFLOW);
    expect(s.RtlUnicodeStringPrintfEx!(empty, 0, 0, wstr('%s'), wstr('AAA'))).toBe(STATUS_INVALID_PARAMETER);
  });
});

describe('printf %f', () => {
  it('prints a double in fixed notation with the requested precision, width and sign', () => {
    const { s, alloc, astr, readA } = machine();
    const dest = alloc(64);
    expect(s.RtlStringCbPrintfA!(dest, 64, astr('%f|%.2f|%8.3f|%+.1f|%-6.0f|'), 1.5, 3.14159, -2.5, 2, 7)).toBe(STATUS_SUCCESS);
    expect(readA(dest)).toBe('1.500000|3.14|  -2.500|+2.0|7     |');
  });
});
