// Specification: content/ddi/wdm/nf-wdm-clfslsn*.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function place(k: ReturnType<typeof createKernel>, value: bigint) {
  const p = k.alloc('CLFS_LSN');
  k.set(p, 'CLFS_LSN', 'Internal', value);
  return p;
}

describe('CLFS_LSN', () => {
  it('ClfsLsnCreate packs container, block offset and record sequence, and the accessors unpack them', () => {
    const k = createKernel();
    const lsn = k.ClfsLsnCreate(7, 0x400, 3);
    expect(typeof lsn).toBe('bigint');
    const p = place(k, lsn);
    expect(k.ClfsLsnContainer(p)).toBe(7);
    expect(k.ClfsLsnBlockOffset(p)).toBe(0x400);
    expect(k.ClfsLsnRecordSequence(p)).toBe(3);
  });

  it('orders LSNs: container first, then block offset, then record', () => {
    const k = createKernel();
    const a = place(k, k.ClfsLsnCreate(1, 512, 511));
    const b = place(k, k.ClfsLsnCreate(1, 1024, 0));
    const c = place(k, k.ClfsLsnCreate(2, 0, 0));
    expect(k.ClfsLsnLess(a, b)).toBe(1);
    expect(k.ClfsLsnLess(b, c)).toBe(1);
    expect(k.ClfsLsnGreater(c, a)).toBe(1);
    expect(k.ClfsLsnEqual(a, place(k, k.ClfsLsnCreate(1, 512, 511)))).toBe(1);
  });

  it('CLFS_LSN_NULL is the smallest LSN and CLFS_LSN_INVALID is larger than any valid one', () => {
    const k = createKernel();
    const nul = place(k, k.CLFS_LSN_NULL);
    const invalid = place(k, k.CLFS_LSN_INVALID);
    const valid = place(k, k.ClfsLsnCreate(0xfffffffe, 0xfffffe00, 511));
    expect(k.ClfsLsnNull(nul)).toBe(1);
    expect(k.ClfsLsnNull(valid)).toBe(0);
    expect(k.ClfsLsnLess(nul, valid)).toBe(1);
    expect(k.ClfsLsnLess(valid, invalid)).toBe(1);
  });

  it('a block offset that is not a multiple of 512 bugchecks', () => {
    const k = createKernel();
    expect(() => k.ClfsLsnCreate(1, 100, 0)).toThrow(expect.objectContaining({ name: 'BugCheck', routine: 'ClfsLsnCreate' }));
  });
});
