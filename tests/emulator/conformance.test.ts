// Edge cases that public conformance suites observe on Windows (Wine's ntoskrnl driver tests), restated as the
// contract each page implies: zero timeouts, multiple-object waits, recursion counts, re-initialisation,
// limits, and the order in which waiters are released.
import { describe, expect, it } from 'vitest';
import { createKernel, type Kernel } from '../../src/emulator/index.ts';

const poll = (k: Kernel, o: number) => k.KeWaitForSingleObject(o, k.Executive, k.KernelMode, k.FALSE, 0n);
const pollMany = (k: Kernel, objs: number[], type: number) => k.KeWaitForMultipleObjects(objs.length, objs, type, 0, 0, 0, 0n, 0);

describe('dispatcher objects polled with a zero timeout', () => {
  it('a WaitAny poll takes the first signaled object and consumes only that one', () => {
    const k = createKernel();
    const manual = k.alloc('KEVENT');
    const auto = k.alloc('KEVENT');
    k.KeInitializeEvent(manual, k.NotificationEvent, 0);
    k.KeInitializeEvent(auto, k.SynchronizationEvent, 0);
    expect(pollMany(k, [manual, auto], k.WaitAny)).toBe(k.STATUS_TIMEOUT);
    k.KeSetEvent(manual, 0, 0);
    k.KeSetEvent(auto, 0, 0);
    expect(pollMany(k, [manual, auto], k.WaitAny)).toBe(0);
    expect(poll(k, auto)).toBe(0);
    k.KeResetEvent(manual);
    k.KeSetEvent(auto, 0, 0);
    expect(pollMany(k, [manual, auto], k.WaitAny)).toBe(1);
    expect(pollMany(k, [manual, auto], k.WaitAny)).toBe(k.STATUS_TIMEOUT);
  });

  it('a WaitAll poll consumes nothing unless every object is signaled', () => {
    const k = createKernel();
    const manual = k.alloc('KEVENT');
    const auto = k.alloc('KEVENT');
    k.KeInitializeEvent(manual, k.NotificationEvent, 0);
    k.KeInitializeEvent(auto, k.SynchronizationEvent, 0);
    k.KeSetEvent(auto, 0, 0);
    expect(pollMany(k, [manual, auto], k.WaitAll)).toBe(k.STATUS_TIMEOUT);
    expect(poll(k, auto)).toBe(0);
    k.KeSetEvent(manual, 0, 0);
    k.KeSetEvent(auto, 0, 0);
    expect(pollMany(k, [manual, auto], k.WaitAll)).toBe(0);
    expect(pollMany(k, [manual, auto], k.WaitAll)).toBe(k.STATUS_TIMEOUT);
  });

  it('re-initialising a synchronization event as signaled satisfies one poll', () => {
    const k = createKernel();
    const e = k.alloc('KEVENT');
    k.KeInitializeEvent(e, k.SynchronizationEvent, 0);
    k.KeInitializeEvent(e, k.SynchronizationEvent, 1);
    expect(poll(k, e)).toBe(0);
    expect(poll(k, e)).toBe(k.STATUS_TIMEOUT);
  });

  it('KeReleaseSemaphore returns each previous count up to the limit', () => {
    const k = createKernel();
    const s = k.alloc('KSEMAPHORE');
    k.KeInitializeSemaphore(s, 0, 5);
    expect(k.KeReleaseSemaphore(s, 0, 1, 0)).toBe(0);
    expect(k.KeReleaseSemaphore(s, 0, 2, 0)).toBe(1);
    expect(k.KeReleaseSemaphore(s, 0, 1, 0)).toBe(3);
    for (let i = 0; i < 4; i++) expect(poll(k, s)).toBe(0);
    expect(poll(k, s)).toBe(k.STATUS_TIMEOUT);
  });

  it('a mutex acquired ten times returns -9 … 0 from its ten releases; another thread polls STATUS_TIMEOUT meanwhile', async () => {
    const k = createKernel();
    const m = k.alloc('KMUTEX');
    k.KeInitializeMutex(m, 0);
    for (let i = 0; i < 10; i++) expect(poll(k, m)).toBe(0);
    let other = -1;
    k.startThread('Other', () => {
      other = poll(k, m);
    });
    await k.settle();
    expect(other).toBe(k.STATUS_TIMEOUT);
    for (let i = 0; i < 10; i++) expect(k.KeReleaseMutex(m, 0)).toBe(i - 9);
  });
});

