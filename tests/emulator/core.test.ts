// The core: memory, layouts, the scheduler and deadlock detection (ARCHITECTURE.md, "Emulator").
import { describe, expect, it } from 'vitest';
import { BugCheck, createKernel, Deadlock } from '../../src/emulator/index.ts';

describe('memory and layouts', () => {
  it('allocates a zeroed structure at its x64 size and alignment', () => {
    const k = createKernel();
    expect(k.sizeof('LIST_ENTRY')).toBe(16);
    expect(k.sizeof('KEVENT')).toBe(24);
    expect(k.sizeof('KSEMAPHORE')).toBe(32);
    expect(k.sizeof('KMUTEX')).toBe(56);
    expect(k.sizeof('FAST_MUTEX')).toBe(56);
    expect(k.sizeof('ERESOURCE')).toBe(104);
    expect(k.sizeof('KDPC')).toBe(64);
    expect(k.sizeof('KTIMER')).toBe(64);
    expect(k.sizeof('EX_RUNDOWN_REF')).toBe(8);
    expect(k.sizeof('KLOCK_QUEUE_HANDLE')).toBe(24);
    expect(k.sizeof('NPAGED_LOOKASIDE_LIST')).toBe(128);
    expect(k.sizeof('LOOKASIDE_LIST_EX')).toBe(96);
    expect(k.offsetof('DISPATCHER_HEADER', 'SignalState')).toBe(4);
    expect(k.offsetof('KTIMER', 'Dpc')).toBe(0x30);
    expect(k.offsetof('ERESOURCE', 'SpinLock')).toBe(0x60);
    const p = k.alloc('KTIMER');
    expect(p % 8).toBe(0);
    expect([...k.bytes(p, 64)].every((b) => b === 0)).toBe(true);
  });

  it('reads and writes integers with C widths, signedness and 64-bit values as bigint', () => {
    const k = createKernel();
    const p = k.alloc(16);
    k.write(p, 'ULONG', -1);
    expect(k.read(p, 'ULONG')).toBe(0xffffffff);
    expect(k.read(p, 'LONG')).toBe(-1);
    expect(k.read(p, 'USHORT')).toBe(0xffff);
    k.write(p + 8, 'LONGLONG', -2n);
    expect(k.read(p + 8, 'LONGLONG')).toBe(-2n);
    expect(k.read(p + 8, 'ULONGLONG')).toBe(0xfffffffffffffffen);
    k.write(p + 8, 'PVOID', p);
    expect(k.read(p + 8, 'PVOID')).toBe(p);
  });

  it('places and reads wide and ANSI strings', () => {
    const k = createKernel();
    expect(k.readWstr(k.wstr('Héllo'))).toBe('Héllo');
    expect(k.readAstr(k.astr('abc'))).toBe('abc');
    expect(k.readWstr(k.wstr('abcdef'), 3)).toBe('abc');
  });

  it('faults on an access past the end of a block, as special pool would', () => {
    const k = createKernel();
    const p = k.alloc(8);
    expect(() => k.read(p + 8, 'UCHAR')).toThrow(BugCheck);
    expect(() => k.read(p + 4, 'ULONGLONG')).toThrow(/DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION/);
    expect(() => k.read(0, 'ULONG')).toThrow(/NULL/);
    k.KeRaiseIrqlToDpcLevel();
    expect(() => k.read(0, 'ULONG')).toThrow(/DRIVER_IRQL_NOT_LESS_OR_EQUAL/);
    k.KeLowerIrql(0);
  });

  it('faults when paged memory is touched at DISPATCH_LEVEL', () => {
    const k = createKernel();
    const paged = k.alloc(16, { pool: 'PagedPool' });
    const old = k.alloc('KIRQL');
    k.KeRaiseIrql(k.DISPATCH_LEVEL, old);
    let err: BugCheck | undefined;
    try {
      k.read(paged, 'ULONG');
    } catch (e) {
      err = e as BugCheck;
    }
    expect(err?.codeName).toBe('DRIVER_IRQL_NOT_LESS_OR_EQUAL');
    expect(err?.parameters[1]).toBe(2);
  });

  it('bounds emulated memory: pool allocations fail with NULL once the limit is reached', () => {
    const k = createKernel({ memoryLimit: 64 * 1024 });
    const p = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 60 * 1024, k.tag('Big!'));
    expect(p).not.toBe(0);
    expect(k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 8 * 1024, k.tag('Big!'))).toBe(0);
    k.ExFreePool(p);
    expect(k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 8 * 1024, k.tag('Big!'))).not.toBe(0);
  });
});

