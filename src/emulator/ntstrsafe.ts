/**
 * The safe string library of `ntstrsafe.h`: every `RtlStringCb…`/`RtlStringCch…` routine (A and W),
 * `RtlUnalignedString…Length`, `RtlString…CopyUnicodeString…` and every `RtlUnicodeString…` routine,
 * generated from one table of variants (size unit Cb/Cch, character set A/W, N-limited, Ex flags)
 * over two engines: NUL-terminated character arrays and counted `UNICODE_STRING`s.
 *
 * Semantics follow the pages in `content/ddi/ntstrsafe/`: a destination is always NUL-terminated (array
 * forms); truncation returns STATUS_BUFFER_OVERFLOW with the truncated text in place; a zero or oversized
 * destination, a destination without a terminator for the Cat forms, an unknown flag and NULL pointers
 * without STRSAFE_IGNORE_NULLS return STATUS_INVALID_PARAMETER; the Ex flags fill, empty or restore the
 * destination as the flag tables state.
 */

import { defineModule } from './module.ts';

export const STATUS_SUCCESS = 0x00000000;
export const STATUS_BUFFER_OVERFLOW = 0x80000005;
export const STATUS_INVALID_PARAMETER = 0xc000000d;

/** `NTSTRSAFE_MAX_CCH`: the largest buffer, in characters, the array forms accept. */
export const NTSTRSAFE_MAX_CCH = 2147483647;
/** `NTSTRSAFE_UNICODE_STRING_MAX_CCH`: 0xffff / sizeof(WCHAR), the capacity of a UNICODE_STRING. */
export const NTSTRSAFE_UNICODE_STRING_MAX_CCH = 32767;

export const STRSAFE_IGNORE_NULLS = 0x00000100;
export const STRSAFE_FILL_BEHIND_NULL = 0x00000200;
export const STRSAFE_FILL_ON_FAILURE = 0x00000400;
export const STRSAFE_NULL_ON_FAILURE = 0x00000800;
export const STRSAFE_NO_TRUNCATION = 0x00001000;
/** The UNICODE_STRING forms' names for FILL_BEHIND_NULL and NULL_ON_FAILURE (same bits). */
export const STRSAFE_FILL_BEHIND = STRSAFE_FILL_BEHIND_NULL;
export const STRSAFE_ZERO_LENGTH_ON_FAILURE = STRSAFE_NULL_ON_FAILURE;
const STRSAFE_VALID_FLAGS = 0xff | STRSAFE_IGNORE_NULLS | STRSAFE_FILL_BEHIND_NULL | STRSAFE_FILL_ON_FAILURE
  | STRSAFE_NULL_ON_FAILURE | STRSAFE_NO_TRUNCATION;

/** `STRSAFE_FILL_BYTE(x)`: a fill byte for FILL_BEHIND_NULL, and FILL_ON_FAILURE's own macro. */
export function STRSAFE_FILL_BYTE(x: number): number {
  return (x & 0xff) | STRSAFE_FILL_BEHIND_NULL;
}
export function STRSAFE_FAILURE_BYTE(x: number): number {
  return (x & 0xff) | STRSAFE_FILL_ON_FAILURE;
}

/** The memory the library reads and writes: characters, counted-string fields and out-parameters. */
export interface StrSafeMemory {
  read(address: number, type: string): number | bigint;
  write(address: number, type: string, value: number | bigint): void;
}

/** x64 layout of UNICODE_STRING / ANSI_STRING / STRING: Length, MaximumLength, 4 bytes of padding, Buffer. */
const LENGTH = 0;
const MAXIMUM_LENGTH = 2;
const BUFFER = 8;

type CharSize = 1 | 2;
type Status = number;
const failed = (status: Status) => (status & 0x80000000) !== 0;

function sizeArg(value: unknown, routine: string, name: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  throw new TypeError(`${routine}: ${name} must be a size_t (a non-negative integer or bigint), got ${String(value)}`);
}

function flagsArg(value: unknown, routine: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value >>> 0;
  throw new TypeError(`${routine}: dwFlags must be a DWORD, got ${String(value)}`);
}

function addressArg(value: unknown, routine: string, name: string): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'bigint') return Number(value);
  throw new TypeError(`${routine}: ${name} must be an address (number), got ${String(value)}`);
}

/** The library over one emulated memory. */
export class NtStrSafe {
  constructor(private readonly memory: StrSafeMemory) {}

  private charType(size: CharSize): string {
    return size === 1 ? 'UCHAR' : 'WCHAR';
  }

  getChar(address: number, size: CharSize): number {
    return Number(this.memory.read(address, this.charType(size)));
  }

  putChar(address: number, size: CharSize, ch: number): void {
    this.memory.write(address, this.charType(size), ch);
  }

