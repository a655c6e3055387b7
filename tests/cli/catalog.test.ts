import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../schema/index.ts';
import { findByName, loadCatalog } from '../../scripts/ddi/catalog.ts';
import { viewOf } from '../../scripts/ddi/view.ts';
import { FIXTURE } from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'ddi-catalog-'));
function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('the fixture catalog', () => {
  it('is valid against the catalog schema', () => {
    const result = Catalog.safeParse(loadCatalog(FIXTURE));
    expect(result.error?.issues ?? []).toEqual([]);
  });
});

describe('loadCatalog', () => {
  it('says how to make the catalog when the file is missing', () => {
    expect(() => loadCatalog(join(scratch, 'none.json'))).toThrow(/none\.json: no catalog here; run `npm run ingest`/);
  });
  it('reports broken JSON with its file, line and column', () => {
    const broken = file('broken.json', '{\n  "schemaVersion": 1,\n  "routines": [,]\n}\n');
    expect(() => loadCatalog(broken)).toThrow(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:16: not valid JSON`));
  });
  it('refuses another schema version and a missing list', () => {
    expect(() => loadCatalog(file('v2.json', '{"schemaVersion":2}'))).toThrow(/v2\.json:1: catalog schemaVersion is 2/);
    expect(() => loadCatalog(file('partial.json', '{"schemaVersion":1,"routines":[]}'))).toThrow(/partial\.json:1: .*"structures" is not a list/);
    expect(() => loadCatalog(file('list.json', '[]'))).toThrow(/list\.json:1: not a DDI Atlas catalog/);
  });
});

describe('findByName', () => {
  const view = viewOf(loadCatalog(FIXTURE));
  const find = (name: string) => {
    const found = findByName(view.entries, name);
    return found === null ? null : { ...view.entity(found.index), via: found.via };
  };
  it('finds a canonical name, routines and structures alike', () => {
    expect(find('ExAcquireRundownProtection')?.type).toBe('routine');
    expect(find('EX_RUNDOWN_REF')?.type).toBe('structure');
  });
  it('resolves an alias to its canonical record and says which spelling matched', () => {
    expect(find('DriverEntry')).toMatchObject({ via: 'DriverEntry', record: { name: 'DRIVER_INITIALIZE' } });
    expect(find('PEX_RUNDOWN_REF')?.record.name).toBe('EX_RUNDOWN_REF');
    expect(find('ZwQueryObjec')?.record.name).toBe('ZwQueryObject');
  });
  it('ignores case when only one record fits', () => {
    expect(find('exacquirerundownprotection')?.record.name).toBe('ExAcquireRundownProtection');
    expect(find('driverentry')?.via).toBe('DriverEntry');
    expect(findByName([{ name: 'Ab', aliases: [] }, { name: 'AB', aliases: [] }], 'ab')).toBeNull();
  });
  it('finds nothing for an unknown name', () => {
    expect(find('ExAcquireRundown')).toBeNull();
  });
});
