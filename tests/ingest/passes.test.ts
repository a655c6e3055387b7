import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mojibake } from '../../scripts/ingest/passes/mojibake.ts';
import type { NameRow } from '../../scripts/ingest/passes/name-rows.ts';
import { nameFamilyPlaceholder } from '../../scripts/ingest/passes/name-family-placeholder.ts';
import { nameFusedDescription } from '../../scripts/ingest/passes/name-fused-description.ts';
import { nameLostLetter } from '../../scripts/ingest/passes/name-lost-letter.ts';
import { nameStrayPipe } from '../../scripts/ingest/passes/name-stray-pipe.ts';
import { tableAfterListItem } from '../../scripts/ingest/passes/table-after-list-item.ts';
import { tableDelimiterRow } from '../../scripts/ingest/passes/table-delimiter-row.ts';
import { tableLeadingPipe } from '../../scripts/ingest/passes/table-leading-pipe.ts';
import type { TextPass } from '../../scripts/ingest/passes/text-pass.ts';
import { whitespace } from '../../scripts/ingest/passes/whitespace.ts';

const TEXT_PASSES: Record<string, TextPass> = { mojibake, whitespace, 'table-leading-pipe': tableLeadingPipe, 'table-delimiter-row': tableDelimiterRow, 'table-after-list-item': tableAfterListItem };
const root = join(import.meta.dirname, 'pass-fixtures');

// pass-fixtures/<pass>/<case>/input.txt → expected.json ({ text, lines, inserted }); UPDATE=1 rewrites.
describe('each text pass turns its fixture input into the expected text', () => {
  for (const pass of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, pass)).sort()) {
      it(`${pass}: ${name}`, () => {
        const dir = join(root, pass, name);
        const actual = TEXT_PASSES[pass]!.apply(readFileSync(join(dir, 'input.txt'), 'utf8'));
        const file = join(dir, 'expected.json');
        if (process.env.UPDATE === '1' || !existsSync(file)) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
        expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
        expect(actual.lines.length).toBeGreaterThan(0);
      });
    }
  }
});

const rows = (...names: string[]): NameRow[] => names.map((name, i) => ({ name, description: () => null, at: { file: 'f', line: i + 1 }, aliases: [] }));
const attested = (...names: string[]) => ({ has: (n: string) => names.includes(n) });

describe('name passes', () => {
  it('nameStrayPipe removes a pipe or puts back the letter it overwrote', () => {
    const r = nameStrayPipe(rows('Ke|SetEvent', 'RtlCompar|Memory', 'Foo|Bar'), attested('KeSetEvent', 'RtlCompareMemory'));
    expect(r.rows.map((x) => x.name)).toEqual(['KeSetEvent', 'RtlCompareMemory', 'Foo|Bar']);
    expect(r.repairs.map((x) => x.rule)).toEqual(['stray-pipe-removed', 'stray-pipe-replaced-letter']);
    expect(r.rows[0]!.aliases).toEqual(['Ke|SetEvent']);
  });

  it('nameLostLetter repairs only when exactly one attested name results', () => {
    const r = nameLostLetter(rows('oAllocateMdl', 'ZwQueryObjec', 'RtlStringCbCat', 'HalMakeBeep'), attested('IoAllocateMdl', 'ZwQueryObject', 'RtlStringCbCatA', 'RtlStringCbCatW'));
    expect(r.rows.map((x) => x.name)).toEqual(['IoAllocateMdl', 'ZwQueryObject', 'HalMakeBeep']);
    expect(r.quarantined).toEqual([expect.objectContaining({ raw: 'RtlStringCbCat', reason: 'ambiguous-repair' })]);
  });

  it('nameLostLetter repairs an unattested name from its own description only when one letter makes a word it uses', () => {
    const r = nameLostLetter(
      [
        ...rows('RGUMENT_PRESENT', 'YTES_TO_PAGES', 'PAGE_ALIG', 'OUND_TO_PAGES'),
      ].map((row, i) => ({ ...row, description: () => ['Returns FALSE if an argument pointer is NULL.', 'Converts a size in bytes to pages.', 'Rounds an address down to align it with a page.', 'Rounds OUND to pages.'][i]! })),
      attested(),
    );
    expect(r.rows.map((x) => x.name)).toEqual(['ARGUMENT_PRESENT', 'BYTES_TO_PAGES', 'PAGE_ALIGN', 'OUND_TO_PAGES']);
    expect(r.repairs.map((x) => [x.from, x.rule])).toEqual([
      ['RGUMENT_PRESENT', 'lost-first-letter-by-description'],
      ['YTES_TO_PAGES', 'lost-first-letter-by-description'],
      ['PAGE_ALIG', 'lost-last-letter-by-description'],
    ]);
    expect(r.rows[0]!.aliases).toEqual(['RGUMENT_PRESENT']);
  });

  it('nameFusedDescription splits at the longest attested name, else after a leading code name', () => {
    const r = nameFusedDescription(rows('KeInitializeSpinLockInitializes a lock.', 'MmUnsecureVirtualMemory Unsecures a range.', 'ZwOpenTimer.', 'Returns the state.'), attested('KeInitializeSpinLock'));
    expect(r.rows.map((x) => [x.name, x.description()])).toEqual([
      ['KeInitializeSpinLock', 'Initializes a lock.'],
      ['MmUnsecureVirtualMemory', 'Unsecures a range.'],
      ['ZwOpenTimer', null],
    ]);
    expect(r.quarantined).toEqual([expect.objectContaining({ raw: 'Returns the state.', reason: 'not-a-name' })]);
  });

  it('nameFamilyPlaceholder quarantines Xxx families even when prose mentions them', () => {
    const r = nameFamilyPlaceholder(rows('KeXxxDeviceQueue', 'KeSetEvent'), attested('KeXxxDeviceQueue'));
    expect(r.rows.map((x) => x.name)).toEqual(['KeSetEvent']);
    expect(r.quarantined[0]).toMatchObject({ raw: 'KeXxxDeviceQueue', reason: 'not-a-name' });
  });
});
