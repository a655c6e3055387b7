// The emulator's IRQL rules are the catalog's: src/emulator/irql-table.ts is generated from build/catalog.json
// (src/emulator/tools/generate-irql-table.ts) and must agree with it entry for entry.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../schema/index.ts';
import { createKernel } from '../../src/emulator/index.ts';
import { IRQL_TABLE } from '../../src/emulator/irql-table.ts';
import { irqlRangeOf } from '../../src/emulator/irql.ts';

const catalogPath = 'build/catalog.json';

describe.skipIf(!existsSync(catalogPath))('IRQL table generated from the catalog', () => {
  const catalog = Catalog.parse(JSON.parse(readFileSync(catalogPath, 'utf8')));
  const byName = new Map<string, (typeof catalog.routines)[number]>();
  for (const r of catalog.routines) {
    byName.set(r.name, r);
    for (const a of r.aliases) if (!byName.has(a)) byName.set(a, r);
  }

  it('every entry is the catalog rule of that routine', () => {
    const wrong = Object.entries(IRQL_TABLE).filter(([name, rule]) => {
      const r = byName.get(name);
      return !r || !r.irql || r.irql.min !== rule.min || r.irql.max !== rule.max;
    });
    expect(wrong).toEqual([]);
  });

  it('every table entry names an emulated routine', () => {
    const k = createKernel({ irqlRule: () => null });
    expect(Object.keys(IRQL_TABLE).filter((n) => typeof k[n] !== 'function')).toEqual([]);
  });
});

describe('IRQL level names to x64 numbers', () => {
  it('maps the catalog levels to x64 IRQLs, DIRQL to the device range', () => {
    expect(irqlRangeOf({ min: 'PASSIVE_LEVEL', max: 'DISPATCH_LEVEL' })).toEqual({ min: 0, max: 2 });
    expect(irqlRangeOf({ min: 'DIRQL', max: 'DIRQL' })).toEqual({ min: 3, max: 12 });
    expect(irqlRangeOf({ min: 'PASSIVE_LEVEL', max: 'HIGH_LEVEL' })).toEqual({ min: 0, max: 15 });
    expect(irqlRangeOf({ min: null, max: null })).toBeNull();
  });
});
