import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../scripts/ddi/catalog.ts';
import { ANSI, formatEntity, formatTable, irqlRange, PLAIN, plainSummary } from '../../scripts/ddi/format.ts';
import { viewOf } from '../../scripts/ddi/view.ts';
import { FIXTURE } from './helpers.ts';

const view = viewOf(loadCatalog(FIXTURE));
const all = view.entries.map((_, index) => view.entity(index));
const byName = (name: string) => all.find((entity) => entity.record.name === name)!;

describe('irqlRange', () => {
  it('writes one level, a range, a level-less requirement and a missing one', () => {
    expect(irqlRange({ raw: 'DISPATCH_LEVEL', min: 'DISPATCH_LEVEL', max: 'DISPATCH_LEVEL' })).toBe('DISPATCH');
    expect(irqlRange({ raw: '<= DISPATCH_LEVEL', min: 'PASSIVE_LEVEL', max: 'DISPATCH_LEVEL' })).toBe('PASSIVE..DISPATCH');
    expect(irqlRange({ raw: 'See Remarks', min: null, max: null })).toBe('?');
    expect(irqlRange(null)).toBe('-');
  });
});

describe('plainSummary', () => {
  it('drops emphasis, code marks, tags and links but keeps identifiers whole', () => {
    expect(plainSummary('The **KeAcquireSpinLock** routine, at `DISPATCH_LEVEL`, see [docs](https://x.test/a).')).toBe(
      'The KeAcquireSpinLock routine, at DISPATCH_LEVEL, see docs.',
    );
  });
});

describe('formatTable', () => {
  const rows = [byName('KeAcquireSpinLock'), byName('ExAllocatePool'), byName('EX_RUNDOWN_REF')];
  it('aligns every column under its heading', () => {
    const lines = formatTable(rows, PLAIN).split('\n');
    expect(lines[0]).toMatch(/^NAME\s+KIND\s+HEADER\s+IRQL\s+STATUS\s+SUMMARY$/);
    const kindColumn = lines[0]!.indexOf('KIND');
    const irqlColumn = lines[0]!.indexOf('IRQL');
    for (const line of lines.slice(1)) {
      expect(line[kindColumn - 1]).toBe(' ');
      expect(line.slice(kindColumn)).toMatch(/^(macro|function|structure) /);
    }
    expect(lines[1]!.slice(irqlColumn)).toMatch(/^PASSIVE\.\.DISPATCH\s+supported\s+The KeAcquireSpinLock routine/);
    expect(lines[2]!.slice(irqlColumn)).toMatch(/^PASSIVE\.\.DISPATCH\s+obsolete\s+Allocates pool memory/);
  });
  it('cuts summaries to the terminal width', () => {
    for (const line of formatTable(rows, PLAIN, 90).split('\n')) expect(line.length).toBeLessThanOrEqual(90);
  });
  it('colours only when asked', () => {
    expect(formatTable(rows, PLAIN)).not.toContain('\u001b[');
    expect(formatTable(rows, ANSI)).toContain('\u001b[1mKeAcquireSpinLock');
  });
});

describe('formatEntity', () => {
  it('shows a routine with its IRQL range and raw text, header, status, parameters and sources', () => {
    const text = formatEntity(byName('ExAcquireRundownProtection'), PLAIN);
    expect(text.split('\n')[0]).toBe('ExAcquireRundownProtection  function · wdm.h · supported');
    expect(text).toMatch(/^IRQL\s+PASSIVE\.\.DISPATCH  \(<= DISPATCH_LEVEL\)$/m);
    expect(text).toMatch(/^  RunRef  PEX_RUNDOWN_REF  \[in, out\]$/m);
    expect(text).toMatch(/^Sources\s+ddi\/wdm\/nf-wdm-exacquirerundownprotection\.md:1\n\s+seeds\/002_d85acfe97cb07688\.txt:1$/m);
  });
  it('says when the typed name was an alias, and shows replacements', () => {
    expect(formatEntity(byName('DRIVER_INITIALIZE'), PLAIN, 'DriverEntry').split('\n')[0]).toBe('DriverEntry is an alias of DRIVER_INITIALIZE');
    expect(formatEntity(byName('ExAllocatePool'), PLAIN)).toMatch(/^Replaced by\s+ExAllocatePool2$/m);
  });
  it('shows a structure with its typedef and routines', () => {
    const text = formatEntity(byName('EX_RUNDOWN_REF'), PLAIN);
    expect(text.split('\n')[0]).toBe('EX_RUNDOWN_REF  structure · wdm.h');
    expect(text).toMatch(/^Routines\s+ExAcquireRundownProtection, /m);
    expect(text).toContain('typedef struct _EX_RUNDOWN_REF *PEX_RUNDOWN_REF;');
  });
});
