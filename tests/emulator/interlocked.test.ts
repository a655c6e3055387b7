// content/ddi/wdm/nf-wdm-interlockedincrement.md, …decrement, …exchange, …exchangeadd, …compareexchange, …and/or/xor,
// nf-wdm-exinterlockedaddulong.md, nf-wdm-exinterlockedaddlargeinteger.md, nf-wdm-exinterlockedcompareexchange64.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('interlocked operations', () => {
  it('Increment and Decrement return the resulting value; the others return the initial value', () => {
    const k = createKernel();
    const p = k.alloc('LONG');
    expect(k.InterlockedIncrement(p)).toBe(1);
    expect(k.InterlockedDecrement(p)).toBe(0);
    expect(k.InterlockedDecrement(p)).toBe(-1);
    expect(k.InterlockedExchange(p, 7)).toBe(-1);
    expect(k.InterlockedExchangeAdd(p, 3)).toBe(7);
    expect(k.read(p, 'LONG')).toBe(10);
    expect(k.InterlockedCompareExchange(p, 99, 5)).toBe(10);
    expect(k.InterlockedCompareExchange(p, 99, 10)).toBe(10);
    expect(k.read(p, 'LONG')).toBe(99);
    expect(k.InterlockedAnd(p, 0x0f)).toBe(99);
    expect(k.InterlockedOr(p, 0x30)).toBe(3);
    expect(k.InterlockedXor(p, 0x33)).toBe(0x33);
    expect(k.read(p, 'LONG')).toBe(0);
  });

  it('LONG arithmetic wraps at 32 bits', () => {
    const k = createKernel();
    const p = k.alloc('LONG');
    k.write(p, 'LONG', 0x7fffffff);
    expect(k.InterlockedIncrement(p)).toBe(-0x80000000);
  });

  it('pointer exchanges swap addresses', () => {
    const k = createKernel();
    const slot = k.alloc('PVOID');
    const a = k.alloc(8);
    expect(k.InterlockedExchangePointer(slot, a)).toBe(0);
    expect(k.InterlockedCompareExchangePointer(slot, 0, a)).toBe(a);
    expect(k.read(slot, 'PVOID')).toBe(0);
  });

  it('ExInterlockedAddUlong and ExInterlockedAddLargeInteger return the initial value under the spin lock', () => {
    const k = createKernel();
    const lock = k.alloc('KSPIN_LOCK');
    k.KeInitializeSpinLock(lock);
    const u = k.alloc('ULONG');
    const li = k.alloc('LARGE_INTEGER');
    expect(k.ExInterlockedAddUlong(u, 5, lock)).toBe(0);
    expect(k.read(u, 'ULONG')).toBe(5);
    expect(k.ExInterlockedAddLargeInteger(li, 1n << 40n, lock)).toBe(0n);
    expect(k.read(li, 'LONGLONG')).toBe(1n << 40n);
    expect(k.KeTestSpinLock(lock)).toBe(1);
  });

  it('ExInterlockedCompareExchange64 compares with *Comperand and stores *Exchange', () => {
    const k = createKernel();
    const lock = k.alloc('KSPIN_LOCK');
    const d = k.alloc('LONGLONG');
    const x = k.alloc('LONGLONG');
    const c = k.alloc('LONGLONG');
    k.write(x, 'LONGLONG', 42n);
    expect(k.ExInterlockedCompareExchange64(d, x, c, lock)).toBe(0n);
    expect(k.read(d, 'LONGLONG')).toBe(42n);
  });
});
