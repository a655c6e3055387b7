// Specification: content/ddi/ntintsafe/*.md — "If the operation results in a value that overflows or
// underflows the capacity of the type, the function returns STATUS_INTEGER_OVERFLOW".
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createNtIntSafe, INTSAFE_TYPES, STATUS_INTEGER_OVERFLOW, STATUS_SUCCESS,
} from '../../src/emulator/ntintsafe.ts';

const PAGES = new URL('../../content/ddi/ntintsafe/', import.meta.url);

function fakeMemory() {
  const cells = new Map<number, { type: string; value: number | bigint }>();
  return {
    cells,
    write(address: number, type: string, value: number | bigint) { cells.set(address, { type, value }); },
  };
}

describe('ntintsafe routine table', () => {
  const memory = fakeMemory();
  const routines = createNtIntSafe(memory);
  const prototypes = readdirSync(PAGES).filter((file) => file.endsWith('.c'));

  it('implements every routine that has a page, with the parameter types of its prototype', () => {
    expect(prototypes.length).toBeGreaterThan(200);
    const cNames = new Map(INTSAFE_TYPES.map((type) => [type.token, type.cName]));
    for (const file of prototypes) {
      const text = readFileSync(new URL(file, PAGES), 'utf8');
      const name = /NTSTATUS\s+(\w+)\s*\(/.exec(text)?.[1];
      expect(name, file).toBeDefined();
      expect(typeof routines[name!], `${file}: ${name}`).toBe('function');
      const list = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      const params = list.split(',').map((p) => p.replace(/\[[^\]]*\]/g, '').trim().split(/\s+/)[0]);
      const conversion = /^Rtl(\w+?)To(\w+)$/.exec(name!);
      const arithmetic = /^Rtl(\w+?)(Add|Sub|Mult)$/.exec(name!);
      const [from, to] = conversion ? [conversion[1], conversion[2]] : [arithmetic![1], arithmetic![1]];
      expect(params[0], `${file}: first parameter type`).toBe(cNames.get(from!));
      expect(params.at(-1), `${file}: out parameter type`).toBe(cNames.get(to!));
    }
  });

  it('RtlULongAdd stores the sum and returns STATUS_SUCCESS when it fits', () => {
    expect(routines.RtlULongAdd!(0xfffffffe, 1, 0x100)).toBe(STATUS_SUCCESS);
    expect(memory.cells.get(0x100)).toEqual({ type: 'ULONG', value: 0xffffffff });
  });

  it('RtlULongAdd returns STATUS_INTEGER_OVERFLOW and stores ULONG_ERROR when the sum overflows', () => {
    expect(routines.RtlULongAdd!(0xffffffff, 1, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
    expect(memory.cells.get(0x100)).toEqual({ type: 'ULONG', value: 0xffffffff });
  });

  it('RtlULongSub underflows below zero', () => {
    expect(routines.RtlULongSub!(1, 2, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
    expect(routines.RtlULongSub!(2, 2, 0x100)).toBe(STATUS_SUCCESS);
    expect(memory.cells.get(0x100)!.value).toBe(0);
  });

  it('RtlLongMult detects a signed product beyond LONG_MAX and LONG_MIN', () => {
    expect(routines.RtlLongMult!(0x10000, 0x8000, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
    expect(memory.cells.get(0x100)!.value).toBe(-1);
    expect(routines.RtlLongMult!(-0x10000, 0x8000, 0x100)).toBe(STATUS_SUCCESS);
    expect(memory.cells.get(0x100)!.value).toBe(-0x80000000);
  });

  it('RtlSizeTMult works on 64-bit bigint operands and writes a ULONGLONG', () => {
    expect(routines.RtlSizeTMult!(0x100000000n, 0xffffffffn, 0x100)).toBe(STATUS_SUCCESS);
    expect(memory.cells.get(0x100)).toEqual({ type: 'ULONGLONG', value: 0xffffffff00000000n });
    expect(routines.RtlSizeTMult!(0x100000000n, 0x100000000n, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
    expect(memory.cells.get(0x100)!.value).toBe(0xffffffffffffffffn);
  });

  it('RtlLongLongSub detects signed underflow at LONGLONG_MIN', () => {
    expect(routines.RtlLongLongSub!(-(2n ** 63n), 1n, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
    expect(memory.cells.get(0x100)!.value).toBe(-1n);
  });

  it('conversions to CHAR and UCHAR store the header error value \\0 on truncation', () => {
    expect(routines.RtlUInt8ToChar!(128, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
    expect(memory.cells.get(0x100)).toEqual({ type: 'CHAR', value: 0 });
    expect(routines.RtlUInt8ToChar!(127, 0x100)).toBe(STATUS_SUCCESS);
    expect(memory.cells.get(0x100)!.value).toBe(127);
    expect(routines.RtlIntToUChar!(-1, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
    expect(memory.cells.get(0x100)).toEqual({ type: 'UCHAR', value: 0 });
  });

  it('signed-to-unsigned conversions reject negative values', () => {
    expect(routines.RtlInt8ToULongLong!(-1, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
    expect(memory.cells.get(0x100)!.value).toBe(0xffffffffffffffffn);
    expect(routines.RtlShortToUShort!(0x7fff, 0x100)).toBe(STATUS_SUCCESS);
  });

  it('takes arguments as C converts them to the parameter type', () => {
    // -1 passed for a ULONG parameter is 0xFFFFFFFF, so adding 1 overflows.
    expect(routines.RtlULongAdd!(-1, 1, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
    expect(routines.RtlULongPtrToULong!(0x1_0000_0000n, 0x100)).toBe(STATUS_INTEGER_OVERFLOW);
  });
});
