// content/ddi/wdm/nf-wdm-exacquirespinlockshared.md, nf-wdm-exacquirespinlockexclusive.md,
// nf-wdm-exreleasespinlockshared.md, nf-wdm-extryconvertsharedspinlockexclusive.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('EX_SPIN_LOCK', () => {
  it('shared acquisitions count in the lock word and raise to DISPATCH_LEVEL', () => {
    const k = createKernel();
    const l = k.alloc('EX_SPIN_LOCK');
    const old = k.ExAcquireSpinLockShared(l);
    expect(old).toBe(0);
    expect(k.KeGetCurrentIrql()).toBe(2);
    expect(k.read(l, 'ULONG')).toBe(1);
    expect(k.ExTryConvertSharedSpinLockExclusive(l)).toBe(1);
    expect(k.read(l, 'ULONG')).toBe(0x80000000);
    k.ExReleaseSpinLockExclusive(l, old);
    expect(k.read(l, 'ULONG')).toBe(0);
    expect(k.KeGetCurrentIrql()).toBe(0);
  });

  it('acquiring exclusively a lock held shared by the caller would spin forever: reported', () => {
    const k = createKernel();
    const l = k.alloc('EX_SPIN_LOCK');
    k.ExAcquireSpinLockShared(l);
    expect(() => k.ExAcquireSpinLockExclusiveAtDpcLevel(l)).toThrow(/SPIN_LOCK_ALREADY_OWNED/);
  });
});
