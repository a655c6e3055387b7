/**
 * Counted strings: UNICODE_STRING, ANSI_STRING / STRING / OEM_STRING and UTF8_STRING, with the Rtl
 * routines that initialise, copy, compare, change case, append, convert and free them, and the integer
 * and GUID conversions (content/ddi/wdm/nf-wdm-rtl*string*.md, ntifs and ntddk pages of the same names).
 *
 * Layouts are x64 (`USHORT Length; USHORT MaximumLength; PWCH/PCHAR Buffer;` → 16 bytes, Buffer at 8).
 * Lengths are in bytes and exclude any terminator. The ANSI code page is Windows-1252's first 256 code
 * points taken as Latin-1 (byte n ↔ U+00nn); a character outside it becomes '?', as a best-fit
 * conversion without a mapping would. Routines that allocate (`AllocateDestinationString` TRUE,
 * RtlStringFromGUID) take paged pool tagged 'Strg'; the string must go back through the matching
 * Rtl…Free routine, and one never freed is a pool leak at `k.unload()`.
 */
import { allocatePool, freePool } from './ex-pool.ts';
import { defineModule, type Sys } from './module.ts';

export const STATUS_SUCCESS = 0x00000000;
export const STATUS_SOME_NOT_MAPPED = 0x00000107;
export const STATUS_BUFFER_OVERFLOW = 0x80000005;
export const STATUS_INVALID_PARAMETER = 0xc000000d;
export const STATUS_NO_MEMORY = 0xc0000017;
export const STATUS_BUFFER_TOO_SMALL = 0xc0000023;
export const STATUS_NAME_TOO_LONG = 0xc0000106;
export const STATUS_ACCESS_VIOLATION = 0xc0000005;
export const STATUS_INVALID_PARAMETER_2 = 0xc00000f0;
export const STATUS_INVALID_PARAMETER_4 = 0xc00000f2;
export const STATUS_INVALID_PARAMETER_5 = 0xc00000f3;

/** The largest byte count a USHORT Length can describe: MAX_USTRING in the Rtl sources' terms. */
const MAX_USTRING = 0xffff;
const PAGED_POOL = 1;
const STRING_TAG = 0x67727453; // 'Strg'

export const HASH_STRING_ALGORITHM_DEFAULT = 0;
export const HASH_STRING_ALGORITHM_X65599 = 1;
export const HASH_STRING_ALGORITHM_INVALID = 0xffffffff;

/**
 * Windows' case tables pair characters one to one: a character changes case only when the change
 * round-trips (é ↔ É, ÿ ↔ Ÿ), so µ, ı and ſ, whose Unicode upper case maps back to another letter, stay as
 * they are — as public conformance tests of RtlUpcaseUnicodeChar observe.
 */
function upcase(ch: number): number {
  const up = String.fromCharCode(ch).toUpperCase();
  if (up.length !== 1) return ch;
  return up.toLowerCase() === String.fromCharCode(ch) ? up.charCodeAt(0) : ch;
}

function downcase(ch: number): number {
  const down = String.fromCharCode(ch).toLowerCase();
  if (down.length !== 1) return ch;
  return down.toUpperCase() === String.fromCharCode(ch) ? down.charCodeAt(0) : ch;
}

/** RtlUpperChar and RtlUpperString change only 'a'–'z', whatever the code page (conformance tests). */
function upperAnsi(ch: number): number {
  const c = ch & 0xff;
  return c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
}

