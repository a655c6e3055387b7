/**
 * The safe integer library of `ntintsafe.h`: `Rtl<Type>Add`, `Rtl<Type>Sub`, `Rtl<Type>Mult` and
 * `Rtl<From>To<To>`, built from one table of the header's integer types (x64 data model).
 *
 * Every routine computes the exact result, then stores it through its out-parameter when it fits the
 * result type and returns STATUS_SUCCESS; otherwise it stores the header's `<TYPE>_ERROR` value and
 * returns STATUS_INTEGER_OVERFLOW (the pages: "If the operation results in a value that overflows or
 * underflows the capacity of the type, the function returns STATUS_INTEGER_OVERFLOW and this parameter
 * is not valid"). The stored error values are those `ntintsafe.h` defines (`ULONG_ERROR` 0xffffffff,
 * `LONG_ERROR` -1, `CHAR_ERROR` and `UCHAR_ERROR` '\0', …) so a caller that ignores the status reads
 * what a driver would read.
 */

import { defineModule } from './module.ts';

/** Status codes of the safe integer library, as unsigned 32-bit values. */
export const STATUS_SUCCESS = 0x00000000;
export const STATUS_INTEGER_OVERFLOW = 0xc0000095;

/** The slice of emulated memory the library needs: typed stores through the out-parameter. */
export interface IntSafeMemory {
  write(address: number, type: string, value: number | bigint): void;
}

/** One integer type of `ntintsafe.h`: the token used in routine names and its x64 representation. */
export interface IntSafeType {
  /** The spelling inside routine names (`ULong` in `RtlULongAdd`). */
  token: string;
  /** The C type name as the prototypes spell it. */
  cName: string;
  bits: 8 | 16 | 32 | 64;
  signed: boolean;
  /** The `<TYPE>_ERROR` value the header stores on failure. */
  error: bigint;
}

function t(token: string, cName: string, bits: 8 | 16 | 32 | 64, signed: boolean, error?: bigint): IntSafeType {
  return { token, cName, bits, signed, error: error ?? (signed ? -1n : (1n << BigInt(bits)) - 1n) };
}

/**
 * The integer types, x64: `long` is 32 bits (LLP64), pointer-sized types are 64 bits, `CHAR` is signed
 * (the WDK compiles without `_CHAR_UNSIGNED`). CHAR and UCHAR are the two types whose error value is
 * '\0' rather than all bits set.
 */
export const INTSAFE_TYPES: readonly IntSafeType[] = [
  t('Char', 'CHAR', 8, true, 0n),
  t('Int8', 'INT8', 8, true),
  t('UChar', 'UCHAR', 8, false, 0n),
  t('UInt8', 'UINT8', 8, false),
  t('Byte', 'BYTE', 8, false),
  t('Short', 'SHORT', 16, true),
  t('Int16', 'INT16', 16, true),
  t('UShort', 'USHORT', 16, false),
  t('UInt16', 'UINT16', 16, false),
  t('Word', 'WORD', 16, false),
  t('Int', 'INT', 32, true),
  t('UInt', 'UINT', 32, false),
  t('Long', 'LONG', 32, true),
  t('ULong', 'ULONG', 32, false),
  t('DWord', 'DWORD', 32, false),
  t('LongLong', 'LONGLONG', 64, true),
  t('ULongLong', 'ULONGLONG', 64, false),
  t('IntPtr', 'INT_PTR', 64, true),
  t('UIntPtr', 'UINT_PTR', 64, false),
  t('LongPtr', 'LONG_PTR', 64, true),
  t('ULongPtr', 'ULONG_PTR', 64, false),
  t('DWordPtr', 'DWORD_PTR', 64, false),
  t('PtrdiffT', 'ptrdiff_t', 64, true),
  t('SizeT', 'size_t', 64, false),
  t('SSIZET', 'SSIZE_T', 64, true),
];

const TYPE_BY_TOKEN = new Map(INTSAFE_TYPES.map((type) => [type.token, type]));

/** The arithmetic routines: `Rtl<Type>Add`, `…Sub`, `…Mult` exist for these types. */
export const INTSAFE_ARITHMETIC_TYPES: readonly string[] = [
  'Int8', 'UInt8', 'Short', 'UShort', 'Int', 'UInt', 'Long', 'ULong', 'LongLong', 'ULongLong',
  'IntPtr', 'UIntPtr', 'LongPtr', 'ULongPtr', 'DWordPtr', 'PtrdiffT', 'SizeT', 'SSIZET',
];

/**
 * The conversions `ntintsafe.h` declares for kernel mode, grouped by source type: `Rtl<From>To<To>`.
 * Some cannot fail on x64 (`RtlLongToInt`); the header declares them for portability and they stay.
 */
