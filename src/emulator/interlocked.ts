/**
 * Interlocked operations on LONG, LONG64 and pointers, and the ExInterlocked… arithmetic routines that
 * serialise through a caller-supplied spin lock. Every operation returns what its page says: the
 * resulting value for Increment/Decrement, the initial value for the others.
 * One simulated thread runs at a time, so the read-modify-write is atomic by construction; what remains
 * to check is the spin lock of the ExInterlocked… forms, which must not already be held by the caller.
 */
import { defineModule, type Sys } from './module.ts';
import { dropSpinLock, takeSpinLock } from './kspin-lock.ts';

const i32 = (v: number | bigint) => Number(BigInt.asIntN(32, BigInt(v)));
const i64 = (v: number | bigint) => BigInt.asIntN(64, BigInt(v));
const sign = (v: number) => (v < 0 ? 1 : v === 0 ? 0 : 2);

function withLock<T>(sys: Sys, lock: number, routine: string, fn: () => T): T {
  takeSpinLock(sys, lock, routine);
  try {
    return fn();
  } finally {
    dropSpinLock(sys, lock, routine);
  }
}

export default defineModule({
  name: 'interlocked',
  constants: { ResultNegative: 1, ResultZero: 0, ResultPositive: 2 },
  routines: (sys) => {
    const m = sys.mem;
    const rmw32 = (p: number, f: (old: number) => number) => {
      const old = m.read(p, 'LONG') as number;
      m.write(p, 'LONG', i32(f(old)));
      return old;
    };
    const rmw64 = (p: number, f: (old: bigint) => bigint) => {
      const old = m.read(p, 'LONGLONG') as bigint;
      m.write(p, 'LONGLONG', i64(f(old)));
      return old;
    };
    return {
      InterlockedIncrement: (Addend: number) => i32(rmw32(Addend, (v) => v + 1) + 1),
      InterlockedDecrement: (Addend: number) => i32(rmw32(Addend, (v) => v - 1) - 1),
      InterlockedExchange: (Target: number, Value: number) => rmw32(Target, () => Value),
      InterlockedExchangeAdd: (Addend: number, Value: number) => rmw32(Addend, (v) => v + Value),
      InterlockedCompareExchange: (Destination: number, ExChange: number, Comperand: number) =>
        rmw32(Destination, (v) => (v === i32(Comperand) ? ExChange : v)),
      InterlockedAnd: (Destination: number, Value: number) => rmw32(Destination, (v) => v & Value),
      InterlockedOr: (Destination: number, Value: number) => rmw32(Destination, (v) => v | Value),
      InterlockedXor: (Destination: number, Value: number) => rmw32(Destination, (v) => v ^ Value),
      InterlockedIncrement64: (Addend: number) => i64(rmw64(Addend, (v) => v + 1n) + 1n),
      InterlockedDecrement64: (Addend: number) => i64(rmw64(Addend, (v) => v - 1n) - 1n),
      InterlockedExchange64: (Target: number, Value: bigint) => rmw64(Target, () => BigInt(Value)),
      InterlockedExchangeAdd64: (Addend: number, Value: bigint) => rmw64(Addend, (v) => v + BigInt(Value)),
      InterlockedCompareExchange64: (Destination: number, ExChange: bigint, Comperand: bigint) =>
        rmw64(Destination, (v) => (v === i64(Comperand) ? BigInt(ExChange) : v)),
      InterlockedAnd64: (Destination: number, Value: bigint) => rmw64(Destination, (v) => v & BigInt(Value)),
      InterlockedOr64: (Destination: number, Value: bigint) => rmw64(Destination, (v) => v | BigInt(Value)),
      InterlockedXor64: (Destination: number, Value: bigint) => rmw64(Destination, (v) => v ^ BigInt(Value)),
      InterlockedExchangePointer(Target: number, Value: number) {
        const old = m.read(Target, 'PVOID') as number;
        m.write(Target, 'PVOID', Value);
        return old;
      },
      InterlockedCompareExchangePointer(Destination: number, Exchange: number, Comperand: number) {
        const old = m.read(Destination, 'PVOID') as number;
        if (old === Comperand) m.write(Destination, 'PVOID', Exchange);
        return old;
      },
      // The Exf… routines are the reserved fastcall forms the seed lists (replaced by InterlockedIncrement,
      // InterlockedDecrement, InterlockedExchange). Increment/Decrement return an INTERLOCKED_RESULT: the sign
      // of the result (ResultNegative 1, ResultZero 0, ResultPositive 2), not the value.
      ExfInterlockedIncrementLong: (Addend: number, Lock: number) => withLock(sys, Lock, 'ExfInterlockedIncrementLong', () => sign(i32(rmw32(Addend, (v) => v + 1) + 1))),
      ExfInterlockedDecrementLong: (Addend: number, Lock: number) => withLock(sys, Lock, 'ExfInterlockedDecrementLong', () => sign(i32(rmw32(Addend, (v) => v - 1) - 1))),
      ExfInterlockedExchangeUlong: (Target: number, Value: number, Lock: number) => withLock(sys, Lock, 'ExfInterlockedExchangeUlong', () => {
        const old = m.read(Target, 'ULONG') as number;
        m.write(Target, 'ULONG', Value >>> 0);
        return old;
      }),
      /** Returns the initial value of Addend (ULONG). */
      ExInterlockedAddUlong: (Addend: number, Increment: number, Lock: number) => withLock(sys, Lock, 'ExInterlockedAddUlong', () => {
        const old = m.read(Addend, 'ULONG') as number;
        m.write(Addend, 'ULONG', (old + Increment) >>> 0);
        return old;
      }),
      /** Increment is a LARGE_INTEGER by value (bigint); returns the initial value. */
      ExInterlockedAddLargeInteger: (Addend: number, Increment: bigint, Lock: number) => withLock(sys, Lock, 'ExInterlockedAddLargeInteger', () =>
        rmw64(Addend, (v) => v + BigInt(Increment))),
      ExInterlockedAddLargeStatistic(Addend: number, Increment: number) {
        rmw64(Addend, (v) => v + BigInt(Increment >>> 0));
      },
      /** Exchange and Comperand are PLONGLONG; returns the initial value of Destination. */
      ExInterlockedCompareExchange64: (Destination: number, Exchange: number, Comperand: number, Lock: number) =>
        withLock(sys, Lock, 'ExInterlockedCompareExchange64', () => {
          const want = m.read(Comperand, 'LONGLONG') as bigint;
          const next = m.read(Exchange, 'LONGLONG') as bigint;
          return rmw64(Destination, (v) => (v === want ? next : v));
        }),
    };
  },
});