  /** Characters of a NUL-terminated string, at most `limit`; `terminated` tells whether a NUL was seen. */
  readUnits(address: number, size: CharSize, limit: number): { units: number[]; terminated: boolean } {
    const units: number[] = [];
    for (let i = 0; i < limit; i++) {
      const ch = this.getChar(address + i * size, size);
      if (ch === 0) return { units, terminated: true };
      units.push(ch);
    }
    return { units, terminated: false };
  }

  private fill(address: number, bytes: number, value: number): void {
    for (let i = 0; i < bytes; i++) this.memory.write(address + i, 'UCHAR', value & 0xff);
  }

  private writeSize(address: number, value: number): void {
    if (address) this.memory.write(address, 'ULONGLONG', BigInt(value));
  }

  readCounted(address: number): { length: number; maximumLength: number; buffer: number } {
    return {
      length: Number(this.memory.read(address + LENGTH, 'USHORT')),
      maximumLength: Number(this.memory.read(address + MAXIMUM_LENGTH, 'USHORT')),
      buffer: Number(this.memory.read(address + BUFFER, 'PVOID')),
    };
  }

  private writeCounted(address: number, fields: { length?: number; maximumLength?: number; buffer?: number }): void {
    if (fields.length !== undefined) this.memory.write(address + LENGTH, 'USHORT', fields.length);
    if (fields.maximumLength !== undefined) this.memory.write(address + MAXIMUM_LENGTH, 'USHORT', fields.maximumLength);
    if (fields.buffer !== undefined) this.memory.write(address + BUFFER, 'PVOID', fields.buffer);
  }

  // ---------------------------------------------------------------------------------------------
  // NUL-terminated character arrays

  /**
   * The one engine behind Copy, CopyN, Cat, CatN, Printf, CopyUnicodeString and their Ex forms.
   * `source` yields the characters to place (at most `limit` are needed to decide truncation), or
   * null for a NULL source pointer.
   */
  arrayOperation(args: {
    routine: string;
    size: CharSize;
    dest: number;
    cchDest: bigint;
    /** Size in bytes the caller passed (Cb forms), for pcbRemaining's odd byte. */
    cbDest?: bigint;
    append: boolean;
    source: ((limit: number) => number[]) | null;
    /** Validation of the source (e.g. an invalid UNICODE_STRING) before anything is copied. */
    validateSource?: () => Status;
    ex?: { endOut: number; remainingOut: number; flags: number };
  }): Status {
    const { size, dest, ex } = args;
    const flags = ex?.flags ?? 0;
    const ignoreNulls = (flags & STRSAFE_IGNORE_NULLS) !== 0;
    if (args.cchDest > BigInt(NTSTRSAFE_MAX_CCH)) return STATUS_INVALID_PARAMETER;
    const cchDest = Number(args.cchDest);
    if (ex) {
      if (dest === 0 && cchDest !== 0) return STATUS_INVALID_PARAMETER;
      if (!ignoreNulls && (dest === 0 || cchDest === 0)) return STATUS_INVALID_PARAMETER;
    } else if (cchDest === 0) {
      return STATUS_INVALID_PARAMETER;
    }

    let destLength = 0;
    if (args.append && dest !== 0 && cchDest !== 0) {
      const existing = this.readUnits(dest, size, cchDest);
      // "The destination buffer was already full": no terminator inside cchDest.
      if (!existing.terminated) return STATUS_INVALID_PARAMETER;
      destLength = existing.units.length;
    }

    let status: Status = STATUS_SUCCESS;
    let end = dest + destLength * size;
    let remaining = cchDest - destLength;
    let source = args.source;
    if (source === null) {
      if (ex && ignoreNulls) source = () => [];
      else status = STATUS_INVALID_PARAMETER;
    }
    if (status === STATUS_SUCCESS && args.validateSource) status = args.validateSource();
    if (status === STATUS_SUCCESS && (flags & ~STRSAFE_VALID_FLAGS) !== 0) status = STATUS_INVALID_PARAMETER;

    if (status === STATUS_SUCCESS) {
      if (remaining <= (args.append ? 1 : 0)) {
        // Nothing fits: only an empty source succeeds.
        if (source!(1).length !== 0) status = dest === 0 ? STATUS_INVALID_PARAMETER : STATUS_BUFFER_OVERFLOW;
      } else {
        const units = source!(remaining);
        const copied = Math.min(units.length, remaining - 1);
        for (let i = 0; i < copied; i++) this.putChar(end + i * size, size, size === 1 ? units[i]! & 0xff : units[i]!);
        this.putChar(end + copied * size, size, 0);
        if (units.length > remaining - 1) status = STATUS_BUFFER_OVERFLOW;
        end += copied * size;
        remaining -= copied;
        if (status === STATUS_SUCCESS && (flags & STRSAFE_FILL_BEHIND_NULL) && remaining > 1) {
          this.fill(end + size, (remaining - 1) * size, flags & 0xff);
        }
      }
    } else if (!ex && dest !== 0 && cchDest > 0 && !args.append) {
      this.putChar(dest, size, 0);
    }

    if (ex && failed(status) && cchDest !== 0
      && (flags & (STRSAFE_NO_TRUNCATION | STRSAFE_FILL_ON_FAILURE | STRSAFE_NULL_ON_FAILURE))) {
      if (flags & STRSAFE_NO_TRUNCATION) {
        end = dest + destLength * size;
        remaining = cchDest - destLength;
        this.putChar(end, size, 0);
      }
      if (flags & STRSAFE_FILL_ON_FAILURE) {
        const fillByte = flags & 0xff;
        this.fill(dest, cchDest * size, fillByte);
        if (fillByte === 0) {
          end = dest;
          remaining = cchDest;
        } else {
          end = dest + (cchDest - 1) * size;
          this.putChar(end, size, 0);
          remaining = 1;
        }
      }
      if (flags & STRSAFE_NULL_ON_FAILURE) {
        this.putChar(dest, size, 0);
        end = dest;
        remaining = cchDest;
      }
    }

    if (ex && (!failed(status) || status === STATUS_BUFFER_OVERFLOW)) {
      if (ex.endOut) this.memory.write(ex.endOut, 'PVOID', end);
      if (args.cbDest !== undefined) this.writeSize(ex.remainingOut, remaining * size + Number(args.cbDest % BigInt(size)));
      else this.writeSize(ex.remainingOut, remaining);
    }
    return status;
  }