export const INTSAFE_CONVERSIONS: Readonly<Record<string, readonly string[]>> = {
  Byte: ['Char', 'Int8'],
  UInt8: ['Char', 'Int8'],
  Int8: ['UChar', 'UInt8', 'UShort', 'UInt', 'ULong', 'UIntPtr', 'ULongPtr', 'ULongLong'],
  UShort: ['Char', 'Int8', 'Short', 'UChar', 'UInt8'],
  Short: ['Char', 'Int8', 'UChar', 'UInt8', 'UShort', 'UInt', 'ULong', 'UIntPtr', 'ULongPtr', 'DWordPtr',
    'ULongLong'],
  Int: ['Char', 'Int8', 'Short', 'UChar', 'UInt8', 'UShort', 'UInt', 'ULong', 'ULongLong'],
  UInt: ['Char', 'Int8', 'Short', 'UChar', 'UInt8', 'UShort', 'Int', 'Long', 'IntPtr', 'LongPtr'],
  Long: ['Char', 'Int8', 'Short', 'UChar', 'UInt8', 'UShort', 'Int', 'UInt', 'ULong', 'IntPtr', 'UIntPtr',
    'ULongPtr', 'ULongLong'],
  ULong: ['Char', 'Int8', 'Short', 'UChar', 'UInt8', 'UShort', 'Int', 'UInt', 'Long', 'IntPtr', 'UIntPtr',
    'LongPtr'],
  IntPtr: ['Char', 'Int8', 'Short', 'UChar', 'UInt8', 'UShort', 'Int', 'UInt', 'Long', 'ULong', 'LongPtr',
    'UIntPtr', 'ULongPtr', 'ULongLong'],
  UIntPtr: ['Char', 'Int8', 'Int16', 'Short', 'UChar', 'UInt8', 'UInt16', 'UShort', 'Int', 'UInt', 'Long',
    'ULong', 'IntPtr', 'LongPtr', 'LongLong'],
  LongPtr: ['Char', 'Int8', 'Short', 'UChar', 'UInt8', 'UShort', 'Int', 'UInt', 'Long', 'ULong', 'IntPtr',
    'UIntPtr', 'ULongPtr', 'ULongLong'],
  ULongPtr: ['Char', 'Int8', 'Short', 'UChar', 'UInt8', 'UShort', 'Int', 'UInt', 'Long', 'ULong', 'IntPtr',
    'LongPtr', 'UIntPtr', 'LongLong'],
  LongLong: ['Char', 'Int8', 'Short', 'UChar', 'UInt8', 'UShort', 'Int', 'UInt', 'Long', 'ULong', 'IntPtr',
    'LongPtr', 'ULongLong'],
  ULongLong: ['Char', 'Int8', 'Short', 'UChar', 'UInt8', 'UShort', 'Int', 'UInt', 'Long', 'ULong', 'UIntPtr',
    'LongPtr', 'ULongPtr', 'LongLong'],
};

/** Memory access type of the emulator for an integer of this width and signedness. */
export function memoryType(type: IntSafeType): string {
  switch (type.bits) {
    case 8: return type.signed ? 'CHAR' : 'UCHAR';
    case 16: return type.signed ? 'SHORT' : 'USHORT';
    case 32: return type.signed ? 'LONG' : 'ULONG';
    case 64: return type.signed ? 'LONGLONG' : 'ULONGLONG';
  }
}

export function minOf(type: IntSafeType): bigint {
  return type.signed ? -(1n << BigInt(type.bits - 1)) : 0n;
}

export function maxOf(type: IntSafeType): bigint {
  return type.signed ? (1n << BigInt(type.bits - 1)) - 1n : (1n << BigInt(type.bits)) - 1n;
}

/**
 * The value a C caller's argument has once converted to the parameter type (the implicit conversion at
 * the call): `RtlULongAdd(-1, …)` adds 0xFFFFFFFF. A non-integer is a programming error of the caller.
 */
export function toParameter(type: IntSafeType, value: number | bigint, routine: string, name: string): bigint {
  let big: bigint;
  if (typeof value === 'bigint') big = value;
  else if (typeof value === 'number' && Number.isInteger(value)) big = BigInt(value);
  else throw new TypeError(`${routine}: ${name} must be an integer (${type.cName}), got ${String(value)}`);
  return type.signed ? BigInt.asIntN(type.bits, big) : BigInt.asUintN(type.bits, big);
}

/** A JavaScript value of the emulator's conventions: 64-bit types are bigint, narrower ones number. */
export function fromC(type: IntSafeType, value: bigint): number | bigint {
  return type.bits === 64 ? value : Number(value);
}

function store(memory: IntSafeMemory, address: number, type: IntSafeType, value: bigint): void {
  memory.write(address, memoryType(type), fromC(type, value));
}

function finish(memory: IntSafeMemory, out: number, type: IntSafeType, exact: bigint): number {
  if (exact >= minOf(type) && exact <= maxOf(type)) {
    store(memory, out, type, exact);
    return STATUS_SUCCESS;
  }
  store(memory, out, type, type.error);
  return STATUS_INTEGER_OVERFLOW;
}

export type IntSafeRoutine = (...args: (number | bigint)[]) => number;

function lookup(token: string): IntSafeType {
  const type = TYPE_BY_TOKEN.get(token);
  if (!type) throw new Error(`ntintsafe: no type named ${token} in INTSAFE_TYPES`);
  return type;
}

/** Every routine of the library, keyed by its Windows name, over the given memory. */
export function createNtIntSafe(memory: IntSafeMemory): Record<string, IntSafeRoutine> {
  const routines: Record<string, IntSafeRoutine> = {};
  const operations: [string, (a: bigint, b: bigint) => bigint][] = [
    ['Add', (a, b) => a + b],
    ['Sub', (a, b) => a - b],
    ['Mult', (a, b) => a * b],
  ];
  for (const token of INTSAFE_ARITHMETIC_TYPES) {
    const type = lookup(token);
    for (const [verb, operate] of operations) {
      const name = `Rtl${token}${verb}`;
      routines[name] = (first, second, out) => {
        const a = toParameter(type, first!, name, 'first operand');
        const b = toParameter(type, second!, name, 'second operand');
        return finish(memory, Number(out), type, operate(a, b));
      };
    }
  }
  for (const [fromToken, targets] of Object.entries(INTSAFE_CONVERSIONS)) {
    const from = lookup(fromToken);
    for (const toToken of targets) {
      const to = lookup(toToken);
      const name = `Rtl${fromToken}To${toToken}`;
      routines[name] = (operand, out) => finish(memory, Number(out), to, toParameter(from, operand!, name, 'operand'));
    }
  }
  return routines;
}

export default defineModule({
  name: 'ntintsafe',
  routines: (sys) => createNtIntSafe(sys.mem),
});