describe('threads, scheduling and deadlocks', () => {
  it('runs other threads only when the main thread blocks or settles', async () => {
    const k = createKernel();
    const order: string[] = [];
    k.startThread('T2', () => order.push('T2'));
    order.push('T1');
    await k.settle();
    expect(order).toEqual(['T1', 'T2']);
  });

  it('reports a deadlock with what each blocked thread waits on instead of hanging', async () => {
    const k = createKernel();
    const a = k.alloc('KEVENT');
    const b = k.alloc('KEVENT');
    k.KeInitializeEvent(a, k.NotificationEvent, k.FALSE);
    k.KeInitializeEvent(b, k.NotificationEvent, k.FALSE);
    k.startThread('T2', async () => {
      await k.KeWaitForSingleObject(b, k.Executive, k.KernelMode, k.FALSE, null);
      k.KeSetEvent(a, 0, k.FALSE);
    });
    const err = await Promise.resolve(k.KeWaitForSingleObject(a, k.Executive, k.KernelMode, k.FALSE, null)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Deadlock);
    expect((err as Deadlock).threads.map((t) => t.thread).sort()).toEqual(['T1', 'T2']);
    expect((err as Deadlock).message).toMatch(/KEVENT/);
  });

  it('jumps the virtual clock to the next timer when every thread is blocked', async () => {
    const k = createKernel();
    await k.KeDelayExecutionThread(k.KernelMode, k.FALSE, -50_000n);
    expect(k.time).toBe(50_000n);
  });

  it('threads still blocked after settle() are reported by unload(), not as a deadlock', async () => {
    const k = createKernel();
    const e = k.alloc('KEVENT');
    k.KeInitializeEvent(e, k.NotificationEvent, k.FALSE);
    k.startThread('Waiter', () => k.KeWaitForSingleObject(e, 0, 0, 0, null));
    await k.settle();
    expect(k.unload().blockedThreads).toEqual([{ thread: 'Waiter', waitingOn: expect.stringMatching(/KEVENT/) }]);
  });

  it('the same seed gives the same interleaving', async () => {
    const run = async (seed: number) => {
      const k = createKernel({ seed });
      const order: string[] = [];
      for (const n of ['A', 'B', 'C', 'D']) k.startThread(n, () => order.push(n));
      await k.settle();
      return order.join('');
    };
    expect(await run(7)).toBe(await run(7));
    const seen = new Set<string>();
    for (let s = 1; s < 20; s++) seen.add(await run(s));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('a thread that ends at raised IRQL bug checks', async () => {
    const k = createKernel();
    const lock = k.alloc('KSPIN_LOCK');
    k.KeInitializeSpinLock(lock);
    k.startThread('Leaky', () => {
      k.KeAcquireSpinLockRaiseToDpc(lock);
    });
    await expect(k.settle()).rejects.toMatchObject({ codeName: 'IRQL_GT_ZERO_AT_SYSTEM_SERVICE' });
  });
});

describe('IRQL rules come from the catalog', () => {
  it('calling a routine above its documented maximum IRQL is IRQL_NOT_LESS_OR_EQUAL naming the routine', () => {
    const k = createKernel();
    const old = k.alloc('KIRQL');
    k.KeRaiseIrql(k.DISPATCH_LEVEL, old);
    // ExAllocatePoolWithTag's page: "Callers … must be executing at IRQL <= DISPATCH_LEVEL"; KeDelayExecutionThread <= APC_LEVEL.
    let err: BugCheck | undefined;
    try {
      k.KeDelayExecutionThread(0, 0, -1n);
    } catch (e) {
      err = e as BugCheck;
    }
    expect(err?.codeName).toBe('IRQL_NOT_LESS_OR_EQUAL');
    expect(err?.routine).toBe('KeDelayExecutionThread');
  });

  it('a custom lookup replaces the generated table', () => {
    const k = createKernel({ irqlRule: (n) => (n === 'KeGetCurrentIrql' ? { min: 1, max: 1 } : null) });
    expect(() => k.KeGetCurrentIrql()).toThrow(/IRQL_NOT_GREATER_OR_EQUAL/);
  });
});

describe('hopeless waits with timers still running', () => {
  it('a wait that only a periodic timer keeps alive is still reported as a deadlock', async () => {
    const k = createKernel();
    const t = k.alloc('KTIMER');
    const e = k.alloc('KEVENT');
    k.KeInitializeTimer(t);
    k.KeInitializeEvent(e, k.NotificationEvent, 0);
    k.KeSetTimerEx(t, -10n, 1, 0);
    const err = await Promise.resolve(k.KeWaitForSingleObject(e, 0, 0, 0, null)).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(Deadlock);
  });
});

describe('a blocking call not awaited at once', () => {
  it('a wait started, then satisfied by the same code before awaiting, completes', async () => {
    const k = createKernel();
    const e = k.alloc('KEVENT');
    k.KeInitializeEvent(e, k.NotificationEvent, 0);
    const pending = k.KeWaitForSingleObject(e, 0, 0, 0, null);
    k.KeSetEvent(e, 0, 0);
    expect(await pending).toBe(0);
  });

  it('a second blocking call while the first wait is pending is refused with a clear error', () => {
    const k = createKernel();
    const a = k.alloc('KEVENT');
    k.KeInitializeEvent(a, k.NotificationEvent, 0);
    const first = k.KeWaitForSingleObject(a, 0, 0, 0, null);
    expect(() => k.KeWaitForSingleObject(a, 0, 0, 0, null)).toThrow(/await each blocking call/);
    k.KeSetEvent(a, 0, 0);
    return first;
  });
});
