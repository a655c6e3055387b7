import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compact, editDistance, mayBeWithin, nameWords, queryWords } from '../../scripts/ddi/words.ts';

describe('nameWords', () => {
  it('splits camelCase humps', () => {
    expect(nameWords('KeAcquireSpinLock')).toEqual(['ke', 'acquire', 'spin', 'lock']);
  });
  it('keeps a run of capitals together and splits it from the next word', () => {
    expect(nameWords('IoWMIRegistrationControl')).toEqual(['io', 'wmi', 'registration', 'control']);
  });
  it('splits on underscores and digits', () => {
    expect(nameWords('EX_RUNDOWN_REF')).toEqual(['ex', 'rundown', 'ref']);
    expect(nameWords('InterlockedIncrement64')).toEqual(['interlocked', 'increment', '64']);
    expect(nameWords('ExAllocatePool2')).toEqual(['ex', 'allocate', 'pool', '2']);
  });
  it('splits a single trailing capital', () => {
    expect(nameWords('RtlStringCbPrintfA')).toEqual(['rtl', 'string', 'cb', 'printf', 'a']);
  });
});

describe('queryWords', () => {
  it('treats spaces, underscores and typed camelCase alike', () => {
    expect(queryWords('acquire spin')).toEqual(['acquire', 'spin']);
    expect(queryWords('AcquireSpin')).toEqual(['acquire', 'spin']);
    expect(queryWords(' acquire_spin ')).toEqual(['acquire', 'spin']);
  });
});

describe('compact', () => {
  it('keeps lower-case letters and digits only', () => {
    expect(compact('EX_RUNDOWN_REF')).toBe('exrundownref');
    expect(compact('Ex Rundown-Ref 2')).toBe('exrundownref2');
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('rundwon', 'rundown')).toBe(1);
  });
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });
  it('stops early past the limit, reporting limit + 1', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });
  it('is zero exactly for equal strings, symmetric, and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const distance = editDistance(a, b);
        expect(distance === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(distance);
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
  it('agrees with the unlimited distance whenever that is within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), fc.nat(4), (a, b, limit) => {
        const full = editDistance(a, b);
        const capped = editDistance(a, b, limit);
        expect(capped).toBe(full <= limit ? full : limit + 1);
      }),
    );
  });
});

describe('mayBeWithin', () => {
  it('rules out text sharing too few letter pairs', () => {
    expect(mayBeWithin('rundown', 'keacquirespinlock', 1)).toBe(false);
    expect(mayBeWithin('rundwon', 'exacquirerundownprotection', 1)).toBe(true);
  });
  it('never rules out a text within the limit, nor one containing such a piece', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 10 });
    fc.assert(
      fc.property(letters, letters, letters, fc.nat(3), (word, piece, around, limit) => {
        fc.pre(editDistance(word, piece) <= limit);
        expect(mayBeWithin(word, piece, limit)).toBe(true);
        expect(mayBeWithin(word, around + piece + around, limit)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