/** A counted string of either width, read from and written to emulated memory. */
export function countedStrings(sys: Sys) {
  const type = 'UNICODE_STRING';
  const length = (s: number) => Number(sys.get(s, type, 'Length'));
  const maximumLength = (s: number) => Number(sys.get(s, type, 'MaximumLength'));
  const buffer = (s: number) => Number(sys.get(s, type, 'Buffer'));
  const set = (s: number, fields: { Length?: number; MaximumLength?: number; Buffer?: number }) => {
    for (const [name, value] of Object.entries(fields)) sys.set(s, type, name, value);
  };
  const units = (s: number, size: 1 | 2): number[] => {
    const n = Math.floor(length(s) / size);
    if (n === 0) return [];
    const bytes = sys.mem.readBytes(buffer(s), n * size);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(size === 1 ? bytes[i]! : bytes[2 * i]! | (bytes[2 * i + 1]! << 8));
    return out;
  };
  const writeUnits = (address: number, size: 1 | 2, values: number[]) => {
    if (values.length === 0) return;
    const bytes = new Uint8Array(values.length * size);
    values.forEach((v, i) => {
      if (size === 1) bytes[i] = v & 0xff;
      else { bytes[2 * i] = v & 0xff; bytes[2 * i + 1] = (v >>> 8) & 0xff; }
    });
    sys.mem.writeBytes(address, bytes);
  };
  /** Characters of a NUL-terminated string (wide or narrow). */
  const cString = (address: number, size: 1 | 2): number[] => {
    const out: number[] = [];
    for (let at = address; ; at += size) {
      const ch = Number(sys.mem.read(at, size === 1 ? 'UCHAR' : 'WCHAR'));
      if (ch === 0) return out;
      out.push(ch);
    }
  };
  return { length, maximumLength, buffer, set, units, writeUnits, cString };
}

/** String memory from paged pool, through the pool module so leaks, double frees and stray frees are its checks. */
function stringPool(sys: Sys) {
  return {
    // An empty result still gets a buffer: the routine's own allocation is never a zero-byte request.
    allocate: (size: number, routine: string): number =>
      allocatePool(sys, { routine, paged: true, poolType: PAGED_POOL, bytes: Math.max(size, 2), tag: STRING_TAG, zero: false, raise: false }),
    free: (address: number, routine: string): void => freePool(sys, address, routine, null),
  };
}

function toAnsi(unit: number): number {
  return unit <= 0xff ? unit : 0x3f;
}

/** UTF-16 code units → UTF-8 bytes; unpaired surrogates become U+FFFD. */
export function utf16ToUtf8(units: number[]): { bytes: number[]; replaced: boolean } {
  const bytes: number[] = [];
  let replaced = false;
  for (let i = 0; i < units.length; i++) {
    let cp = units[i]!;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < units.length && units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (units[i + 1]! - 0xdc00);
      i++;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      cp = 0xfffd;
      replaced = true;
    }
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return { bytes, replaced };
}

/** UTF-8 bytes → UTF-16 code units; invalid sequences become U+FFFD. */
export function utf8ToUtf16(bytes: number[]): { units: number[]; replaced: boolean } {
  const data = new Uint8Array(bytes);
  let replaced = false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    replaced = true;
  }
  const text = new TextDecoder('utf-8').decode(data);
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  return { units, replaced };
}

function digitValue(ch: number): number {
  if (ch >= 0x30 && ch <= 0x39) return ch - 0x30;
  if (ch >= 0x41 && ch <= 0x46) return ch - 0x41 + 10;
  if (ch >= 0x61 && ch <= 0x66) return ch - 0x61 + 10;
  return -1;
}

/**
 * The parse shared by RtlCharToInteger and RtlUnicodeStringToInteger: leading blanks (any character up to
 * ' '), one sign, with Base 0 a `0b`/`0o`/`0x` prefix (else decimal), then digits until the first that is
 * not one of the base; the result wraps to 32 bits as the ULONG accumulator does.
 */
function parseInteger(chars: number[], base: number): { status: number; value: number } {
  let i = 0;
  while (i < chars.length && chars[i]! <= 0x20) i++;
  let negative = false;
  if (chars[i] === 0x2b) i++;
  else if (chars[i] === 0x2d) { negative = true; i++; }
  if (base === 0) {
    base = 10;
    if (chars[i] === 0x30 && i + 1 < chars.length) {
      const p = chars[i + 1];
      if (p === 0x62) { base = 2; i += 2; } else if (p === 0x6f) { base = 8; i += 2; } else if (p === 0x78) { base = 16; i += 2; }
    }
  } else if (base !== 2 && base !== 8 && base !== 10 && base !== 16) {
    return { status: STATUS_INVALID_PARAMETER, value: 0 };
  }
  let total = 0;
  for (; i < chars.length; i++) {
    const d = digitValue(chars[i]!);
    if (d < 0 || d >= base) break;
    total = (Math.imul(total, base) + d) >>> 0;
  }
  return { status: STATUS_SUCCESS, value: (negative ? -total : total) >>> 0 };
}

