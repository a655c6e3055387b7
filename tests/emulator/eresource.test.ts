// content/ddi/wdm/nf-wdm-exinitializeresourcelite.md, nf-wdm-exacquireresourceexclusivelite.md,
// nf-wdm-exacquireresourcesharedlite.md, nf-wdm-exreleaseresourcelite.md, nf-wdm-exisresourceacquiredsharedlite.md,
// nf-wdm-exgetexclusivewaitercount.md, nf-wdm-exgetsharedwaitercount.md, nf-wdm-exdeleteresourcelite.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function setup() {
  const k = createKernel();
  const r = k.alloc('ERESOURCE');
  expect(k.ExInitializeResourceLite(r)).toBe(k.STATUS_SUCCESS);
  return { k, r };
}

describe('ERESOURCE', () => {
  it('acquiring with normal kernel APCs enabled is reported on the timeline (Windows does not stop)', () => {
    const { k, r } = setup();
    expect(k.ExAcquireResourceSharedLite(r, 1)).toBe(1);
    expect(k.timeline().some((e) => /Verifier warning: ExAcquireResourceSharedLite/.test(e.detail))).toBe(true);
    k.ExReleaseResourceLite(r);
  });

  it('an exclusive owner may reacquire exclusively and shared; ExIsResourceAcquiredSharedLite counts both', () => {
    const { k, r } = setup();
    k.KeEnterCriticalRegion();
    expect(k.ExAcquireResourceExclusiveLite(r, 1)).toBe(1);
    expect(k.ExAcquireResourceExclusiveLite(r, 1)).toBe(1);
    expect(k.ExAcquireResourceSharedLite(r, 1)).toBe(1);
    expect(k.ExIsResourceAcquiredExclusiveLite(r)).toBe(1);
    expect(k.ExIsResourceAcquiredSharedLite(r)).toBe(3);
    for (let i = 0; i < 3; i++) k.ExReleaseResourceLite(r);
    expect(k.ExIsResourceAcquiredSharedLite(r)).toBe(0);
    k.KeLeaveCriticalRegion();
    expect(k.ExDeleteResourceLite(r)).toBe(0);
  });

  it('Wait = FALSE returns FALSE instead of waiting when the resource cannot be granted', async () => {
    const { k, r } = setup();
    k.KeEnterCriticalRegion();
    k.ExAcquireResourceSharedLite(r, 1);
    let got = -1;
    k.startThread('T2', () => {
      k.KeEnterCriticalRegion();
      got = k.ExAcquireResourceExclusiveLite(r, 0);
      k.KeLeaveCriticalRegion();
    });
    await k.settle();
    expect(got).toBe(0);
    k.ExReleaseResourceLite(r);
    k.KeLeaveCriticalRegion();
  });

  it('a shared request waits behind a queued exclusive waiter; ExAcquireSharedStarveExclusive does not', async () => {
    const { k, r } = setup();
    k.KeEnterCriticalRegion();
    k.ExAcquireResourceSharedLite(r, 1);
    const log: string[] = [];
    k.startThread('Writer', async () => {
      k.KeEnterCriticalRegion();
      await k.ExAcquireResourceExclusiveLite(r, 1);
      log.push('writer');
      k.ExReleaseResourceLite(r);
      k.KeLeaveCriticalRegion();
    });
    await k.settle();
    expect(k.ExGetExclusiveWaiterCount(r)).toBe(1);
    k.startThread('Reader', async () => {
      k.KeEnterCriticalRegion();
      expect(k.ExAcquireResourceSharedLite(r, 0)).toBe(0);
      expect(k.ExAcquireSharedStarveExclusive(r, 0)).toBe(1);
      log.push('starving reader');
      k.ExReleaseResourceLite(r);
      k.KeLeaveCriticalRegion();
    });
    await k.settle();
    expect(log).toEqual(['starving reader']);
    k.ExReleaseResourceLite(r);
    await k.settle();
    expect(log).toEqual(['starving reader', 'writer']);
    k.KeLeaveCriticalRegion();
  });

  it('releasing a resource the thread does not own is RESOURCE_NOT_OWNED (0xE3)', () => {
    const { k, r } = setup();
    expect(() => k.ExReleaseResourceLite(r)).toThrow(expect.objectContaining({ code: 0xe3 }));
  });

  it('ExConvertExclusiveToSharedLite lets waiting readers in', async () => {
    const { k, r } = setup();
    k.KeEnterCriticalRegion();
    k.ExAcquireResourceExclusiveLite(r, 1);
    let read = false;
    k.startThread('Reader', async () => {
      k.KeEnterCriticalRegion();
      await k.ExAcquireResourceSharedLite(r, 1);
      read = true;
      k.ExReleaseResourceLite(r);
      k.KeLeaveCriticalRegion();
    });
    await k.settle();
    expect(k.ExGetSharedWaiterCount(r)).toBe(1);
    k.ExConvertExclusiveToSharedLite(r);
    await k.settle();
    expect(read).toBe(true);
    k.ExReleaseResourceLite(r);
    k.KeLeaveCriticalRegion();
  });

  it('a resource left initialised at unload is reported', () => {
    const { k } = setup();
    expect(() => k.unload()).toThrow(expect.objectContaining({ codeName: 'DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS' }));
  });
});
