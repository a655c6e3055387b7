// content/ddi/wdm/nf-wdm-keacquirespinlock.md, nf-wdm-kereleasespinlock.md, nf-wdm-keacquirespinlockatdpclevel.md,
// nf-wdm-keacquireinstackqueuedspinlock.md, nf-wdm-ketestspinlock.md, nf-wdm-ketrytoacquirespinlockatdpclevel.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function setup() {
  const k = createKernel();
  const lock = k.alloc('KSPIN_LOCK');
  k.KeInitializeSpinLock(lock);
  const old = k.alloc('KIRQL');
  return { k, lock, old };
}

describe('KSPIN_LOCK', () => {
  it('KeAcquireSpinLock raises to DISPATCH_LEVEL and saves the previous IRQL; KeReleaseSpinLock restores it', () => {
    const { k, lock, old } = setup();
    k.KeAcquireSpinLock(lock, old);
    expect(k.KeGetCurrentIrql()).toBe(k.DISPATCH_LEVEL);
    expect(k.read(old, 'KIRQL')).toBe(k.PASSIVE_LEVEL);
    expect(k.KeTestSpinLock(lock)).toBe(0);
    k.KeReleaseSpinLock(lock, k.read(old, 'KIRQL'));
    expect(k.KeGetCurrentIrql()).toBe(k.PASSIVE_LEVEL);
    expect(k.KeTestSpinLock(lock)).toBe(1);
  });

  it('acquiring a spin lock the caller holds is SPIN_LOCK_ALREADY_OWNED (0xF)', () => {
    const { k, lock, old } = setup();
    k.KeAcquireSpinLock(lock, old);
    expect(() => k.KeAcquireSpinLockAtDpcLevel(lock)).toThrow(expect.objectContaining({ codeName: 'SPIN_LOCK_ALREADY_OWNED', parameters: [lock, 0, 0, 0] }));
  });

  it('releasing a lock that is not held (double release) is SPIN_LOCK_NOT_OWNED (0x10)', () => {
    const { k, lock, old } = setup();
    k.KeAcquireSpinLock(lock, old);
    k.KeReleaseSpinLock(lock, 0);
    const raised = k.alloc('KIRQL');
    k.KeRaiseIrql(k.DISPATCH_LEVEL, raised);
    expect(() => k.KeReleaseSpinLockFromDpcLevel(lock)).toThrow(expect.objectContaining({ code: 0x10 }));
  });

  it('KeAcquireSpinLockAtDpcLevel at PASSIVE_LEVEL breaks its documented rule (IRQL >= DISPATCH_LEVEL)', () => {
    const { k, lock } = setup();
    expect(() => k.KeAcquireSpinLockAtDpcLevel(lock)).toThrow(expect.objectContaining({ codeName: 'IRQL_NOT_GREATER_OR_EQUAL', routine: 'KeAcquireSpinLockAtDpcLevel' }));
  });

  it('a held lock holds the owner thread with bit 0 set; KeTestSpinLock is FALSE for any nonzero word', () => {
    const { k, lock, old } = setup();
    k.KeAcquireSpinLock(lock, old);
    expect(k.read(lock, 'KSPIN_LOCK')).toBe(BigInt(k.KeGetCurrentThread()) | 1n);
    k.KeReleaseSpinLock(lock, 0);
    for (const v of [1n, 2n, (1n << 64n) - 1n, 1n << 63n]) {
      k.write(lock, 'KSPIN_LOCK', v);
      expect(k.KeTestSpinLock(lock)).toBe(0);
    }
    k.write(lock, 'KSPIN_LOCK', 0n);
    expect(k.KeTestSpinLock(lock)).toBe(1);
  });

  it('KeTryToAcquireSpinLockAtDpcLevel returns FALSE when the lock is held and TRUE when it took it', () => {
    const { k, lock } = setup();
    k.KeRaiseIrqlToDpcLevel();
    expect(k.KeTryToAcquireSpinLockAtDpcLevel(lock)).toBe(1);
    expect(k.KeTryToAcquireSpinLockAtDpcLevel(lock)).toBe(0);
    k.KeReleaseSpinLockFromDpcLevel(lock);
    k.KeLowerIrql(0);
  });

  it('an in-stack queued spin lock keeps the old IRQL in the KLOCK_QUEUE_HANDLE', () => {
    const { k, lock } = setup();
    const h = k.alloc('KLOCK_QUEUE_HANDLE');
    k.KeAcquireInStackQueuedSpinLock(lock, h);
    expect(k.KeGetCurrentIrql()).toBe(2);
    expect(k.get(h, 'KLOCK_QUEUE_HANDLE', 'OldIrql')).toBe(0);
    // While held, the lock word holds the handle's address and the handle's Lock field has bit 1 set.
    expect(k.read(lock, 'KSPIN_LOCK')).toBe(BigInt(h));
    expect(k.get(h, 'KLOCK_QUEUE_HANDLE', 'LockQueue.Lock')).toBe(lock + 2);
    expect(() => k.KeAcquireSpinLockAtDpcLevel(lock)).toThrow(/SPIN_LOCK_ALREADY_OWNED/);
    k.KeReleaseInStackQueuedSpinLock(h);
    expect(k.get(h, 'KLOCK_QUEUE_HANDLE', 'LockQueue.Lock')).toBe(lock);
    k.KeRaiseIrqlToDpcLevel();
    expect(() => k.KeReleaseInStackQueuedSpinLockFromDpcLevel(h)).toThrow(/SPIN_LOCK_NOT_OWNED/);
    k.KeLowerIrql(0);
    expect(k.KeGetCurrentIrql()).toBe(0);
    expect(k.KeTestSpinLock(lock)).toBe(1);
  });

  it('a DPC that needs a lock its interrupted processor holds waits until the lock is released', () => {
    const { k, lock, old } = setup();
    const dpc = k.alloc('KDPC');
    const seen: string[] = [];
    k.KeInitializeDpc(dpc, () => {
      k.KeAcquireSpinLockAtDpcLevel(lock);
      seen.push('dpc ran');
      k.KeReleaseSpinLockFromDpcLevel(lock);
    }, 0);
    k.KeAcquireSpinLock(lock, old);
    k.KeInsertQueueDpc(dpc, 0, 0);
    expect(seen).toEqual([]);
    k.KeReleaseSpinLock(lock, k.read(old, 'KIRQL'));
    expect(seen).toEqual(['dpc ran']);
  });
});
