import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../../scripts/ingest/index.ts';

// The garbling kinds the seeds show, each in the fixture portal; every one must come out repaired.
let result: IngestResult;
beforeAll(() => {
  result = ingest({ contentDir: join(import.meta.dirname, 'fixtures', 'garbled-portal', 'content') });
});

const routine = (name: string) => result.catalog.routines.find((r) => r.name === name);
const repair = (from: string) => result.report.repairs.find((r) => r.from === from);

describe('garbled names in portal tables', () => {
  it.each([
    ['oAllocateMdl', 'IoAllocateMdl', 'lost-first-letter'],
    ['EAD_PORT_UCHAR', 'READ_PORT_UCHAR', 'lost-first-letter'],
    ['IoFreeMd', 'IoFreeMdl', 'lost-last-letter'],
    ['RtlCompar|Memory', 'RtlCompareMemory', 'stray-pipe-replaced-letter'],
    ['M|LockPagableCodeSection', 'MmLockPagableCodeSection', 'stray-pipe-replaced-letter'],
  ])('%s is repaired to %s and kept as an alias', (from, to, rule) => {
    expect(repair(from)).toMatchObject({ to, rule, file: 'seeds/001_portal.txt' });
    expect(routine(to)?.aliases).toContain(from);
    expect(routine(from)).toBeUndefined();
  });

  it('splits a name fused with its description, with or without a space', () => {
    expect(repair('KeInitializeSpinLockInitializes a spin lock.')).toMatchObject({ to: 'KeInitializeSpinLock' });
    expect(repair('MmUnsecureVirtualMemory Unsecures a range.')).toMatchObject({ to: 'MmUnsecureVirtualMemory' });
    expect(routine('MmUnsecureVirtualMemory')?.summary).toBe('Unsecures a range.');
  });

  it('quarantines a lost letter that several attested names could fill', () => {
    expect(result.report.quarantined).toContainEqual(expect.objectContaining({ raw: 'RtlStringCbCat', reason: 'ambiguous-repair' }));
  });

  it('merges a routine listed in two rows with different descriptions into one record, the page summary first', () => {
    const r = routine('IoAllocateMdl')!;
    expect(result.catalog.routines.filter((x) => x.name === 'IoAllocateMdl')).toHaveLength(1);
    expect(r.sources.filter((s) => s.file === 'seeds/001_portal.txt')).toHaveLength(2);
    expect(r.summary).toBe('The IoAllocateMdl routine does one thing.');
  });

  it('attests a name by a mention in prose when no page documents it', () => {
    expect(routine('ZwQueryInformationThingy')).toBeDefined();
  });

  it('restores a missing leading pipe and a missing delimiter row, and records both passes', () => {
    const passes = result.report.passes.map((p) => p.pass);
    expect(passes).toContain('table-leading-pipe');
    expect(passes).toContain('table-delimiter-row');
    expect(routine('ZwCancelTimer')).toMatchObject({ status: 'reserved', replacedBy: ['KeCancelTimer'] });
    expect(routine('ZwOpenTimer')?.status).toBe('reserved');
  });

  it('reads a table that follows a list item without a blank line as a table', () => {
    expect(routine('WmiCompleteRequest')).toMatchObject({ summary: 'Completes a WMI IRP.', categories: ['wmi'] });
    expect(result.report.passes.map((p) => p.pass)).toContain('table-after-list-item');
  });

  it('fixes mojibake in category titles and prose', () => {
    const c = result.catalog.categories.find((x) => x.slug.startsWith('memory'));
    expect(c?.title).toBe('Memory … Routines');
    expect(c?.description).toBe('Routines for memory management.');
  });

  it('records file: links as broken and keeps their text plain', () => {
    expect(result.report.brokenLinks).toContainEqual(expect.objectContaining({ text: 'IoReadPartitionTable', reason: 'file-url' }));
  });

  it('reads statuses and replacements from lists and tables, including "- - " bullets', () => {
    expect(routine('HalReturnToFirmware')?.status).toBe('unsupported');
    expect(routine('HalMakeBeep')).toMatchObject({ status: 'unsupported', replacedBy: ['HalBeepNow'] });
    expect(routine('HalGetAdapter')).toMatchObject({ status: 'obsolete', replacedBy: ['IoGetDmaAdapter'], header: 'ntddk.h' });
  });

  it('makes a link text that names a page under another name an alias of it', () => {
    expect(routine('DRIVER_INITIALIZE')?.aliases).toContain('DriverEntry');
  });
});
