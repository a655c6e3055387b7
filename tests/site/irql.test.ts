import { describe, expect, it } from 'vitest';
import { callableAt, irqlLabel } from '../../src/utils/irql.ts';

describe('irqlLabel', () => {
  it('names ranges the way a driver developer reads them', () => {
    expect(irqlLabel({ raw: 'PASSIVE_LEVEL', min: 'PASSIVE_LEVEL', max: 'PASSIVE_LEVEL' })).toBe('PASSIVE_LEVEL');
    expect(irqlLabel({ raw: '<= DISPATCH_LEVEL', min: 'PASSIVE_LEVEL', max: 'DISPATCH_LEVEL' })).toBe('≤ DISPATCH_LEVEL');
    expect(irqlLabel({ raw: '>= DISPATCH_LEVEL', min: 'DISPATCH_LEVEL', max: 'HIGH_LEVEL' })).toBe('≥ DISPATCH_LEVEL');
    expect(irqlLabel({ raw: 'Any level', min: 'PASSIVE_LEVEL', max: 'HIGH_LEVEL' })).toBe('any level');
    expect(irqlLabel(null)).toBe('not stated');
  });

  it('keeps a badge short when the source gives words instead of a level', () => {
    expect(irqlLabel({ raw: 'See Remarks', min: null, max: null })).toBe('See Remarks');
    const long = irqlLabel({ raw: 'Callers must be running at an IRQL that is suitable for the target', min: null, max: null });
    expect(long.length).toBeLessThanOrEqual(23);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('callableAt', () => {
  it('is min <= level <= max, and false when no level is stated', () => {
    const r = { raw: '<= APC_LEVEL', min: 'PASSIVE_LEVEL', max: 'APC_LEVEL' } as const;
    expect(callableAt(r, 'PASSIVE_LEVEL')).toBe(true);
    expect(callableAt(r, 'APC_LEVEL')).toBe(true);
    expect(callableAt(r, 'DISPATCH_LEVEL')).toBe(false);
    expect(callableAt({ raw: 'See Remarks', min: null, max: null }, 'PASSIVE_LEVEL')).toBe(false);
    expect(callableAt(null, 'PASSIVE_LEVEL')).toBe(false);
  });
});
