// Specification: content/ddi/wdm/nf-wdm-io{initializeremovelock,acquireremovelock,releaseremovelock,
// releaseremovelockandwait}.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function setup() {
  const k = createKernel({ arch: 'x64', cpus: 2, seed: 1 });
  const lock = k.alloc('IO_REMOVE_LOCK');
  k.IoInitializeRemoveLock(lock, 0x6b636f4c, 0, 0);
  return { k, lock };
}

describe('IO_REMOVE_LOCK', () => {
  it('is 0x20 bytes on x64 with IoCount at 4 and the event at 8', () => {
    const { k } = setup();
    expect(k.sizeof('IO_REMOVE_LOCK')).toBe(0x20);
    expect(k.offsetof('IO_REMOVE_LOCK', 'Common.IoCount')).toBe(4);
    expect(k.offsetof('IO_REMOVE_LOCK', 'Common.RemoveEvent')).toBe(8);
  });

  it('acquire and release count outstanding I/O above the initial bias of 1', () => {
    const { k, lock } = setup();
    expect(k.IoAcquireRemoveLock(lock, 0x10)).toBe(k.STATUS_SUCCESS);
    expect(k.get(lock, 'IO_REMOVE_LOCK', 'Common.IoCount')).toBe(2);
    k.IoReleaseRemoveLock(lock, 0x10);
    expect(k.get(lock, 'IO_REMOVE_LOCK', 'Common.IoCount')).toBe(1);
  });

  it('IoReleaseRemoveLockAndWait returns at once when no other I/O holds the lock; later acquisitions get STATUS_DELETE_PENDING', async () => {
    const { k, lock } = setup();
    k.IoAcquireRemoveLock(lock, 0x20);
    await k.IoReleaseRemoveLockAndWait(lock, 0x20);
    expect(k.get(lock, 'IO_REMOVE_LOCK', 'Common.Removed')).toBe(1);
    expect(k.IoAcquireRemoveLock(lock, 0x30)).toBe(k.STATUS_DELETE_PENDING);
  });

  it('IoReleaseRemoveLockAndWait waits until the other holders release', async () => {
    const { k, lock } = setup();
    const order: string[] = [];
    k.startThread('Io', async () => {
      expect(k.IoAcquireRemoveLock(lock, 0x40)).toBe(k.STATUS_SUCCESS);
      order.push('io acquired');
      await k.KeDelayExecutionThread(k.KernelMode, k.FALSE, -10_000n);
      order.push('io releases');
      k.IoReleaseRemoveLock(lock, 0x40);
    });
    await k.settle();
    k.IoAcquireRemoveLock(lock, 0x50);
    await k.IoReleaseRemoveLockAndWait(lock, 0x50);
    order.push('removal done');
    expect(order).toEqual(['io acquired', 'io releases', 'removal done']);
  });

  it('releasing a tag that holds no acquisition bugchecks', () => {
    const { k, lock } = setup();
    k.IoAcquireRemoveLock(lock, 0x10);
    expect(() => k.IoReleaseRemoveLock(lock, 0x99)).toThrow(expect.objectContaining({ name: 'BugCheck', routine: 'IoReleaseRemoveLock' }));
  });

  it('a lock never initialised bugchecks on use', () => {
    const k = createKernel();
    expect(() => k.IoAcquireRemoveLock(k.alloc('IO_REMOVE_LOCK'), 0)).toThrow(expect.objectContaining({ name: 'BugCheck' }));
  });

  it('exceeding HighWatermark bugchecks', () => {
    const k = createKernel();
    const lock = k.alloc('IO_REMOVE_LOCK');
    k.IoInitializeRemoveLock(lock, 0, 0, 1);
    k.IoAcquireRemoveLock(lock, 1);
    expect(() => k.IoAcquireRemoveLock(lock, 2)).toThrow(expect.objectContaining({ name: 'BugCheck' }));
  });
});