describe('timers', () => {
  it('a synchronization timer satisfies one wait per expiry and runs its DPC', async () => {
    const k = createKernel();
    const t = k.alloc('KTIMER');
    const d = k.alloc('KDPC');
    let called = 0;
    k.KeInitializeTimerEx(t, k.SynchronizationTimer);
    k.KeInitializeDpc(d, () => called++, 0);
    k.KeSetTimerEx(t, -200_000n, 0, d);
    expect(poll(k, t)).toBe(k.STATUS_TIMEOUT);
    expect(called).toBe(0);
    expect(await k.KeWaitForSingleObject(t, 0, 0, 0, -400_000n)).toBe(0);
    expect(called).toBe(1);
    expect(await k.KeWaitForSingleObject(t, 0, 0, 0, -400_000n)).toBe(k.STATUS_TIMEOUT);
  });

  it('setting a periodic timer again as one-shot drops the period', async () => {
    const k = createKernel();
    const t = k.alloc('KTIMER');
    k.KeInitializeTimerEx(t, k.SynchronizationTimer);
    k.KeSetTimerEx(t, -200_000n, 20, 0);
    k.KeSetTimerEx(t, -200_000n, 0, 0);
    expect(await k.KeWaitForSingleObject(t, 0, 0, 0, -400_000n)).toBe(0);
    expect(await k.KeWaitForSingleObject(t, 0, 0, 0, -400_000n)).toBe(k.STATUS_TIMEOUT);
  });

  it('re-initialising a queued timer leaves it queued: it still expires and runs its DPC', async () => {
    const k = createKernel();
    const t = k.alloc('KTIMER');
    const d = k.alloc('KDPC');
    let called = 0;
    k.KeInitializeTimerEx(t, k.SynchronizationTimer);
    k.KeInitializeDpc(d, () => called++, 0);
    k.KeSetTimerEx(t, -200_000n, 0, d);
    k.KeInitializeTimerEx(t, k.SynchronizationTimer);
    expect(await k.KeWaitForSingleObject(t, 0, 0, 0, -400_000n)).toBe(0);
    expect(called).toBe(1);
  });
});

describe('ERESOURCE', () => {
  it('ExAcquireSharedWaitForExclusive refuses while an exclusive waiter is queued, even to a shared owner', async () => {
    const k = createKernel();
    const r = k.alloc('ERESOURCE');
    k.ExInitializeResourceLite(r);
    k.KeEnterCriticalRegion();
    expect(k.ExAcquireResourceSharedLite(r, 0)).toBe(1);
    k.startThread('Writer', async () => {
      await k.ExAcquireResourceExclusiveLite(r, 1);
      k.ExReleaseResourceForThreadLite(r, k.KeGetCurrentThread());
    });
    await k.settle();
    expect(k.ExGetExclusiveWaiterCount(r)).toBe(1);
    expect(k.ExAcquireResourceSharedLite(r, 0)).toBe(1);
    k.ExReleaseResourceForThreadLite(r, k.KeGetCurrentThread());
    expect(k.ExAcquireSharedStarveExclusive(r, 0)).toBe(1);
    k.ExReleaseResourceForThreadLite(r, k.KeGetCurrentThread());
    expect(k.ExAcquireSharedWaitForExclusive(r, 0)).toBe(0);
    expect(k.ExIsResourceAcquiredSharedLite(r)).toBe(1);
    k.ExReleaseResourceForThreadLite(r, k.KeGetCurrentThread());
    await k.settle();
    expect(k.ExGetExclusiveWaiterCount(r)).toBe(0);
    k.KeLeaveCriticalRegion();
    expect(k.ExDeleteResourceLite(r)).toBe(0);
  });

  it('with a shared owner elsewhere and an exclusive waiter queued, a new shared request without Wait fails', async () => {
    const k = createKernel();
    const r = k.alloc('ERESOURCE');
    k.ExInitializeResourceLite(r);
    const done = k.alloc('KEVENT');
    k.KeInitializeEvent(done, k.SynchronizationEvent, 0);
    k.startThread('Reader', async () => {
      k.ExAcquireResourceSharedLite(r, 1);
      await k.KeWaitForSingleObject(done, 0, 0, 0, null);
      k.ExReleaseResourceForThreadLite(r, k.KeGetCurrentThread());
    });
    await k.settle();
    k.startThread('Writer', async () => {
      await k.ExAcquireResourceExclusiveLite(r, 1);
      k.ExReleaseResourceLite(r);
    });
    await k.settle();
    k.KeEnterCriticalRegion();
    expect(k.ExAcquireResourceExclusiveLite(r, 0)).toBe(0);
    expect(k.ExAcquireResourceSharedLite(r, 0)).toBe(0);
    expect(k.ExAcquireSharedStarveExclusive(r, 0)).toBe(1);
    k.ExReleaseResourceLite(r);
    expect(k.ExAcquireSharedWaitForExclusive(r, 0)).toBe(0);
    k.KeSetEvent(done, 0, 0);
    await k.settle();
    expect(k.ExGetExclusiveWaiterCount(r)).toBe(0);
    k.KeLeaveCriticalRegion();
  });
});

