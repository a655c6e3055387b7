import { describe, expect, it } from 'vitest';
import { NameSearch, wordStarts, type NameRow } from '../../src/utils/name-search.ts';

const rows: NameRow[] = [
  ['ExAcquireRundownProtection', 'r', '', ''],
  ['ExAcquireRundownProtectionEx', 'r', '', ''],
  ['ExReleaseRundownProtection', 'r', '', ''],
  ['ExRundownCompleted', 'r', '', ''],
  ['EX_RUNDOWN_REF', 's', '', ''],
  ['PEX_RUNDOWN_REF', 's', 'EX_RUNDOWN_REF', ''],
  ['KeAcquireSpinLock', 'r', '', ''],
  ['KeAcquireSpinLockAtDpcLevel', 'r', '', ''],
  ['IoGetDMAAdapter', 'r', '', ''],
  ['DRIVER_INITIALIZE', 'r', '', ''],
  ['DriverEntry', 'r', 'DRIVER_INITIALIZE', ''],
  ['Run-Down Protection', 'c', 'synchronization/run-down', ''],
  ['ObReferenceObject', 'r', '', ''],
];
const search = new NameSearch({ version: 1, rows });
const names = (q: string) => search.search(q).map((h) => h.name);

describe('wordStarts', () => {
  it('splits camelCase, acronyms, underscores and digits', () => {
    expect(wordStarts('IoGetDMAAdapter')).toEqual([0, 2, 5, 8]);
    expect(wordStarts('EX_RUNDOWN_REF')).toEqual([0, 3, 11]);
    expect(wordStarts('ExAllocatePool2')).toEqual([0, 2, 10, 14]);
  });
});

describe('NameSearch.search', () => {
  it('puts the exact name first, then names it prefixes', () => {
    expect(names('ExAcquireRundownProtection').slice(0, 2)).toEqual(['ExAcquireRundownProtection', 'ExAcquireRundownProtectionEx']);
    expect(names('keacquirespin')).toEqual(['KeAcquireSpinLock', 'KeAcquireSpinLockAtDpcLevel']);
  });

  it('matches camelCase parts: "rundown" finds every run-down routine, structure and category, not ObReferenceObject', () => {
    const hits = names('rundown');
    expect(hits).toEqual(expect.arrayContaining(['ExAcquireRundownProtection', 'ExReleaseRundownProtection', 'ExRundownCompleted', 'EX_RUNDOWN_REF', 'Run-Down Protection']));
    expect(hits).not.toContain('ObReferenceObject');
  });

  it('lets a query span consecutive words and several query words match separate parts', () => {
    expect(names('spinlock')).toEqual(['KeAcquireSpinLock', 'KeAcquireSpinLockAtDpcLevel']);
    expect(names('acquire lock')).toEqual(['KeAcquireSpinLock', 'KeAcquireSpinLockAtDpcLevel']);
    expect(names('dma adapter')).toEqual(['IoGetDMAAdapter']);
  });

  it('resolves aliases to their canonical page, once', () => {
    const [hit] = search.search('DriverEntry');
    expect(hit).toMatchObject({ name: 'DriverEntry', url: '/routines/DRIVER_INITIALIZE/', aliasOf: 'DRIVER_INITIALIZE', score: 0 });
    const refs = search.search('rundown ref');
    expect(refs.filter((h) => h.url === '/structures/EX_RUNDOWN_REF/')).toHaveLength(1);
    expect(refs[0].name).toBe('EX_RUNDOWN_REF');
  });

  it('tolerates a slip of the keyboard, after every real match: "rundwon", "KeAquireSpinLock"', () => {
    expect(names('rundwon')).toEqual(expect.arrayContaining(['ExAcquireRundownProtection', 'ExRundownCompleted', 'EX_RUNDOWN_REF']));
    expect(names('rundwon')).not.toContain('ObReferenceObject');
    expect(names('KeAquireSpinLock')[0]).toBe('KeAcquireSpinLock');
    expect(search.search('KeAquireSpinLock')[0]!.score).toBe(5);
    // Three letters allow no slip: any edit of them makes another word.
    expect(names('rnu')).toEqual([]);
  });

  it('returns nothing for an empty or unmatched query', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('zzzz')).toEqual([]);
  });
});
