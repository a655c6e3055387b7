import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog, Routine, Structure } from '../../schema/index.ts';
import { ddi, FIXTURE, REAL_CATALOG } from './helpers.ts';

const on = (...args: string[]) => ddi(['--catalog', FIXTURE, ...args]);

describe('ddi (the real bin, on the fixture catalog)', () => {
  it('show prints one record for people, and exit 0', () => {
    const { code, stdout, stderr } = on('show', 'ExAcquireRundownProtection');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ExAcquireRundownProtection  function · wdm\.h · supported$/m);
    expect(stdout).toMatch(/^IRQL\s+PASSIVE\.\.DISPATCH/m);
    expect(stdout).not.toContain('\u001b[');
  });

  it('show --json prints the canonical record for an alias', () => {
    const { code, stdout } = on('show', 'DriverEntry', '--json');
    expect(code).toBe(0);
    const record = JSON.parse(stdout) as Routine;
    expect(record.name).toBe('DRIVER_INITIALIZE');
    expect(record.aliases).toContain('DriverEntry');
  });

  it('show of an unknown name exits 1 and suggests the nearest names', () => {
    const { code, stdout, stderr } = on('show', 'ExAquireRundownProtection');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no routine or structure named "ExAquireRundownProtection"; did you mean: ExAcquireRundownProtection/);
  });

  it('search ranks camelCase words and prints aligned columns', () => {
    const { code, stdout } = on('search', 'acquire', 'spin');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+KIND\s+HEADER\s+IRQL\s+STATUS\s+SUMMARY$/);
    expect(lines[1]).toMatch(/^KeAcquireSpinLock\s+macro\s+wdm\.h\s+PASSIVE\.\.DISPATCH\s+supported/);
  });

  it('search --json --limit returns that many records, best first', () => {
    const { code, stdout } = on('search', 'rundwon', '--json', '--limit', '2');
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as (Routine | Structure)[];
    expect(records).toHaveLength(2);
    for (const record of records) expect(record.name.toLowerCase()).toContain('rundown');
  });

  it('search with no hits is exit 0 and [] with --json', () => {
    expect(on('search', 'zzqqxx', '--json')).toMatchObject({ code: 0, stdout: '[]\n' });
    const plain = on('search', 'zzqqxx');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toMatch(/nothing matches "zzqqxx"/);
  });

  it('query combines filters and prints JSON records', () => {
    const { code, stdout } = on('query', 'irql:DISPATCH_LEVEL', 'takes:PEX_RUNDOWN_REF', '--json');
    expect(code).toBe(0);
    const names = (JSON.parse(stdout) as Routine[]).map((routine) => routine.name);
    expect(names).toEqual(['ExAcquireRundownProtection', 'ExInitializeRundownProtection', 'ExReleaseRundownProtection']);
  });

  it('query with no hits is exit 0 and []', () => {
    expect(on('query', 'takes:NO_SUCH_TYPE', '--json')).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('query with an unknown key exits 2 with a clear error', () => {
    const { code, stdout, stderr } = on('query', 'colour:red');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ddi: unknown filter key "colour" in "colour:red"; keys are /);
  });

  it('bad usage exits 2: unknown command, missing argument, bad --limit', () => {
    expect(on('frobnicate').code).toBe(2);
    expect(on('show').code).toBe(2);
    const limit = on('search', 'x', '--limit', 'many');
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/--limit/);
  });

  it('--help documents the commands, the filters and the exit codes', () => {
    const top = on('--help');
    expect(top.code).toBe(0);
    for (const word of ['show', 'search', 'query', '--catalog', 'Exit codes']) expect(top.stdout).toContain(word);
    const query = on('query', '--help');
    expect(query.code).toBe(0);
    for (const key of ['header:', 'kind:', 'status:', 'category:', 'irql:', 'takes:', 'has:']) expect(query.stdout).toContain(key);
  });

  it('a missing catalog exits 2 and says how to make one', () => {
    const { code, stderr } = ddi(['--catalog', '/nonexistent/catalog.json', 'show', 'X']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\/nonexistent\/catalog\.json: no catalog here; run `npm run ingest` first/);
  });
});

// The real catalog exists after `npm run ingest` (which `npm test` runs first through `npm run build`).
describe.skipIf(!existsSync(REAL_CATALOG))('ddi on the real catalog', () => {
  const real = (...args: string[]) => ddi(args);

  it('"rundown" and the typo "rundwon" both find ExAcquireRundownProtection', () => {
    for (const text of ['rundown', 'rundwon']) {
      const names = (JSON.parse(real('search', text, '--json', '--limit', '50').stdout) as Routine[]).map((record) => record.name);
      expect(names).toContain('ExAcquireRundownProtection');
      expect(names).toContain('ExReleaseRundownProtection');
    }
  });

  it('"acquire spin" puts KeAcquireSpinLock first', () => {
    const names = (JSON.parse(real('search', 'acquire spin', '--json').stdout) as Routine[]).map((record) => record.name);
    expect(names[0]).toBe('KeAcquireSpinLock');
  });

  it('ExAcquireRundownProtection is callable at DISPATCH_LEVEL and takes a PEX_RUNDOWN_REF', () => {
    const names = (JSON.parse(real('query', 'irql:DISPATCH_LEVEL', 'takes:PEX_RUNDOWN_REF', '--json').stdout) as Routine[]).map((record) => record.name);
    expect(names).toContain('ExAcquireRundownProtection');
    expect(names).not.toContain('ExWaitForRundownProtectionRelease');
  });

  it('has:replacement and status:obsolete answer exactly the routines the catalog marks so', () => {
    const catalog = JSON.parse(readFileSync(REAL_CATALOG, 'utf8')) as Catalog;
    const expected = catalog.routines
      .filter((routine) => routine.status === 'obsolete' && routine.replacedBy.length > 0)
      .map((routine) => routine.name)
      .sort();
    const { code, stdout } = real('query', 'status:obsolete', 'has:replacement', '--json');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Routine[]).map((routine) => routine.name).sort()).toEqual(expected);
  });
});
