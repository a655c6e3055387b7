import { describe, expect, it } from 'vitest';
import { parseIrql } from '../../scripts/ingest/extract/irql.ts';

describe('parseIrql', () => {
  it.each([
    ['PASSIVE_LEVEL', 'PASSIVE_LEVEL', 'PASSIVE_LEVEL'],
    ['<= APC_LEVEL', 'PASSIVE_LEVEL', 'APC_LEVEL'],
    ['<=APC_LEVEL', 'PASSIVE_LEVEL', 'APC_LEVEL'],
    ['"<= APC_LEVEL"', 'PASSIVE_LEVEL', 'APC_LEVEL'],
    ['<= DISPATCH_LEVEL (see Remarks)', 'PASSIVE_LEVEL', 'DISPATCH_LEVEL'],
    ['IRQL <= DISPATCH_LEVEL', 'PASSIVE_LEVEL', 'DISPATCH_LEVEL'],
    ['< DISPATCH_LEVEL (see Remarks section)', 'PASSIVE_LEVEL', 'APC_LEVEL'],
    ['>= DISPATCH_LEVEL', 'DISPATCH_LEVEL', 'HIGH_LEVEL'],
    ['IRQL = DISPATCH_LEVEL', 'DISPATCH_LEVEL', 'DISPATCH_LEVEL'],
    ['DISPATCH_LEVEL', 'DISPATCH_LEVEL', 'DISPATCH_LEVEL'],
    ['Called at PASSIVE_LEVEL.', 'PASSIVE_LEVEL', 'PASSIVE_LEVEL'],
    ['Any level', 'PASSIVE_LEVEL', 'HIGH_LEVEL'],
    ['Any IRQL', 'PASSIVE_LEVEL', 'HIGH_LEVEL'],
    ['Any level (See Remarks section)', 'PASSIVE_LEVEL', 'HIGH_LEVEL'],
    ['<= DIRQL', 'PASSIVE_LEVEL', 'DIRQL'],
    ['< IPI_LEVEL', 'PASSIVE_LEVEL', 'CLOCK_LEVEL'],
    ['DPC_LEVEL', 'DISPATCH_LEVEL', 'DISPATCH_LEVEL'],
    ['PASSIVE_LEVEL to HIGH_LEVEL', 'PASSIVE_LEVEL', 'HIGH_LEVEL'],
    ['_IRQL_requires_max_(DISPATCH_LEVEL)', 'PASSIVE_LEVEL', 'DISPATCH_LEVEL'],
    ['<= APC_LEVEL or <= DISPATCH_LEVEL (See Remarks section)', 'PASSIVE_LEVEL', 'DISPATCH_LEVEL'],
    ['<=(APC_LEVEL)', 'PASSIVE_LEVEL', 'APC_LEVEL'],
  ])('%s → %s..%s', (raw, min, max) => {
    expect(parseIrql(raw)).toEqual({ raw: raw.replace(/^"|"$/g, ''), min, max });
  });

  it('keeps the words with no range when the text names no level', () => {
    expect(parseIrql('See Remarks section.')).toEqual({ raw: 'See Remarks section.', min: null, max: null });
    expect(parseIrql('For more information, see  the Remarks section.')).toEqual({ raw: 'For more information, see the Remarks section.', min: null, max: null });
  });

  it('returns null when no requirement is stated', () => {
    expect(parseIrql('')).toBeNull();
    expect(parseIrql('   ')).toBeNull();
    expect(parseIrql(undefined)).toBeNull();
  });
});
