// @title 64-bit interlocked operations
// @routines InterlockedIncrement64 InterlockedDecrement64 InterlockedExchange64 InterlockedExchangeAdd64 InterlockedCompareExchange64 InterlockedAnd64 InterlockedOr64 InterlockedXor64
// LONG64 values are bigints. Increment and decrement return the resulting value; the others the initial one.
const v = k.alloc('LONG64');
k.write(v, 'LONG64', 0xffffffffn);
print('increment past 32 bits:', k.InterlockedIncrement64(v));
print('decrement:', k.InterlockedDecrement64(v));
print('exchange:', k.InterlockedExchange64(v, 1n << 40n), 'add:', k.InterlockedExchangeAdd64(v, 1n), 'now', k.read(v, 'LONG64'));
print('compare-exchange:', k.InterlockedCompareExchange64(v, 7n, (1n << 40n) + 1n), 'now', k.read(v, 'LONG64'));
print('and/or/xor:', k.InterlockedAnd64(v, 3n), k.InterlockedOr64(v, 8n), k.InterlockedXor64(v, 11n), 'now', k.read(v, 'LONG64'));
k.unload();