describe('lookaside lists and processors', () => {
  it('the lookaside Type keeps POOL_NX_ALLOCATION, and LOOKASIDE_MINIMUM_BLOCK_SIZE entries are allowed', () => {
    const k = createKernel();
    const l = k.alloc('NPAGED_LOOKASIDE_LIST');
    k.ExInitializeNPagedLookasideList(l, null, null, k.POOL_NX_ALLOCATION, k.LOOKASIDE_MINIMUM_BLOCK_SIZE, 0x454e4957, 0);
    expect(k.get(l, 'NPAGED_LOOKASIDE_LIST', 'L.Type')).toBe(k.NonPagedPool | k.POOL_NX_ALLOCATION);
    expect(k.get(l, 'NPAGED_LOOKASIDE_LIST', 'L.Size')).toBe(8);
    expect(k.get(l, 'NPAGED_LOOKASIDE_LIST', 'L.LastTotalAllocates')).toBe(0);
    k.ExDeleteNPagedLookasideList(l);
    const p = k.alloc('PAGED_LOOKASIDE_LIST');
    k.ExInitializePagedLookasideList(p, null, null, k.POOL_NX_ALLOCATION, 8, 0x454e4957, 0);
    expect(k.get(p, 'PAGED_LOOKASIDE_LIST', 'L.Type')).toBe(k.PagedPool | k.POOL_NX_ALLOCATION);
    k.ExDeletePagedLookasideList(p);
  });

  it('KeQueryActiveProcessorCountEx counts group 0 and ALL_PROCESSOR_GROUPS, and no other group', () => {
    const k = createKernel({ cpus: 4 });
    expect(k.KeQueryActiveProcessorCountEx(0)).toBe(4);
    expect(k.KeQueryActiveProcessorCountEx(k.ALL_PROCESSOR_GROUPS)).toBe(4);
    expect(k.KeQueryActiveProcessorCountEx(1)).toBe(0);
    expect(k.KeQueryActiveProcessors()).toBe(0xfn);
  });
});

