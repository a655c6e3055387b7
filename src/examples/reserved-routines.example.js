// @title Reserved names and the routines that replace them
// @routines ExAcquireSpinLock ExReleaseSpinLock ExAcquireSpinLockAtDpcLevel ExReleaseSpinLockFromDpcLevel KeAcquireSpinLockRaiseToSynch KeWaitForMutexObject ExfInterlockedIncrementLong ExfInterlockedDecrementLong ExfInterlockedExchangeUlong
// The seed's table of reserved routines lists these with their replacements (ExAcquireSpinLock →
// KeAcquireSpinLock, ExfInterlockedIncrementLong → InterlockedIncrement, …); they behave like them.
const lock = k.alloc('KSPIN_LOCK');
const old = k.alloc('KIRQL');
k.KeInitializeSpinLock(lock);
k.ExAcquireSpinLock(lock, old);
print('ExAcquireSpinLock: IRQL', k.KeGetCurrentIrql());
k.ExReleaseSpinLock(lock, k.read(old, 'KIRQL'));
const prev = k.KeAcquireSpinLockRaiseToSynch(lock);
print('KeAcquireSpinLockRaiseToSynch: IRQL', k.KeGetCurrentIrql(), 'previous', prev);
k.ExReleaseSpinLockFromDpcLevel(lock);
k.KeLowerIrql(prev);
const before = k.KeRaiseIrqlToDpcLevel();
k.ExAcquireSpinLockAtDpcLevel(lock);
print('ExAcquireSpinLockAtDpcLevel: lock free?', k.KeTestSpinLock(lock));
k.ExReleaseSpinLockFromDpcLevel(lock);
k.KeLowerIrql(before);

// KeWaitForMutexObject is KeWaitForSingleObject under another name.
const m = k.alloc('KMUTEX');
k.KeInitializeMutex(m, 0);
print('KeWaitForMutexObject:', hex(await k.KeWaitForMutexObject(m, k.Executive, k.KernelMode, k.FALSE, null)));
k.KeReleaseMutex(m, k.FALSE);

// The Exf… forms return the sign of the result (INTERLOCKED_RESULT), not the value.
const n = k.alloc('LONG');
print('increment from 0:', k.ExfInterlockedIncrementLong(n, lock), '(ResultPositive =', k.ResultPositive + ')');
print('decrement to 0:', k.ExfInterlockedDecrementLong(n, lock), '(ResultZero)');
print('decrement below 0:', k.ExfInterlockedDecrementLong(n, lock), '(ResultNegative)');
print('exchange returns the old value:', k.ExfInterlockedExchangeUlong(n, 5, lock), 'now', k.read(n, 'ULONG'));
k.unload();
