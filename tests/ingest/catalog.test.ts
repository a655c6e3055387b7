import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../../scripts/ingest/index.ts';
import { catalogJsonSchema } from '../../schema/index.ts';
import { lostNames } from './helpers/seed-names.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'content');
let result: IngestResult;
beforeAll(() => {
  result = ingest({ contentDir });
}, 120_000);

describe('the catalog built from content/', () => {
  it('validates against the generated JSON Schema with a standard validator', () => {
    // Both packages are CommonJS: under ESM their export may arrive wrapped in `default`.
    const Ajv = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
    const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
    const ajv = new Ajv({ allErrors: true, strict: false });
    formats(ajv);
    const validate = ajv.compile(catalogJsonSchema());
    const ok = validate(JSON.parse(JSON.stringify(result.catalog)));
    expect(validate.errors?.slice(0, 5) ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is byte-identical when the same input is ingested again', () => {
    const again = ingest({ contentDir });
    expect(JSON.stringify(again.catalog)).toBe(JSON.stringify(result.catalog));
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(result.report));
  }, 120_000);

  it('holds one record per name', () => {
    const names = [...result.catalog.routines, ...result.catalog.structures].map((r) => r.name);
    expect(names.length).toBe(new Set(names).size);
  });

  it('has a routine for every page of the reference corpus', () => {
    const pages = readdirSync(join(contentDir, 'ddi'), { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)n[fc]-[^/]+\.md$/.test(f));
    const urls = new Set(result.catalog.routines.flatMap((r) => (r.officialUrl ? [r.officialUrl.split('/').at(-1)] : [])));
    const sourced = new Set(result.catalog.routines.flatMap((r) => r.sources.map((s) => s.file)));
    const missing = pages.filter((p) => !sourced.has(`ddi/${p}`));
    expect(missing).toEqual([]);
    expect(urls.size).toBeGreaterThan(1700);
  });

  it('gives every corpus routine its prototype, header and IRQL as the page states them', () => {
    const r = result.catalog.routines.find((x) => x.name === 'ExAcquireRundownProtection')!;
    expect(r).toMatchObject({
      kind: 'function',
      header: 'wdm.h',
      library: 'NtosKrnl.lib',
      minimumOs: 'Windows XP',
      irql: { raw: '<= DISPATCH_LEVEL (see Remarks)', min: 'PASSIVE_LEVEL', max: 'DISPATCH_LEVEL' },
      parameters: [{ name: 'RunRef', type: 'PEX_RUNDOWN_REF', direction: 'in, out', optional: false }],
    });
    expect(r.sources.map((s) => s.file)).toContain('seeds/002_d85acfe97cb07688.txt');
    expect(result.catalog.structures.find((s) => s.name === 'EX_RUNDOWN_REF')?.routines).toContain('ExAcquireRundownProtection');
  });

  it('carries every opaque structure of the table with header, include headers and routines', () => {
    const file = readdirSync(join(contentDir, 'seeds')).find((f) => f.startsWith('000_'))!;
    const rows = [...readFileSync(join(contentDir, 'seeds', file), 'utf8').matchAll(/<td><strong>([A-Za-z_0-9]+)<\/strong><\/td>/g)].map((m) => m[1]!);
    const seeded = result.catalog.structures.filter((s) => s.sources.some((x) => x.file.startsWith('seeds/000_')));
    expect(seeded.map((s) => s.name).sort()).toEqual([...new Set(rows)].sort());
    for (const s of seeded) {
      expect(s.header, s.name).toMatch(/\.h$/);
      expect(s.includeHeaders.length, s.name).toBeGreaterThan(0);
      expect(s.routines.length, s.name).toBeGreaterThan(0);
    }
  });

  it('keeps prose free of raw HTML and of non-https links', () => {
    const prose = result.catalog.routines.flatMap((r) => [r.summary, r.description, r.returns, r.remarks, ...r.parameters.map((p) => p.description)]);
    for (const p of prose) {
      if (!p) continue;
      expect(p).not.toMatch(/<\/?(b|a|p|strong|table|ul|li)\b[^>]*>/i);
      for (const m of p.matchAll(/\]\(([^)\s]+)/g)) expect(m[1]).toMatch(/^https:\/\//);
    }
  });
});

/**
 * Every name the seeds state as a table row, list item, link text or bold name must end up in the catalog
 * (as a name, an alias, a replacement) or in the report with a reason. The names are found here with plain
 * patterns, independently of the pipeline's parsers.
 */
describe('nothing is lost', () => {
  it('every name a seed states is in the catalog (from that seed, for rows and items) or in the report', () => {
    const seedsDir = join(contentDir, 'seeds');
    const missing = readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((file) => lostNames(result.catalog, result.report, `seeds/${file}`, readFileSync(join(seedsDir, file), 'utf8')).map((n) => `${file}: ${n}`));
    expect(missing).toEqual([]);
  });
});