  /** RtlStringCchLength / RtlStringCbLength / RtlUnalignedString…Length. */
  length(size: CharSize, psz: number, max: bigint, lengthOut: number, inBytes: boolean): Status {
    const cchMax = inBytes ? max / BigInt(size) : max;
    let status: Status;
    let length = 0;
    if (psz === 0 || cchMax > BigInt(NTSTRSAFE_MAX_CCH)) status = STATUS_INVALID_PARAMETER;
    else {
      const read = this.readUnits(psz, size, Number(cchMax));
      status = read.terminated ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
      length = read.terminated ? read.units.length : 0;
    }
    this.writeSize(lengthOut, inBytes ? length * size : length);
    return status;
  }

  // ---------------------------------------------------------------------------------------------
  // UNICODE_STRING

  /** RtlUnicodeStringValidate's rules: even lengths, Length <= MaximumLength <= the maximum, a buffer if non-empty. */
  validateCounted(address: number): Status {
    const s = this.readCounted(address);
    if (s.length % 2 !== 0 || s.maximumLength % 2 !== 0 || s.length > s.maximumLength
      || s.maximumLength > NTSTRSAFE_UNICODE_STRING_MAX_CCH * 2) return STATUS_INVALID_PARAMETER;
    if (s.buffer === 0 && (s.length !== 0 || s.maximumLength !== 0)) return STATUS_INVALID_PARAMETER;
    return STATUS_SUCCESS;
  }

  /** The characters of a counted source string (validated first). */
  countedUnits(address: number): number[] {
    const s = this.readCounted(address);
    const units: number[] = [];
    for (let i = 0; i < s.length / 2; i++) units.push(this.getChar(s.buffer + i * 2, 2));
    return units;
  }

