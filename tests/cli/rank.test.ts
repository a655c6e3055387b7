import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedTypos, rankSearch, type Searchable } from '../../scripts/ddi/rank.ts';

const record = (name: string, aliases: string[] = [], text: string | null = null): Searchable => ({ name, aliases, text });

const records: Searchable[] = [
  record('KeAcquireSpinLockAtDpcLevel'),
  record('KeAcquireInStackQueuedSpinLock'),
  record('KeReleaseSpinLock'),
  record('KeAcquireSpinLock'),
  record('ExAcquireRundownProtection', [], 'Acquires run-down protection on a shared object.'),
  record('ExReleaseRundownProtection'),
  record('ExRundownCompleted'),
  record('EX_RUNDOWN_REF', ['PEX_RUNDOWN_REF']),
  record('DRIVER_INITIALIZE', ['DriverEntry'], 'The first routine called after a driver is loaded.'),
  record('ExAllocatePool'),
  record('ExAllocatePool2'),
  record('ExAllocatePoolWithTag'),
  record('IoGetDmaAdapter'),
  record('ZwQueryObject', ['ZwQueryObjec']),
];

const names = (text: string, list: readonly Searchable[] = records) => rankSearch(text, list).map((hit) => list[hit.index]!.name);
const tierOf = (text: string, name: string) => rankSearch(text, records).find((hit) => records[hit.index]!.name === name)?.tier;

describe('rankSearch', () => {
  it('puts the exact name first, ignoring case, before longer names it prefixes', () => {
    expect(names('exallocatepool').slice(0, 3)).toEqual(['ExAllocatePool', 'ExAllocatePool2', 'ExAllocatePoolWithTag']);
    expect(tierOf('exallocatepool', 'ExAllocatePool')).toBe('exact');
    expect(tierOf('exallocatepool', 'ExAllocatePool2')).toBe('prefix');
  });

  it('ranks prefixes by how little of the name is left over', () => {
    expect(names('KeAcquireSpin').slice(0, 2)).toEqual(['KeAcquireSpinLock', 'KeAcquireSpinLockAtDpcLevel']);
  });

  it('finds camelCase words: "acquire spin" → KeAcquireSpinLock first, scattered words after consecutive ones', () => {
    const found = names('acquire spin');
    expect(found[0]).toBe('KeAcquireSpinLock');
    expect(found.indexOf('KeAcquireSpinLockAtDpcLevel')).toBeLessThan(found.indexOf('KeAcquireInStackQueuedSpinLock'));
    expect(found).not.toContain('KeReleaseSpinLock');
    expect(tierOf('acquire spin', 'KeAcquireSpinLock')).toBe('words');
  });

  it('lets one typed word cover several name words ("spinlock")', () => {
    expect(names('spinlock')).toEqual(expect.arrayContaining(['KeAcquireSpinLock', 'KeReleaseSpinLock']));
  });

  it('finds every run-down routine for "rundown", and the structure through its words', () => {
    const found = names('rundown');
    expect(found).toEqual(expect.arrayContaining(['ExAcquireRundownProtection', 'ExReleaseRundownProtection', 'ExRundownCompleted', 'EX_RUNDOWN_REF']));
    expect(found).not.toContain('KeAcquireSpinLock');
  });

  it('tolerates typos: "rundwon" still finds the run-down routines, as typo matches', () => {
    const found = names('rundwon');
    expect(found).toEqual(expect.arrayContaining(['ExAcquireRundownProtection', 'ExReleaseRundownProtection', 'ExRundownCompleted']));
    expect(tierOf('rundwon', 'ExAcquireRundownProtection')).toBe('typo');
  });

  it('tolerates a typo in a whole name and in one of several words', () => {
    expect(names('KeAquireSpinLock')[0]).toBe('KeAcquireSpinLock');
    expect(names('aquire spinlock')[0]).toBe('KeAcquireSpinLock');
  });

  it('does not let short words drift: "pol" is no typo of "pool"', () => {
    expect(allowedTypos('pol')).toBe(0);
    expect(names('ex pol')).toEqual([]);
  });

  it('counts aliases as names, but prefers a match on the name itself', () => {
    expect(names('DriverEntry')[0]).toBe('DRIVER_INITIALIZE');
    expect(rankSearch('DriverEntry', records)[0]).toMatchObject({ tier: 'exact', matched: 'DriverEntry' });
    expect(names('PEX_RUNDOWN_REF')[0]).toBe('EX_RUNDOWN_REF');
    const twins = [record('Beta', ['Alpha']), record('Alpha')];
    expect(names('alpha', twins)).toEqual(['Alpha', 'Beta']);
  });

  it('falls back to the summary words, after every name match', () => {
    expect(names('shared object')).toEqual(['ExAcquireRundownProtection']);
    expect(rankSearch('shared object', records)[0]!.tier).toBe('text');
    expect(names('loaded', [...records, record('MmLoadedUserImageList')])).toEqual(['MmLoadedUserImageList', 'DRIVER_INITIALIZE']);
  });

  it('reads prose only when the names leave room under the limit', () => {
    const read: number[] = [];
    const textOf = (index: number) => {
      read.push(index);
      return index === 0 ? 'rundown in prose' : null;
    };
    const list = [record('Unrelated'), record('ExRundownCompleted'), record('ExAcquireRundownProtection')];
    expect(rankSearch('rundown', list, { limit: 2, textOf }).map((hit) => list[hit.index]!.name)).toEqual(['ExRundownCompleted', 'ExAcquireRundownProtection']);
    expect(read).toEqual([]);
    expect(rankSearch('rundown', list, { limit: 3, textOf }).map((hit) => hit.tier)).toEqual(['words', 'words', 'text']);
    expect(read).toEqual([0]);
  });

  it('returns nothing for text that matches nothing, and for blank text', () => {
    expect(names('zzqqxx')).toEqual([]);
    expect(names('   ')).toEqual([]);
  });

  it('gives the same order whatever the order of the records', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), fc.constantFrom('rundown', 'acquire spin', 'ex', 'rundwon', 'pool', 'ke'), (shuffled, text) => {
        expect(names(text, shuffled)).toEqual(names(text, records));
      }),
    );
  });

  it('puts a current record before an equally good obsolete, reserved or unsupported one', () => {
    const pair = [{ name: 'ExAcquireSpinLock', aliases: [], demoted: true }, record('KeAcquireSpinLock')];
    expect(names('acquire spin', pair)).toEqual(['KeAcquireSpinLock', 'ExAcquireSpinLock']);
    expect(names('exacquirespinlock', pair)[0]).toBe('ExAcquireSpinLock');
  });

  it('breaks ties by name length, then by name', () => {
    expect(names('ex allocate')).toEqual(['ExAllocatePool', 'ExAllocatePool2', 'ExAllocatePoolWithTag']);
    expect(names('tie', [record('TieB'), record('TieA')])).toEqual(['TieA', 'TieB']);
  });
});
