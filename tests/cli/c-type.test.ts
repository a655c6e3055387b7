import { describe, expect, it } from 'vitest';
import { parseCType, takesType, typeSpellings } from '../../scripts/ddi/c-type.ts';

describe('parseCType', () => {
  it('drops qualifiers and SAL annotations and counts pointers', () => {
    expect(parseCType('const UNICODE_STRING *')).toEqual({ base: 'UNICODE_STRING', depth: 1 });
    expect(parseCType('_Inout_opt_ PVOID *')).toEqual({ base: 'PVOID', depth: 1 });
    expect(parseCType('struct _DRIVER_OBJECT *')).toEqual({ base: '_DRIVER_OBJECT', depth: 1 });
    expect(parseCType('_When_(x, _Out_) PULONG')).toEqual({ base: 'PULONG', depth: 0 });
  });
  it('returns null when no type name is left', () => {
    expect(parseCType('const *')).toBeNull();
  });
});

describe('typeSpellings', () => {
  it('spells a P… typedef and a pointer the same way', () => {
    expect(typeSpellings('PEX_RUNDOWN_REF')).toEqual(new Set(['PEX_RUNDOWN_REF', 'EX_RUNDOWN_REF*']));
    expect(typeSpellings('EX_RUNDOWN_REF *')).toEqual(new Set(['EX_RUNDOWN_REF*', 'PEX_RUNDOWN_REF']));
  });
  it('spells a structure tag as its typedef too', () => {
    expect(typeSpellings('struct _DRIVER_OBJECT *')).toEqual(new Set(['_DRIVER_OBJECT*', 'P_DRIVER_OBJECT', 'DRIVER_OBJECT*', 'PDRIVER_OBJECT']));
  });
  it('reads PC… as a pointer to const', () => {
    expect(typeSpellings('PCUNICODE_STRING')).toContain('UNICODE_STRING*');
  });
});

describe('takesType', () => {
  it('matches the type itself, ignoring case', () => {
    expect(takesType('ULONG', 'ulong')).toBe(true);
  });
  it('matches through the pointer typedef, both ways', () => {
    expect(takesType('PEX_RUNDOWN_REF', 'PEX_RUNDOWN_REF')).toBe(true);
    expect(takesType('EX_RUNDOWN_REF *', 'PEX_RUNDOWN_REF')).toBe(true);
    expect(takesType('PEX_RUNDOWN_REF', 'EX_RUNDOWN_REF')).toBe(true);
    expect(takesType('const UNICODE_STRING *', 'PCUNICODE_STRING')).toBe(true);
  });
  it('does not confuse a value with a pointer to another type', () => {
    expect(takesType('ULONG', 'PULONG')).toBe(false);
    expect(takesType('PULONG', 'ULONG64')).toBe(false);
    expect(takesType('PKSPIN_LOCK', 'EX_RUNDOWN_REF')).toBe(false);
  });
});