  /**
   * The engine behind every RtlUnicodeString… copy, cat and printf routine. A counted destination is
   * not NUL-terminated; its Length is updated to the new content.
   */
  countedOperation(args: {
    dest: number;
    append: boolean;
    /** The source's characters (already limited to the N forms' count), or null for NULL. */
    source: (() => number[]) | null;
    validateSource?: () => Status;
    /** The N forms' count in characters: more than the maximum is invalid. */
    cchToCopy?: bigint;
    ex?: { remainingOut: number; flags: number };
    /** The printf forms: _vsnwprintf writes a terminator after the text when one more character fits. */
    terminateIfRoom?: boolean;
  }): Status {
    const { dest, ex } = args;
    const flags = ex?.flags ?? 0;
    const ignoreNulls = (flags & STRSAFE_IGNORE_NULLS) !== 0;
    let buffer = 0;
    let cchDest = 0;
    let destLength = 0;
    if (dest === 0) {
      if (!ignoreNulls) return STATUS_INVALID_PARAMETER;
    } else {
      const status = this.validateCounted(dest);
      if (failed(status)) return status;
      const s = this.readCounted(dest);
      buffer = s.buffer;
      cchDest = s.maximumLength / 2;
      destLength = args.append ? s.length / 2 : 0;
    }

    let status: Status = STATUS_SUCCESS;
    let source = args.source;
    if (source === null) {
      if (ignoreNulls) source = () => [];
      else status = STATUS_INVALID_PARAMETER;
    }
    if (status === STATUS_SUCCESS && args.validateSource) status = args.validateSource();
    if (status === STATUS_SUCCESS && args.cchToCopy !== undefined
      && args.cchToCopy > BigInt(NTSTRSAFE_UNICODE_STRING_MAX_CCH)) status = STATUS_INVALID_PARAMETER;
    if (status === STATUS_SUCCESS && (flags & ~STRSAFE_VALID_FLAGS) !== 0) status = STATUS_INVALID_PARAMETER;

    let newLength = destLength;
    let remaining = cchDest - destLength;
    if (status === STATUS_SUCCESS) {
      const units = source!();
      // No destination buffer at all: the Ex forms call that an invalid parameter, the others an overflow.
      if (units.length > 0 && (dest === 0 || (ex && buffer === 0))) status = STATUS_INVALID_PARAMETER;
      else {
        const copied = Math.min(units.length, remaining);
        for (let i = 0; i < copied; i++) this.putChar(buffer + (destLength + i) * 2, 2, units[i]!);
        if (units.length > remaining) status = STATUS_BUFFER_OVERFLOW;
        newLength += copied;
        remaining -= copied;
        if (args.terminateIfRoom && remaining > 0) this.putChar(buffer + newLength * 2, 2, 0);
        if (status === STATUS_SUCCESS && (flags & STRSAFE_FILL_BEHIND) && remaining !== 0) {
          this.fill(buffer + newLength * 2, remaining * 2, flags & 0xff);
        }
      }
    }

    if (ex && failed(status) && cchDest !== 0
      && (flags & (STRSAFE_NO_TRUNCATION | STRSAFE_FILL_ON_FAILURE | STRSAFE_ZERO_LENGTH_ON_FAILURE))) {
      if (flags & STRSAFE_NO_TRUNCATION) {
        newLength = destLength;
        remaining = cchDest - destLength;
      }
      if (flags & STRSAFE_FILL_ON_FAILURE) {
        const fillByte = flags & 0xff;
        this.fill(buffer, cchDest * 2, fillByte);
        newLength = fillByte === 0 ? 0 : cchDest;
        remaining = fillByte === 0 ? cchDest : 0;
      }
      if (flags & STRSAFE_ZERO_LENGTH_ON_FAILURE) {
        newLength = 0;
        remaining = cchDest;
      }
    }

    if (dest !== 0 && (!failed(status) || status === STATUS_BUFFER_OVERFLOW
      || (ex && cchDest !== 0 && (flags & (STRSAFE_FILL_ON_FAILURE | STRSAFE_ZERO_LENGTH_ON_FAILURE))))) {
      this.writeCounted(dest, { length: newLength * 2 });
    }
    if (ex && ex.remainingOut && (!failed(status) || status === STATUS_BUFFER_OVERFLOW)) {
      this.writeCounted(ex.remainingOut, { length: 0, maximumLength: remaining * 2, buffer: buffer + newLength * 2 });
    }
    return status;
  }

  /** RtlUnicodeStringInit(Ex): point the string at pszSrc, or leave it empty when pszSrc is too long. */
  init(dest: number, psz: number, flags: number): Status {
    if ((flags & ~STRSAFE_IGNORE_NULLS) !== 0) return STATUS_INVALID_PARAMETER;
    if (dest !== 0 || !(flags & STRSAFE_IGNORE_NULLS)) {
      this.writeCounted(dest, { length: 0, maximumLength: 0, buffer: psz });
    }
    if (psz === 0) return STATUS_SUCCESS;
    const read = this.readUnits(psz, 2, NTSTRSAFE_UNICODE_STRING_MAX_CCH);
    if (!read.terminated) return STATUS_INVALID_PARAMETER;
    if (dest !== 0) this.writeCounted(dest, { length: read.units.length * 2, maximumLength: (read.units.length + 1) * 2 });
    return STATUS_SUCCESS;
  }

  validate(source: number, flags: number): Status {
    if ((flags & ~STRSAFE_IGNORE_NULLS) !== 0) return STATUS_INVALID_PARAMETER;
    if (source === 0) return flags & STRSAFE_IGNORE_NULLS ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
    return this.validateCounted(source);
  }
}

// -------------------------------------------------------------------------------------------------
// printf

/** Thrown for a format the emulator does not implement, so an example never prints a silent guess. */
export class UnsupportedFormatError extends Error {}

/**
 * `_vsnprintf`/`_vsnwprintf` as the kernel's CRT formats: flags `-+ #0`, width and precision (with `*`),
 * size prefixes `hh h l ll w I I32 I64 z t j`, conversions `d i u o x X f F c C s S Z p %` (a double for `%f`). Strings are
 * addresses in emulated memory (`%s` follows the function's character set, `%S` the other one, `%hs`/`%ls`
 * force one, `%wZ` a PUNICODE_STRING, `%Z` a PANSI_STRING in the A forms); a NULL string prints
 * `(null)`. Returns the characters as code units.
 */
