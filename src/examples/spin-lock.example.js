// @title Spin locks and IRQL
// @routines KeInitializeSpinLock KeAcquireSpinLock KeReleaseSpinLock KeAcquireSpinLockRaiseToDpc KeAcquireSpinLockAtDpcLevel KeReleaseSpinLockFromDpcLevel KeTryToAcquireSpinLockAtDpcLevel KeTestSpinLock KeAcquireSpinLockForDpc KeReleaseSpinLockForDpc
// @structures KSPIN_LOCK
const lock = k.alloc('KSPIN_LOCK');
const oldIrql = k.alloc('KIRQL');
k.KeInitializeSpinLock(lock);

// KeAcquireSpinLock raises to DISPATCH_LEVEL and stores the previous IRQL in *OldIrql.
k.KeAcquireSpinLock(lock, oldIrql);
print('holding: IRQL', k.KeGetCurrentIrql(), 'old IRQL', k.read(oldIrql, 'KIRQL'));
// KeTestSpinLock "returns FALSE if the spin lock is currently being held".
print('test while held:', k.KeTestSpinLock(lock));
k.KeReleaseSpinLock(lock, k.read(oldIrql, 'KIRQL'));
print('released: IRQL', k.KeGetCurrentIrql(), 'test', k.KeTestSpinLock(lock));

// Already at DISPATCH_LEVEL: the AtDpcLevel forms do not change IRQL.
const old = k.KeAcquireSpinLockRaiseToDpc(lock);
k.KeReleaseSpinLockFromDpcLevel(lock);
print('try at DPC level:', k.KeTryToAcquireSpinLockAtDpcLevel(lock), 'then again:', k.KeTryToAcquireSpinLockAtDpcLevel(lock));
k.KeReleaseSpinLockFromDpcLevel(lock);
k.KeAcquireSpinLockAtDpcLevel(lock);
k.KeReleaseSpinLockFromDpcLevel(lock);
k.KeLowerIrql(old);

// The ForDpc pair works from either level and returns the IRQL to restore.
const saved = k.KeAcquireSpinLockForDpc(lock);
print('ForDpc: IRQL', k.KeGetCurrentIrql(), 'saved', saved);
k.KeReleaseSpinLockForDpc(lock, saved);
print('end: IRQL', k.KeGetCurrentIrql());
k.unload();