describe('initialisers and recursion limits (ReactOS kmtests observations)', () => {
  it('KeInitializeEvent writes Type and Size only; Set/Reset/Pulse return the raw previous SignalState', () => {
    const k = createKernel();
    const e = k.alloc('KEVENT');
    for (let i = 0; i < 24; i++) k.write(e + i, 'UCHAR', 0x55);
    k.KeInitializeEvent(e, k.NotificationEvent, 0);
    expect((k.read(e, 'ULONG') as number) & 0xff00ff00).toBe(0x55005500 >>> 0);
    expect(k.get(e, 'KEVENT', 'Header.Size')).toBe(6);
    expect(k.get(e, 'KEVENT', 'Header.WaitListHead.Flink')).toBe(e + 8);
    k.set(e, 'KEVENT', 'Header.SignalState', 0x23456789);
    expect(k.KeSetEvent(e, 0, 0)).toBe(0x23456789);
    expect(k.KeReadStateEvent(e)).toBe(1);
    k.set(e, 'KEVENT', 'Header.SignalState', 0x3456789a);
    expect(k.KeResetEvent(e)).toBe(0x3456789a);
    k.set(e, 'KEVENT', 'Header.SignalState', 0x12345678);
    expect(k.KePulseEvent(e, 0, 0)).toBe(0x12345678);
    expect(k.KeReadStateEvent(e)).toBe(0);
  });

  it('a KMUTEX: size 14 dwords, ApcDisable 1, kernel APCs disabled while owned, MINLONG recursion raises', async () => {
    const k = createKernel();
    const m = k.alloc('KMUTEX');
    k.KeInitializeMutex(m, 123);
    expect(k.get(m, 'KMUTEX', 'Header.Size')).toBe(14);
    expect(k.get(m, 'KMUTEX', 'ApcDisable')).toBe(1);
    expect(k.get(m, 'KMUTEX', 'MutantListEntry.Flink')).toBe(0);
    await k.KeWaitForSingleObject(m, 0, 0, 0, null);
    expect(k.KeAreApcsDisabled()).toBe(1);
    k.set(m, 'KMUTEX', 'Header.SignalState', -0x7fffffff);
    await k.KeWaitForSingleObject(m, 0, 0, 0, null);
    expect(k.KeReadStateMutex(m)).toBe(-0x80000000);
    expect(() => k.KeWaitForSingleObject(m, 0, 0, 0, null)).toThrow(expect.objectContaining({ status: 0xc0000191 }));
    expect(k.KeReleaseMutex(m, 0)).toBe(-0x80000000);
    k.set(m, 'KMUTEX', 'Header.SignalState', -1);
    expect(k.KeReleaseMutex(m, 0)).toBe(-1);
    expect(k.KeReleaseMutex(m, 0)).toBe(0);
    expect(k.KeAreApcsDisabled()).toBe(0);
    expect(() => k.KeReleaseMutex(m, 0)).toThrow(expect.objectContaining({ status: 0xc0000046 }));
    expect(k.KeReadStateMutex(m)).toBe(1);
  });
});

describe('ERESOURCE fields and NULL arguments', () => {
  it('ActiveCount counts owners, Flag marks exclusive ownership, and initialisation clears the documented fields', async () => {
    const k = createKernel();
    const r = k.alloc('ERESOURCE');
    for (let i = 0; i < k.sizeof('ERESOURCE'); i++) k.write(r + i, 'UCHAR', 0x55);
    expect(k.ExInitializeResourceLite(r)).toBe(0);
    for (const f of ['OwnerTable', 'SharedWaiters', 'ExclusiveWaiters', 'Address', 'SpinLock']) expect(Number(k.get(r, 'ERESOURCE', f))).toBe(0);
    const list = k.get(r, 'ERESOURCE', 'SystemResourcesList.Flink') as number;
    expect(k.read(list + 8, 'PVOID')).toBe(r);
    k.KeEnterCriticalRegion();
    k.ExAcquireResourceSharedLite(r, 1);
    k.ExAcquireResourceSharedLite(r, 1);
    expect(k.get(r, 'ERESOURCE', 'ActiveCount')).toBe(1);
    k.startThread('Second', () => {
      k.ExAcquireResourceSharedLite(r, 0);
    });
    await k.settle();
    expect(k.get(r, 'ERESOURCE', 'ActiveCount')).toBe(2);
    k.ExReleaseResourceLite(r);
    k.ExReleaseResourceLite(r);
    expect(k.ExAcquireResourceExclusiveLite(r, 0)).toBe(0);
    k.KeLeaveCriticalRegion();
  });

  it('an owner pointer of 3 works with ExReleaseResourceForThreadLite(Resource, 3)', () => {
    const k = createKernel();
    const r = k.alloc('ERESOURCE');
    k.ExInitializeResourceLite(r);
    k.KeEnterCriticalRegion();
    expect(k.ExAcquireResourceExclusiveLite(r, 0)).toBe(1);
    expect((k.get(r, 'ERESOURCE', 'Flag') as number) & 0x80).toBe(0x80);
    k.ExSetResourceOwnerPointer(r, 3);
    k.ExReleaseResourceForThreadLite(r, 3);
    expect(k.get(r, 'ERESOURCE', 'ActiveCount')).toBe(0);
    k.KeLeaveCriticalRegion();
  });

  it('a NULL argument stops the machine with the access violation no handler caught, naming the routine', () => {
    const k = createKernel();
    expect(() => k.ExInitializeResourceLite(0)).toThrow(expect.objectContaining({ codeName: 'KMODE_EXCEPTION_NOT_HANDLED', routine: 'ExInitializeResourceLite' }));
  });
});