export function formatUnits(lib: NtStrSafe, wide: boolean, format: number[], args: readonly unknown[]): number[] {
  const out: number[] = [];
  let next = 0;
  const take = (): unknown => {
    if (next >= args.length) throw new UnsupportedFormatError(`printf: the format needs more arguments than the ${args.length} given`);
    return args[next++];
  };
  const emitText = (text: string) => { for (const ch of text) out.push(ch.codePointAt(0)!); };
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch !== 0x25 /* % */) { out.push(ch); i++; continue; }
    const start = i;
    i++;
    let left = false; let plus = false; let space = false; let alt = false; let zero = false;
    for (;; i++) {
      const c = String.fromCharCode(format[i] ?? 0);
      if (c === '-') left = true;
      else if (c === '+') plus = true;
      else if (c === ' ') space = true;
      else if (c === '#') alt = true;
      else if (c === '0') zero = true;
      else break;
    }
    let width = 0;
    if (format[i] === 0x2a) { width = Number(take()); if (width < 0) { left = true; width = -width; } i++; }
    else while (format[i]! >= 0x30 && format[i]! <= 0x39) width = width * 10 + format[i++]! - 0x30;
    let precision: number | undefined;
    if (format[i] === 0x2e) {
      i++;
      precision = 0;
      if (format[i] === 0x2a) { precision = Number(take()); if (precision < 0) precision = undefined; i++; }
      else while (format[i]! >= 0x30 && format[i]! <= 0x39) precision = precision * 10 + format[i++]! - 0x30;
    }
    let size = '';
    const rest = String.fromCharCode(...format.slice(i, i + 3));
    for (const prefix of ['I64', 'I32', 'hh', 'll', 'h', 'l', 'w', 'I', 'z', 't', 'j', 'L']) {
      if (rest.startsWith(prefix)) { size = prefix; i += prefix.length; break; }
    }
    const conversion = String.fromCharCode(format[i] ?? 0);
    i++;
    const pad = (body: string, prefix = '', numeric = false) => {
      const total = prefix.length + body.length;
      if (total >= width) return prefix + body;
      if (left) return prefix + body + ' '.repeat(width - total);
      if (zero && numeric) return prefix + '0'.repeat(width - total) + body;
      return ' '.repeat(width - total) + prefix + body;
    };
    const bits = size === 'I64' || size === 'll' || size === 'I' || size === 'z' || size === 't' || size === 'j' ? 64
      : size === 'h' ? 16 : size === 'hh' ? 8 : 32;
    switch (conversion) {
      case '%': out.push(0x25); break;
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
        const raw = take();
        let value = typeof raw === 'bigint' ? raw : BigInt(Math.trunc(Number(raw)));
        const signed = conversion === 'd' || conversion === 'i';
        value = signed ? BigInt.asIntN(bits, value) : BigInt.asUintN(bits, value);
        const negative = value < 0n;
        const magnitude = negative ? -value : value;
        const radix = conversion === 'o' ? 8 : conversion === 'x' || conversion === 'X' ? 16 : 10;
        let digits = magnitude.toString(radix);
        if (conversion === 'X') digits = digits.toUpperCase();
        if (precision !== undefined) {
          if (precision === 0 && magnitude === 0n) digits = '';
          digits = digits.padStart(precision, '0');
        }
        let prefix = negative ? '-' : signed && plus ? '+' : signed && space ? ' ' : '';
        if (alt && magnitude !== 0n && radix === 16) prefix += conversion === 'x' ? '0x' : '0X';
        if (alt && radix === 8 && !digits.startsWith('0')) digits = '0' + digits;
        const zeroPad = zero && precision === undefined;
        const text = (() => {
          const total = prefix.length + digits.length;
          if (total >= width) return prefix + digits;
          if (left) return prefix + digits + ' '.repeat(width - total);
          if (zeroPad) return prefix + '0'.repeat(width - total) + digits;
          return ' '.repeat(width - total) + prefix + digits;
        })();
        emitText(text);
        break;
      }
      case 'f': case 'F': {
        // A double in fixed notation, 6 decimals unless a precision is given (the kernel's CRT, as printf).
        const value = Number(take());
        let body = Number.isFinite(value) ? Math.abs(value).toFixed(precision ?? 6) : Number.isNaN(value) ? 'nan' : 'inf';
        if (alt && precision === 0 && Number.isFinite(value)) body += '.';
        const prefix = value < 0 || Object.is(value, -0) ? '-' : plus ? '+' : space ? ' ' : '';
        emitText(pad(body, prefix, Number.isFinite(value)));
        break;
      }
      case 'p': {
        const raw = take();
        const value = BigInt.asUintN(64, typeof raw === 'bigint' ? raw : BigInt(Number(raw)));
        emitText(pad(value.toString(16).toUpperCase().padStart(16, '0')));
        break;
      }
      case 'c': case 'C': {
        const raw = Number(take());
        const wideChar = size === 'l' || size === 'w' ? true : size === 'h' ? false : (conversion === 'c') === wide;
        const unit = wideChar ? raw & 0xffff : raw & 0xff;
        const text = pad('\u0000');
        for (const c of text) out.push(c === '\u0000' ? unit : c.charCodeAt(0));
        break;
      }
      case 's': case 'S': case 'Z': {
        const address = addressArg(take(), 'printf', `%${conversion}`);
        let units: number[];
        if (address === 0) units = [...'(null)'].map((c) => c.charCodeAt(0));
        else if (conversion === 'Z') {
          const counted = size === 'w' || size === 'l' ? true : size === 'h' ? false : wide;
          const s = lib.readCounted(address);
          const size_ = counted ? 2 : 1;
          units = [];
          if (s.buffer === 0) units = [...'(null)'].map((c) => c.charCodeAt(0));
          else for (let k = 0; k < Math.floor(s.length / size_); k++) units.push(lib.getChar(s.buffer + k * size_, size_));
        } else {
          const wideString = size === 'l' || size === 'w' ? true : size === 'h' ? false : (conversion === 's') === wide;
          units = lib.readUnits(address, wideString ? 2 : 1, precision ?? NTSTRSAFE_MAX_CCH).units;
        }
        if (precision !== undefined) units = units.slice(0, precision);
        const padding = Math.max(0, width - units.length);
        if (!left) for (let k = 0; k < padding; k++) out.push(0x20);
        for (const unit of units) out.push(wide ? unit : unit > 0xff ? 0x3f : unit);
        if (left) for (let k = 0; k < padding; k++) out.push(0x20);
        break;
      }
      default:
        throw new UnsupportedFormatError(
          `printf: the conversion ${String.fromCharCode(...format.slice(start, i))} is not supported by the emulator`);
    }
  }
  return out;
}

