import { describe, expect, it } from 'vitest';
import { UsageError, loadCatalog } from '../../scripts/ddi/catalog.ts';
import { nearest, parseFilters, passes, routineFacts } from '../../scripts/ddi/filters.ts';
import { viewOf } from '../../scripts/ddi/view.ts';
import { FIXTURE } from './helpers.ts';

const catalog = loadCatalog(FIXTURE);
const context = viewOf(catalog).context();
const query = (...terms: string[]) => {
  const filters = parseFilters(terms, context);
  return catalog.routines.filter((routine) => passes(routineFacts(routine), filters)).map((routine) => routine.name).sort();
};

describe('query filters', () => {
  it('header: any header that documents the routine, with or without .h', () => {
    expect(query('header:ntddk.h')).toEqual(['ExFreePool']);
    expect(query('header:NTIFS')).toEqual(['ZwQueryObject']);
  });

  it('kind: and status: take their values from the schema', () => {
    expect(query('kind:callback')).toEqual(['DRIVER_INITIALIZE']);
    expect(query('kind:macro')).toEqual(['ExFreePool', 'KeAcquireSpinLock', 'RtlCopyMemory']);
    expect(query('status:obsolete')).toEqual(['ExAllocatePool', 'ExInitializeZone', 'HalGetAdapter']);
  });

  it('category: the category and every category below it', () => {
    expect(query('category:synchronization/spin-locks')).toEqual(['KeAcquireInStackQueuedSpinLock', 'KeAcquireSpinLock', 'KeAcquireSpinLockAtDpcLevel', 'KeReleaseSpinLock']);
    expect(query('category:memory-allocation')).toEqual(['ExAllocatePool', 'ExAllocatePool2', 'ExFreePool', 'RtlCopyMemory']);
  });

  it('irql: callable at that level, min <= level <= max in the schema order', () => {
    const atDispatch = query('irql:DISPATCH_LEVEL');
    expect(atDispatch).toContain('ExAcquireRundownProtection');
    expect(atDispatch).toContain('KeAcquireSpinLockAtDpcLevel');
    expect(atDispatch).toContain('KeReleaseSpinLock');
    expect(atDispatch).toContain('KeGetCurrentIrql');
    expect(atDispatch).not.toContain('ExWaitForRundownProtectionRelease');
    expect(atDispatch).not.toContain('DRIVER_INITIALIZE');
    expect(query('irql:apc')).toContain('ExWaitForRundownProtectionRelease');
    expect(query('irql:HIGH_LEVEL')).toEqual(['KeAcquireSpinLockAtDpcLevel', 'KeGetCurrentIrql', 'RtlCopyMemory']);
  });

  it('irql: leaves out routines whose requirement names no level or is not stated', () => {
    const everywhere = new Set(['PASSIVE_LEVEL', 'DISPATCH_LEVEL', 'HIGH_LEVEL'].flatMap((level) => query(`irql:${level}`)));
    expect(everywhere.has('ExInitializeZone')).toBe(false);
    expect(everywhere.has('HalGetAdapter')).toBe(false);
  });

  it('takes: a parameter of that type, through the P… typedef and pointers', () => {
    const rundown = ['ExAcquireRundownProtection', 'ExInitializeRundownProtection', 'ExReleaseRundownProtection', 'ExWaitForRundownProtectionRelease'];
    expect(query('takes:PEX_RUNDOWN_REF')).toEqual(rundown);
    expect(query('takes:EX_RUNDOWN_REF')).toEqual(rundown);
    expect(query('takes:UNICODE_STRING')).toEqual(['DRIVER_INITIALIZE', 'IoGetDeviceObjectPointer']);
    expect(query('takes:PDRIVER_OBJECT')).toEqual(['DRIVER_INITIALIZE']);
    expect(query('takes:NO_SUCH_TYPE')).toEqual([]);
  });

  it('has:replacement, and terms combine with AND', () => {
    expect(query('has:replacement')).toEqual(['ExAllocatePool', 'HalGetAdapter']);
    expect(query('has:replacement', 'header:wdm.h')).toEqual(['ExAllocatePool']);
    expect(query('irql:dispatch', 'takes:PKSPIN_LOCK', 'kind:function')).toEqual(['KeAcquireInStackQueuedSpinLock', 'KeAcquireSpinLockAtDpcLevel', 'KeReleaseSpinLock']);
  });

  it('refuses unknown keys and values with a clear message', () => {
    const error = (term: string) => {
      try {
        parseFilters([term], context);
      } catch (caught) {
        expect(caught).toBeInstanceOf(UsageError);
        return (caught as Error).message;
      }
      throw new Error(`${term} was accepted`);
    };
    expect(error('colour:red')).toMatch(/unknown filter key "colour" in "colour:red"; keys are header, kind, status, category, irql, takes, has/);
    expect(error('wdm.h')).toMatch(/"wdm.h" is not a filter: write key:value/);
    expect(error('kind:procedure')).toMatch(/unknown kind "procedure"; kinds are function, macro, callback/);
    expect(error('irql:LOW_LEVEL')).toMatch(/unknown IRQL "LOW_LEVEL"; levels are PASSIVE_LEVEL, APC_LEVEL/);
    expect(error('status:gone')).toMatch(/unknown status/);
    expect(error('has:wings')).toMatch(/unknown has:wings; known are has:replacement/);
    expect(error('header:wdn.h')).toMatch(/no header "wdn.h" in the catalog; did you mean wdm.h/);
    expect(error('category:spin-locks')).toMatch(/no category "spin-locks" in the catalog; did you mean synchronization\/spin-locks/);
    expect(error('takes:')).toMatch(/"takes:" has no value/);
  });
});

describe('nearest', () => {
  it('prefers candidates containing the text, then the closest spellings', () => {
    expect(nearest('spin', ['KeReleaseSpinLock', 'Spin', 'Span', 'Unrelated'])).toEqual(['Spin', 'KeReleaseSpinLock', 'Span']);
  });
});
