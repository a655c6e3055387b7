import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../schema/index.ts';
import { loadCatalog } from '../../scripts/ddi/catalog.ts';
import { openCatalog, recordSpans, viewOf } from '../../scripts/ddi/view.ts';
import { FIXTURE } from './helpers.ts';

describe('recordSpans', () => {
  it('finds each routine and structure as the exact bytes of its JSON', () => {
    const bytes = readFileSync(FIXTURE);
    const catalog = loadCatalog(FIXTURE);
    const spans = recordSpans(bytes);
    expect(spans.routines).toHaveLength(2 * catalog.routines.length);
    expect(spans.structures).toHaveLength(2 * catalog.structures.length);
    catalog.routines.forEach((routine, i) => {
      expect(JSON.parse(bytes.subarray(spans.routines[2 * i], spans.routines[2 * i + 1]).toString('utf8'))).toEqual(routine);
    });
  });
  it('copes with compact JSON, multi-byte text, escaped quotes and lists before and after', () => {
    const catalog = {
      headers: [{ name: '"]}[{' }],
      routines: [{ name: 'Ä\\"\u00e9', n: [1, { x: '}' }] }, { name: 'B', v: -1.5e3, t: true, z: null }],
      structures: [],
      schemaVersion: 1,
    };
    const text = JSON.stringify(catalog);
    const bytes = Buffer.from(text, 'utf8');
    const spans = recordSpans(bytes);
    expect(spans.structures).toEqual([]);
    expect(JSON.parse(bytes.subarray(spans.routines[0], spans.routines[1]).toString('utf8'))).toEqual(catalog.routines[0]);
    expect(JSON.parse(bytes.subarray(spans.routines[2], spans.routines[3]).toString('utf8'))).toEqual(catalog.routines[1]);
  });
});

describe('openCatalog with a cache directory', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ddi-view-'));
  const file = join(scratch, 'catalog.json');
  const cache = join(scratch, 'cache');
  copyFileSync(FIXTURE, file);

  const indexFiles = () => readdirSync(cache).filter((name) => name.startsWith('catalog-')).sort();

  it('gives the same entries, summaries, facts, context and records as the catalog parsed whole', () => {
    const whole = viewOf(loadCatalog(file));
    const first = openCatalog(file, cache);
    expect(indexFiles().map((name) => name.replace(/^catalog-[0-9a-f]+\./, ''))).toEqual(['facts.json', 'names.json', 'summaries.json']);
    const second = openCatalog(file, cache);
    for (const view of [first, second]) {
      expect(view.entries).toEqual(whole.entries);
      expect(view.context()).toEqual(whole.context());
      whole.entries.forEach((_, index) => {
        expect(view.summary(index)).toEqual(whole.summary(index));
        expect(view.facts(index)).toEqual(whole.facts(index));
        expect(view.entity(index)).toEqual(whole.entity(index));
      });
    }
  });

  it('keeps names, summaries and facts apart, and no prose in the names', () => {
    openCatalog(file, cache);
    const names = readFileSync(join(cache, indexFiles().find((name) => name.endsWith('.names.json'))!), 'utf8');
    expect(names).toContain('"ExAcquireRundownProtection"');
    expect(names).not.toContain('run-down protection on a shared object');
    expect(names).not.toContain('PEX_RUNDOWN_REF RunRef');
  });

  it('reads only the part of the index a command needs', () => {
    openCatalog(file, cache);
    rmSync(join(cache, indexFiles().find((name) => name.endsWith('.summaries.json'))!));
    const view = openCatalog(file, cache);
    expect(view.entity(0).record.name).toBe(view.entries[0]!.name);
    expect(view.facts(0)).not.toBeNull();
    expect(() => view.summary(0)).toThrow(/changed while ddi was reading it/);
  });

  it('notices a changed catalog and indexes it again', () => {
    openCatalog(file, cache);
    const catalog = JSON.parse(readFileSync(file, 'utf8')) as Catalog;
    catalog.routines[0]!.name = 'RenamedRoutine';
    writeFileSync(file, JSON.stringify(catalog));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const view = openCatalog(file, cache);
    expect(view.entries[0]!.name).toBe('RenamedRoutine');
    expect(view.entity(0).record.name).toBe('RenamedRoutine');
    expect(openCatalog(file, cache).entity(0).record.name).toBe('RenamedRoutine');
  });

  it('reports a missing catalog as it does without a cache', () => {
    expect(() => openCatalog(join(scratch, 'missing.json'), cache)).toThrow(/missing\.json: no catalog here/);
    expect(existsSync(join(scratch, 'missing.json'))).toBe(false);
  });
});