// -------------------------------------------------------------------------------------------------
// The routine table

export type StrSafeRoutine = (...args: unknown[]) => number;

/** Every routine of `ntstrsafe.h`, keyed by its Windows name, over the given memory. */
export function createNtStrSafe(memory: StrSafeMemory): Record<string, StrSafeRoutine> {
  const lib = new NtStrSafe(memory);
  const routines: Record<string, StrSafeRoutine> = {};

  for (const [suffix, size] of [['A', 1], ['W', 2]] as const) {
    const wide = size === 2;
    for (const unit of ['Cb', 'Cch'] as const) {
      const bytes = unit === 'Cb';
      const toCch = (value: bigint) => (bytes ? value / BigInt(size) : value);
      const base = `RtlString${unit}`;
      const stringSource = (psz: number, cchLimit: bigint | undefined) =>
        psz === 0 ? null : (limit: number) => {
          const max = cchLimit === undefined ? limit + 1 : Math.min(limit + 1, Number(cchLimit));
          return lib.readUnits(psz, size, max).units;
        };
      const formatSource = (routine: string, pszFormat: number, args: readonly unknown[]) =>
        pszFormat === 0 ? null : () => formatUnits(lib, wide, lib.readUnits(pszFormat, size, NTSTRSAFE_MAX_CCH).units, args);
      const ex = (endOut: unknown, remainingOut: unknown, flags: unknown, routine: string) => ({
        endOut: addressArg(endOut, routine, 'ppszDestEnd'),
        remainingOut: addressArg(remainingOut, routine, 'pcchRemaining'),
        flags: flagsArg(flags, routine),
      });
      for (const append of [false, true]) {
        const verb = append ? 'Cat' : 'Copy';
        for (const limited of [false, true]) {
          const plain = `${base}${verb}${limited ? 'N' : ''}${suffix}`;
          const exName = `${base}${verb}${limited ? 'N' : ''}Ex${suffix}`;
          const limitOf = (routine: string, value: unknown): bigint | undefined | 'invalid' => {
            if (!limited) return undefined;
            const cch = toCch(sizeArg(value, routine, bytes ? 'cbToCopy' : 'cchToCopy'));
            return cch > BigInt(NTSTRSAFE_MAX_CCH) ? 'invalid' : cch;
          };
          routines[plain] = (...a) => {
            const [dest, cDest, src] = a;
            const n = limitOf(plain, a[3]);
            const cbDest = sizeArg(cDest, plain, bytes ? 'cbDest' : 'cchDest');
            const destAddress = addressArg(dest, plain, 'pszDest');
            return lib.arrayOperation({
              routine: plain, size, dest: destAddress, cchDest: toCch(cbDest), append,
              source: n === 'invalid' ? () => [] : stringSource(addressArg(src, plain, 'pszSrc'), n),
              validateSource: n === 'invalid' ? () => STATUS_INVALID_PARAMETER : undefined,
            });
          };
          routines[exName] = (...a) => {
            const [dest, cDest, src] = a;
            const offset = limited ? 1 : 0;
            const n = limitOf(exName, a[3]);
            const cbDest = sizeArg(cDest, exName, bytes ? 'cbDest' : 'cchDest');
            return lib.arrayOperation({
              routine: exName, size, dest: addressArg(dest, exName, 'pszDest'), cchDest: toCch(cbDest),
              cbDest: bytes ? cbDest : undefined, append,
              source: n === 'invalid' ? () => [] : stringSource(addressArg(src, exName, 'pszSrc'), n),
              validateSource: n === 'invalid' ? () => STATUS_INVALID_PARAMETER : undefined,
              ex: ex(a[3 + offset], a[4 + offset], a[5 + offset], exName),
            });
          };
        }
      }
      for (const variadic of [true, false]) {
        const plain = `${base}${variadic ? '' : 'V'}Printf${suffix}`;
        const exName = `${base}${variadic ? '' : 'V'}PrintfEx${suffix}`;
        const argList = (rest: unknown[], routine: string): readonly unknown[] => {
          if (variadic) return rest;
          if (!Array.isArray(rest[0])) throw new TypeError(`${routine}: argList must be an array of the arguments (a va_list)`);
          return rest[0];
        };
        routines[plain] = (dest, cDest, format, ...rest) => lib.arrayOperation({
          routine: plain, size, dest: addressArg(dest, plain, 'pszDest'),
          cchDest: toCch(sizeArg(cDest, plain, bytes ? 'cbDest' : 'cchDest')), append: false,
          source: formatSource(plain, addressArg(format, plain, 'pszFormat'), argList(rest, plain)),
        });
        routines[exName] = (dest, cDest, endOut, remainingOut, flags, format, ...rest) => {
          const cbDest = sizeArg(cDest, exName, bytes ? 'cbDest' : 'cchDest');
          return lib.arrayOperation({
            routine: exName, size, dest: addressArg(dest, exName, 'pszDest'), cchDest: toCch(cbDest),
            cbDest: bytes ? cbDest : undefined, append: false,
            source: formatSource(exName, addressArg(format, exName, 'pszFormat'), argList(rest, exName)),
            ex: ex(endOut, remainingOut, flags, exName),
          });
        };
      }
      routines[`${base}Length${suffix}`] = (psz, max, lengthOut) => lib.length(size, addressArg(psz, `${base}Length${suffix}`, 'psz'),
        sizeArg(max, `${base}Length${suffix}`, bytes ? 'cbMax' : 'cchMax'), addressArg(lengthOut, `${base}Length${suffix}`, 'pLength'), bytes);
      if (wide) {
        const unaligned = `RtlUnalignedString${unit}LengthW`;
        routines[unaligned] = (psz, max, lengthOut) => lib.length(2, addressArg(psz, unaligned, 'psz'),
          sizeArg(max, unaligned, bytes ? 'cbMax' : 'cchMax'), addressArg(lengthOut, unaligned, 'pLength'), bytes);
        const countedSource = (address: number) => (address === 0 ? null : () => lib.countedUnits(address));
        const copyUnicode = `${base}CopyUnicodeString`;
        routines[copyUnicode] = (dest, cDest, source) => {
          const src = addressArg(source, copyUnicode, 'SourceString');
          return lib.arrayOperation({
            routine: copyUnicode, size, dest: addressArg(dest, copyUnicode, 'pszDest'),
            cchDest: toCch(sizeArg(cDest, copyUnicode, bytes ? 'cbDest' : 'cchDest')), append: false,
            source: countedSource(src), validateSource: () => lib.validateCounted(src),
          });
        };
        const copyUnicodeEx = `${base}CopyUnicodeStringEx`;
        routines[copyUnicodeEx] = (dest, cDest, source, endOut, remainingOut, flags) => {
          const src = addressArg(source, copyUnicodeEx, 'SourceString');
          const cbDest = sizeArg(cDest, copyUnicodeEx, bytes ? 'cbDest' : 'cchDest');
          return lib.arrayOperation({
            routine: copyUnicodeEx, size, dest: addressArg(dest, copyUnicodeEx, 'pszDest'), cchDest: toCch(cbDest),
            cbDest: bytes ? cbDest : undefined, append: false,
            source: countedSource(src), validateSource: src === 0 ? undefined : () => lib.validateCounted(src),
            ex: ex(endOut, remainingOut, flags, copyUnicodeEx),
          });
        };
      }
    }
  }

  // RtlUnicodeString… : a counted destination.
  routines.RtlUnicodeStringInit = (dest, psz) => lib.init(addressArg(dest, 'RtlUnicodeStringInit', 'DestinationString'),
    addressArg(psz, 'RtlUnicodeStringInit', 'pszSrc'), 0);
  routines.RtlUnicodeStringInitEx = (dest, psz, flags) => lib.init(addressArg(dest, 'RtlUnicodeStringInitEx', 'DestinationString'),
    addressArg(psz, 'RtlUnicodeStringInitEx', 'pszSrc'), flagsArg(flags, 'RtlUnicodeStringInitEx'));
  routines.RtlUnicodeStringValidate = (source) => lib.validate(addressArg(source, 'RtlUnicodeStringValidate', 'SourceString'), 0);
  routines.RtlUnicodeStringValidateEx = (source, flags) => lib.validate(addressArg(source, 'RtlUnicodeStringValidateEx', 'SourceString'),
    flagsArg(flags, 'RtlUnicodeStringValidateEx'));

  for (const append of [false, true]) {
    const verb = append ? 'Cat' : 'Copy';
    for (const fromString of [false, true]) {
      // fromString: the source is a NUL-terminated PCWSTR (…String forms), else a PCUNICODE_STRING.
      const sourceOf = (routine: string, value: unknown, limit: bigint | undefined) => {
        const address = addressArg(value, routine, fromString ? 'pszSrc' : 'SourceString');
        if (address === 0) return { source: null, validate: undefined };
        const cap = limit === undefined ? undefined : Math.min(Number(limit), NTSTRSAFE_UNICODE_STRING_MAX_CCH + 1);
        if (fromString) {
          return {
            // A source longer than any UNICODE_STRING can hold is invalid, as the length worker reports.
            source: () => lib.readUnits(address, 2, cap ?? NTSTRSAFE_MAX_CCH).units,
            validate: undefined,
          };
        }
        return {
          source: () => { const units = lib.countedUnits(address); return cap === undefined ? units : units.slice(0, cap); },
          validate: () => lib.validateCounted(address),
        };
      };
      const noun = fromString ? 'String' : '';
      for (const unit of ['', 'Cb', 'Cch'] as const) {
        const limited = unit !== '';
        const plain = `RtlUnicodeString${unit}${verb}${noun}${limited ? 'N' : ''}`;
        const exName = `${plain}Ex`;
        const limitOf = (routine: string, value: unknown) => {
          if (!limited) return undefined;
          const n = sizeArg(value, routine, unit === 'Cb' ? 'cbToCopy' : 'cchToCopy');
          return unit === 'Cb' ? n / 2n : n;
        };
        const run = (routine: string, dest: unknown, src: unknown, n: unknown, ex?: { remainingOut: number; flags: number }) => {
          const limit = limitOf(routine, n);
          const { source, validate } = sourceOf(routine, src, limit);
          return lib.countedOperation({
            dest: addressArg(dest, routine, 'DestinationString'), append, source, validateSource: validate,
            cchToCopy: limit, ex,
          });
        };
        routines[plain] = limited ? (dest, src, n) => run(plain, dest, src, n) : (dest, src) => run(plain, dest, src, undefined);
        routines[exName] = limited
          ? (dest, src, n, remaining, flags) => run(exName, dest, src, n,
            { remainingOut: addressArg(remaining, exName, 'RemainingString'), flags: flagsArg(flags, exName) })
          : (dest, src, remaining, flags) => run(exName, dest, src, undefined,
            { remainingOut: addressArg(remaining, exName, 'RemainingString'), flags: flagsArg(flags, exName) });
      }
    }
  }

  for (const variadic of [true, false]) {
    const plain = `RtlUnicodeString${variadic ? '' : 'V'}Printf`;
    const exName = `${plain}Ex`;
    const argList = (rest: unknown[], routine: string): readonly unknown[] => {
      if (variadic) return rest;
      if (!Array.isArray(rest[0])) throw new TypeError(`${routine}: argList must be an array of the arguments (a va_list)`);
      return rest[0];
    };
    const sourceOf = (routine: string, format: unknown, args: readonly unknown[]) => {
      const address = addressArg(format, routine, 'pszFormat');
      return address === 0 ? null : () => formatUnits(lib, true, lib.readUnits(address, 2, NTSTRSAFE_MAX_CCH).units, args);
    };
    routines[plain] = (dest, format, ...rest) => lib.countedOperation({
      dest: addressArg(dest, plain, 'DestinationString'), append: false, source: sourceOf(plain, format, argList(rest, plain)),
      terminateIfRoom: true,
    });
    routines[exName] = (dest, remaining, flags, format, ...rest) => lib.countedOperation({
      dest: addressArg(dest, exName, 'DestinationString'), append: false, source: sourceOf(exName, format, argList(rest, exName)),
      terminateIfRoom: true,
      ex: { remainingOut: addressArg(remaining, exName, 'RemainingString'), flags: flagsArg(flags, exName) },
    });
  }
  return routines;
}

/** The constants of `ntstrsafe.h`, under their WDK names. */
export const NTSTRSAFE_CONSTANTS = {
  NTSTRSAFE_MAX_CCH, NTSTRSAFE_UNICODE_STRING_MAX_CCH, STRSAFE_IGNORE_NULLS, STRSAFE_FILL_BEHIND_NULL,
  STRSAFE_FILL_ON_FAILURE, STRSAFE_NULL_ON_FAILURE, STRSAFE_NO_TRUNCATION, STRSAFE_FILL_BEHIND,
  STRSAFE_ZERO_LENGTH_ON_FAILURE,
} as const;

export default defineModule({
  name: 'ntstrsafe',
  constants: NTSTRSAFE_CONSTANTS,
  routines: (sys) => ({ ...createNtStrSafe(sys.mem), STRSAFE_FILL_BYTE, STRSAFE_FAILURE_BYTE }),
});