export default defineModule({
  name: 'unicode-string',
  layouts: {
    UNICODE_STRING: [['Length', 'USHORT'], ['MaximumLength', 'USHORT'], ['Buffer', 'PWCH']],
    STRING: [['Length', 'USHORT'], ['MaximumLength', 'USHORT'], ['Buffer', 'PCHAR']],
    ANSI_STRING: 'STRING',
    OEM_STRING: 'STRING',
    UTF8_STRING: 'STRING',
    GUID: [['Data1', 'ULONG'], ['Data2', 'USHORT'], ['Data3', 'USHORT'], ['Data4', 'UCHAR[8]']],
  },
  constants: {
    STATUS_SOME_NOT_MAPPED, STATUS_NAME_TOO_LONG, STATUS_INVALID_PARAMETER_5,
    HASH_STRING_ALGORITHM_DEFAULT, HASH_STRING_ALGORITHM_X65599, HASH_STRING_ALGORITHM_INVALID,
  },
  routines: (sys) => {
    const s = countedStrings(sys);
    const pool = stringPool(sys);

    /** RtlInit…String: point at the source; lengths capped so Length + terminator fit a USHORT. */
    const init = (dest: number, source: number, size: 1 | 2, ex: boolean): number => {
      if (!source) {
        s.set(dest, { Length: 0, MaximumLength: 0, Buffer: 0 });
        return STATUS_SUCCESS;
      }
      let bytes = s.cString(source, size).length * size;
      const cap = MAX_USTRING - (size === 2 ? 1 : 0) - size; // 0xFFFC wide, 0xFFFE narrow
      if (bytes > cap) {
        if (ex) return STATUS_NAME_TOO_LONG;
        bytes = cap;
      }
      s.set(dest, { Length: bytes, MaximumLength: bytes + size, Buffer: source });
      return STATUS_SUCCESS;
    };

    /** RtlCopy(Unicode)String: min(Length, MaximumLength) bytes, then a terminator when one fits after them. */
    const copy = (dest: number, source: number, size: 1 | 2) => {
      if (!source) { s.set(dest, { Length: 0 }); return; }
      const n = Math.min(s.length(source), s.maximumLength(dest));
      if (n > 0) sys.mem.writeBytes(s.buffer(dest), sys.mem.readBytes(s.buffer(source), n));
      s.set(dest, { Length: n });
      if (n < s.maximumLength(dest)) s.writeUnits(s.buffer(dest) + Math.floor(n / size) * size, size, [0]);
    };

    const compare = (a: number[], b: number[], fold: (c: number) => number) => {
      const n = Math.min(a.length, b.length);
      for (let i = 0; i < n; i++) {
        const d = fold(a[i]!) - fold(b[i]!);
        if (d !== 0) return d;
      }
      return a.length - b.length;
    };
    const identity = (c: number) => c;

    /** Destination setup shared by the converting routines; returns the buffer or a failure status. */
    const prepare = (dest: number, bytesNeeded: number, allocate: unknown, routine: string): number | { status: number } => {
      if (allocate) {
        const at = pool.allocate(bytesNeeded, routine);
        if (!at) return { status: STATUS_NO_MEMORY };
        s.set(dest, { MaximumLength: bytesNeeded, Buffer: at });
        return at;
      }
      return s.buffer(dest);
    };

    /** Lengths first, from the source's Length alone: a destination too small fails before the source is read. */
    const toUnicodeFromNarrow = (dest: number, source: number, allocate: unknown, routine: string) => {
      const total = (s.length(source) + 1) * 2;
      if (total > MAX_USTRING) return STATUS_INVALID_PARAMETER_2;
      s.set(dest, { Length: total - 2 });
      if (!allocate && total > s.maximumLength(dest)) return STATUS_BUFFER_OVERFLOW;
      const at = prepare(dest, total, allocate, routine);
      if (typeof at !== 'number') return at.status;
      s.writeUnits(at, 2, [...s.units(source, 1), 0]);
      return STATUS_SUCCESS;
    };

    const toString = (value: bigint, base: unknown, dest: number, bits: 32 | 64) => {
      let b = Number(base);
      if (b === 0) b = 10;
      if (b !== 2 && b !== 8 && b !== 10 && b !== 16) return STATUS_INVALID_PARAMETER;
      const text = [...BigInt.asUintN(bits, value).toString(b).toUpperCase()].map((c) => c.charCodeAt(0));
      s.set(dest, { Length: text.length * 2 });
      if (text.length * 2 >= s.maximumLength(dest)) return STATUS_BUFFER_OVERFLOW;
      s.writeUnits(s.buffer(dest), 2, [...text, 0]);
      return STATUS_SUCCESS;
    };

    const free = (string: number, routine: string) => {
      const at = s.buffer(string);
      if (at) pool.free(at, routine);
      s.set(string, { Length: 0, MaximumLength: 0, Buffer: 0 });
    };

    const guidText = (guid: number) => {
      const hex = (v: number, width: number) => v.toString(16).toUpperCase().padStart(width, '0');
      const d4 = [...Array(8).keys()].map((i) => hex(Number(sys.mem.read(guid + 8 + i, 'UCHAR')), 2));
      return `{${hex(Number(sys.get(guid, 'GUID', 'Data1')), 8)}-${hex(Number(sys.get(guid, 'GUID', 'Data2')), 4)}-`
        + `${hex(Number(sys.get(guid, 'GUID', 'Data3')), 4)}-${d4.slice(0, 2).join('')}-${d4.slice(2).join('')}}`;
    };

    return {
      RtlInitUnicodeString(DestinationString: number, SourceString: number) { init(DestinationString, SourceString, 2, false); },
      RtlInitAnsiString(DestinationString: number, SourceString: number) { init(DestinationString, SourceString, 1, false); },
      RtlInitString(DestinationString: number, SourceString: number) { init(DestinationString, SourceString, 1, false); },
      RtlInitUTF8String(DestinationString: number, SourceString: number) { init(DestinationString, SourceString, 1, false); },
      RtlInitStringEx: (DestinationString: number, SourceString: number) => init(DestinationString, SourceString, 1, true),
      RtlInitAnsiStringEx: (DestinationString: number, SourceString: number) => init(DestinationString, SourceString, 1, true),
      RtlInitUTF8StringEx: (DestinationString: number, SourceString: number) => init(DestinationString, SourceString, 1, true),
      RtlInitUnicodeStringEx: (DestinationString: number, SourceString: number) => init(DestinationString, SourceString, 2, true),
      RtlInitEmptyUnicodeString(UnicodeString: number, Buffer: number, BufferSize: number) {
        s.set(UnicodeString, { Length: 0, MaximumLength: BufferSize, Buffer });
      },
      RtlInitEmptyAnsiString(AnsiString: number, Buffer: number, BufferSize: number) {
        s.set(AnsiString, { Length: 0, MaximumLength: BufferSize, Buffer });
      },

      RtlCopyUnicodeString(DestinationString: number, SourceString: number) { copy(DestinationString, SourceString, 2); },
      RtlCopyString(DestinationString: number, SourceString: number) { copy(DestinationString, SourceString, 1); },

      RtlCompareUnicodeString: (String1: number, String2: number, CaseInSensitive: unknown) =>
        compare(s.units(String1, 2), s.units(String2, 2), CaseInSensitive ? upcase : identity),
      RtlCompareString: (String1: number, String2: number, CaseInSensitive: unknown) =>
        compare(s.units(String1, 1), s.units(String2, 1), CaseInSensitive ? upperAnsi : identity),
      RtlEqualUnicodeString: (String1: number, String2: number, CaseInSensitive: unknown) =>
        (s.length(String1) === s.length(String2)
          && compare(s.units(String1, 2), s.units(String2, 2), CaseInSensitive ? upcase : identity) === 0 ? 1 : 0),
      RtlEqualString: (String1: number, String2: number, CaseInSensitive: unknown) =>
        (s.length(String1) === s.length(String2)
          && compare(s.units(String1, 1), s.units(String2, 1), CaseInSensitive ? upperAnsi : identity) === 0 ? 1 : 0),
      RtlPrefixUnicodeString(String1: number, String2: number, CaseInSensitive: unknown) {
        const prefix = s.units(String1, 2);
        const whole = s.units(String2, 2);
        if (prefix.length > whole.length) return 0;
        return compare(prefix, whole.slice(0, prefix.length), CaseInSensitive ? upcase : identity) === 0 ? 1 : 0;
      },

      RtlUpcaseUnicodeChar: (SourceCharacter: number) => upcase(SourceCharacter & 0xffff),
      RtlDowncaseUnicodeChar: (SourceCharacter: number) => downcase(SourceCharacter & 0xffff),
      RtlUpperChar: (Character: number) => {
        const up = upperAnsi(Character);
        return up >= 0x80 ? up - 0x100 : up; // CHAR is signed
      },
      RtlUpcaseUnicodeString(DestinationString: number, SourceString: number, AllocateDestinationString: unknown) {
        const units = s.units(SourceString, 2);
        const bytes = units.length * 2;
        if (!AllocateDestinationString && bytes > s.maximumLength(DestinationString)) return STATUS_BUFFER_OVERFLOW;
        const at = prepare(DestinationString, bytes, AllocateDestinationString, 'RtlUpcaseUnicodeString');
        if (typeof at !== 'number') return at.status;
        s.writeUnits(at, 2, units.map(upcase));
        s.set(DestinationString, { Length: bytes });
        return STATUS_SUCCESS;
      },
      RtlUpperString(DestinationString: number, SourceString: number) {
        const n = Math.min(s.length(SourceString), s.maximumLength(DestinationString));
        s.writeUnits(s.buffer(DestinationString), 1, s.units(SourceString, 1).slice(0, n).map(upperAnsi));
        s.set(DestinationString, { Length: n });
      },

      RtlAppendUnicodeStringToString(Destination: number, Source: number) {
        const add = s.units(Source, 2);
        if (add.length === 0) return STATUS_SUCCESS;
        const total = s.length(Destination) + add.length * 2;
        if (total > s.maximumLength(Destination)) return STATUS_BUFFER_TOO_SMALL;
        s.writeUnits(s.buffer(Destination) + s.length(Destination), 2, add);
        s.set(Destination, { Length: total });
        if (total + 2 <= s.maximumLength(Destination)) s.writeUnits(s.buffer(Destination) + total, 2, [0]);
        return STATUS_SUCCESS;
      },
      RtlAppendUnicodeToString(Destination: number, Source: number) {
        if (!Source) return STATUS_SUCCESS;
        const add = s.cString(Source, 2);
        const total = s.length(Destination) + add.length * 2;
        if (total > s.maximumLength(Destination)) return STATUS_BUFFER_TOO_SMALL;
        s.writeUnits(s.buffer(Destination) + s.length(Destination), 2, add);
        s.set(Destination, { Length: total });
        if (total + 2 <= s.maximumLength(Destination)) s.writeUnits(s.buffer(Destination) + total, 2, [0]);
        return STATUS_SUCCESS;
      },

      RtlAnsiStringToUnicodeSize: (AnsiString: number) => (s.length(AnsiString) + 1) * 2,
      RtlxAnsiStringToUnicodeSize: (AnsiString: number) => (s.length(AnsiString) + 1) * 2,
      RtlUnicodeStringToAnsiSize: (UnicodeString: number) => Math.floor(s.length(UnicodeString) / 2) + 1,
      RtlxUnicodeStringToAnsiSize: (UnicodeString: number) => Math.floor(s.length(UnicodeString) / 2) + 1,
      RtlAnsiStringToUnicodeString: (DestinationString: number, SourceString: number, AllocateDestinationString: unknown) =>
        toUnicodeFromNarrow(DestinationString, SourceString, AllocateDestinationString, 'RtlAnsiStringToUnicodeString'),
      RtlUnicodeStringToAnsiString(DestinationString: number, SourceString: number, AllocateDestinationString: unknown) {
        const total = Math.floor(s.length(SourceString) / 2) + 1;
        if (total > MAX_USTRING) return STATUS_INVALID_PARAMETER_2;
        s.set(DestinationString, { Length: total - 1 });
        let status = STATUS_SUCCESS;
        let keep = total - 1;
        if (!AllocateDestinationString && s.maximumLength(DestinationString) < total) {
          // Too small: as much as fits, terminated, with the STATUS_BUFFER_OVERFLOW warning.
          if (s.maximumLength(DestinationString) === 0) return STATUS_BUFFER_OVERFLOW;
          keep = s.maximumLength(DestinationString) - 1;
          s.set(DestinationString, { Length: keep });
          status = STATUS_BUFFER_OVERFLOW;
        }
        const at = prepare(DestinationString, total, AllocateDestinationString, 'RtlUnicodeStringToAnsiString');
        if (typeof at !== 'number') return at.status;
        s.writeUnits(at, 1, [...s.units(SourceString, 2).slice(0, keep).map(toAnsi), 0]);
        return status;
      },
      RtlUnicodeStringToUTF8String(DestinationString: number, SourceString: number, AllocateDestinationString: unknown) {
        const { bytes, replaced } = utf16ToUtf8(s.units(SourceString, 2));
        if (bytes.length + 1 > MAX_USTRING) return STATUS_INVALID_PARAMETER_2;
        if (!AllocateDestinationString && bytes.length + 1 > s.maximumLength(DestinationString)) return STATUS_BUFFER_TOO_SMALL;
        const at = prepare(DestinationString, bytes.length + 1, AllocateDestinationString, 'RtlUnicodeStringToUTF8String');
        if (typeof at !== 'number') return at.status;
        s.writeUnits(at, 1, [...bytes, 0]);
        s.set(DestinationString, { Length: bytes.length });
        return replaced ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
      },
      RtlUTF8StringToUnicodeString(DestinationString: number, SourceString: number, AllocateDestinationString: unknown) {
        const { units, replaced } = utf8ToUtf16(s.units(SourceString, 1));
        const total = (units.length + 1) * 2;
        if (total > MAX_USTRING) return STATUS_INVALID_PARAMETER_2;
        if (!AllocateDestinationString && total > s.maximumLength(DestinationString)) return STATUS_BUFFER_TOO_SMALL;
        const at = prepare(DestinationString, total, AllocateDestinationString, 'RtlUTF8StringToUnicodeString');
        if (typeof at !== 'number') return at.status;
        s.writeUnits(at, 2, [...units, 0]);
        s.set(DestinationString, { Length: units.length * 2 });
        return replaced ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
      },
      RtlUnicodeToUTF8N(UTF8StringDestination: number, UTF8StringMaxByteCount: number, UTF8StringActualByteCount: number,
        UnicodeStringSource: number, UnicodeStringByteCount: number) {
        if (!UTF8StringDestination && !UTF8StringActualByteCount) return STATUS_INVALID_PARAMETER;
        if (!UnicodeStringSource) return STATUS_INVALID_PARAMETER_4;
        if (UnicodeStringByteCount % 2 !== 0) return STATUS_INVALID_PARAMETER_5;
        const units: number[] = [];
        for (let i = 0; i < UnicodeStringByteCount / 2; i++) units.push(Number(sys.mem.read(UnicodeStringSource + i * 2, 'WCHAR')));
        const { bytes, replaced } = utf16ToUtf8(units);
        if (!UTF8StringDestination) {
          sys.mem.write(UTF8StringActualByteCount, 'ULONG', bytes.length);
          return replaced ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
        }
        // Whole characters only: a multi-byte sequence that does not fit is not split.
        let fit = 0;
        let used = 0;
        for (const unit of units) {
          const width = utf16ToUtf8([unit]).bytes.length;
          if (used + width > UTF8StringMaxByteCount) break;
          used += width;
          fit++;
        }
        const written = fit === units.length ? bytes : utf16ToUtf8(units.slice(0, fit)).bytes;
        s.writeUnits(UTF8StringDestination, 1, written.slice(0, UTF8StringMaxByteCount));
        if (UTF8StringActualByteCount) sys.mem.write(UTF8StringActualByteCount, 'ULONG', Math.min(written.length, UTF8StringMaxByteCount));
        if (bytes.length > UTF8StringMaxByteCount) return STATUS_BUFFER_TOO_SMALL;
        return replaced ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
      },
      RtlUTF8ToUnicodeN(UnicodeStringDestination: number, UnicodeStringMaxByteCount: number, UnicodeStringActualByteCount: number,
        UTF8StringSource: number, UTF8StringByteCount: number) {
        if (!UnicodeStringDestination && !UnicodeStringActualByteCount) return STATUS_INVALID_PARAMETER;
        if (!UTF8StringSource) return STATUS_INVALID_PARAMETER_4;
        const bytes = UTF8StringByteCount ? [...sys.mem.readBytes(UTF8StringSource, UTF8StringByteCount)] : [];
        const { units, replaced } = utf8ToUtf16(bytes);
        const needed = units.length * 2;
        if (!UnicodeStringDestination) {
          sys.mem.write(UnicodeStringActualByteCount, 'ULONG', needed);
          return replaced ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
        }
        const fit = units.slice(0, Math.floor(UnicodeStringMaxByteCount / 2));
        s.writeUnits(UnicodeStringDestination, 2, fit);
        if (UnicodeStringActualByteCount) sys.mem.write(UnicodeStringActualByteCount, 'ULONG', fit.length * 2);
        if (needed > UnicodeStringMaxByteCount) return STATUS_BUFFER_TOO_SMALL;
        return replaced ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
      },

      RtlFreeUnicodeString(UnicodeString: number) { free(UnicodeString, 'RtlFreeUnicodeString'); },
      RtlFreeAnsiString(AnsiString: number) { free(AnsiString, 'RtlFreeAnsiString'); },
      RtlFreeUTF8String(Utf8String: number) { free(Utf8String, 'RtlFreeUTF8String'); },

      RtlCharToInteger(String: number, Base: number, Value: number) {
        const parsed = parseInteger(s.cString(String, 1), Base >>> 0);
        if (parsed.status !== STATUS_SUCCESS) return parsed.status;
        if (!Value) return STATUS_ACCESS_VIOLATION;
        sys.mem.write(Value, 'ULONG', parsed.value);
        return STATUS_SUCCESS;
      },
      RtlUnicodeStringToInteger(String: number, Base: number, Value: number) {
        const parsed = parseInteger(s.units(String, 2), Base >>> 0);
        if (parsed.status !== STATUS_SUCCESS) return parsed.status;
        if (!Value) return STATUS_ACCESS_VIOLATION;
        sys.mem.write(Value, 'ULONG', parsed.value);
        return STATUS_SUCCESS;
      },
      RtlIntegerToUnicodeString: (Value: number, Base: number, String: number) => toString(BigInt(Value >>> 0), Base, String, 32),
      RtlInt64ToUnicodeString: (Value: bigint | number, Base: number, String: number) => toString(BigInt(Value), Base, String, 64),
      RtlIntPtrToUnicodeString: (Value: bigint | number, Base: number, String: number) => toString(BigInt(Value), Base, String, 64),

      RtlHashUnicodeString(String: number, CaseInSensitive: unknown, HashAlgorithm: number, HashValue: number) {
        if (!String || !HashValue) return STATUS_INVALID_PARAMETER;
        if (HashAlgorithm !== HASH_STRING_ALGORITHM_DEFAULT && HashAlgorithm !== HASH_STRING_ALGORITHM_X65599) return STATUS_INVALID_PARAMETER;
        let hash = 0;
        for (const unit of s.units(String, 2)) hash = (Math.imul(hash, 65599) + (CaseInSensitive ? upcase(unit) : unit)) >>> 0;
        sys.mem.write(HashValue, 'ULONG', hash);
        return STATUS_SUCCESS;
      },
      RtlSanitizeUnicodeStringPadding(String: number) {
        const from = s.length(String);
        const to = s.maximumLength(String);
        if (to > from) sys.mem.fill(s.buffer(String) + from, to - from, 0);
      },

      RtlStringFromGUID(Guid: number, GuidString: number) {
        const text = [...guidText(Guid)].map((c) => c.charCodeAt(0));
        const at = pool.allocate((text.length + 1) * 2, 'RtlStringFromGUID');
        if (!at) return STATUS_NO_MEMORY;
        s.writeUnits(at, 2, [...text, 0]);
        s.set(GuidString, { Length: text.length * 2, MaximumLength: (text.length + 1) * 2, Buffer: at });
        return STATUS_SUCCESS;
      },
      RtlGUIDFromString(GuidString: number, Guid: number) {
        const text = String.fromCharCode(...s.units(GuidString, 2));
        const m = /^\{([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})\}$/.exec(text);
        if (!m) return STATUS_INVALID_PARAMETER;
        sys.set(Guid, 'GUID', 'Data1', parseInt(m[1]!, 16));
        sys.set(Guid, 'GUID', 'Data2', parseInt(m[2]!, 16));
        sys.set(Guid, 'GUID', 'Data3', parseInt(m[3]!, 16));
        const d4 = m[4]! + m[5]!;
        for (let i = 0; i < 8; i++) sys.mem.write(Guid + 8 + i, 'UCHAR', parseInt(d4.slice(2 * i, 2 * i + 2), 16));
        return STATUS_SUCCESS;
      },
    };
  },
});
