// @title Interlocked operations
// @routines InterlockedIncrement InterlockedDecrement InterlockedExchange InterlockedExchangeAdd InterlockedCompareExchange InterlockedAnd InterlockedOr InterlockedXor InterlockedExchangePointer InterlockedCompareExchangePointer ExInterlockedAddUlong ExInterlockedAddLargeInteger ExInterlockedAddLargeStatistic ExInterlockedCompareExchange64
const count = k.alloc('LONG');
// "InterlockedIncrement returns the incremented value."
print('increment:', k.InterlockedIncrement(count), k.InterlockedIncrement(count));
print('decrement:', k.InterlockedDecrement(count));
print('exchange returns the old value:', k.InterlockedExchange(count, 10));
print('exchange-add returns the old value:', k.InterlockedExchangeAdd(count, 5), 'now', k.read(count, 'LONG'));
// "InterlockedCompareExchange returns the original value of *Destination."
print('compare-exchange (no match):', k.InterlockedCompareExchange(count, 0, 99), 'now', k.read(count, 'LONG'));
print('compare-exchange (match):', k.InterlockedCompareExchange(count, 0, 15), 'now', k.read(count, 'LONG'));
k.write(count, 'LONG', 0b1100);
print('and/or/xor return the old value:', k.InterlockedAnd(count, 0b0100), k.InterlockedOr(count, 0b0001), k.InterlockedXor(count, 0b0101), 'now', k.read(count, 'LONG'));

const slot = k.alloc('PVOID');
const object = k.alloc(16);
print('exchange pointer:', k.InterlockedExchangePointer(slot, object), 'then compare:', k.InterlockedCompareExchangePointer(slot, 0, object) === object);

const lock = k.alloc('KSPIN_LOCK');
k.KeInitializeSpinLock(lock);
const bytes = k.alloc('ULONG');
print('ExInterlockedAddUlong returns the old value:', k.ExInterlockedAddUlong(bytes, 512, lock), k.ExInterlockedAddUlong(bytes, 512, lock));
const total = k.alloc('LARGE_INTEGER');
print('ExInterlockedAddLargeInteger:', k.ExInterlockedAddLargeInteger(total, 5000000000n, lock), 'now', k.read(total, 'LONGLONG'));
k.ExInterlockedAddLargeStatistic(total, 1);
const exchange = k.alloc('LONGLONG'), comparand = k.alloc('LONGLONG');
k.write(exchange, 'LONGLONG', 7n);
k.write(comparand, 'LONGLONG', 5000000001n);
print('ExInterlockedCompareExchange64:', k.ExInterlockedCompareExchange64(total, exchange, comparand, lock), 'now', k.read(total, 'LONGLONG'));
k.unload();
