// @title In-stack queued spin locks
// @routines KeAcquireInStackQueuedSpinLock KeReleaseInStackQueuedSpinLock KeAcquireInStackQueuedSpinLockAtDpcLevel KeReleaseInStackQueuedSpinLockFromDpcLevel KeAcquireInStackQueuedSpinLockForDpc KeReleaseInStackQueuedSpinLockForDpc
// @structures KLOCK_QUEUE_HANDLE
const lock = k.alloc('KSPIN_LOCK');
k.KeInitializeSpinLock(lock);
// The handle lives on the caller's stack; the routine records the previous IRQL in it.
const handle = k.alloc('KLOCK_QUEUE_HANDLE');
k.KeAcquireInStackQueuedSpinLock(lock, handle);
print('IRQL', k.KeGetCurrentIrql(), 'OldIrql in handle', k.get(handle, 'KLOCK_QUEUE_HANDLE', 'OldIrql'));
k.KeReleaseInStackQueuedSpinLock(handle);
print('released: IRQL', k.KeGetCurrentIrql(), 'lock free', k.KeTestSpinLock(lock));

const old = k.KeRaiseIrqlToDpcLevel();
k.KeAcquireInStackQueuedSpinLockAtDpcLevel(lock, handle);
k.KeReleaseInStackQueuedSpinLockFromDpcLevel(handle);
k.KeLowerIrql(old);

k.KeAcquireInStackQueuedSpinLockForDpc(lock, handle);
print('ForDpc: IRQL', k.KeGetCurrentIrql());
k.KeReleaseInStackQueuedSpinLockForDpc(handle);
print('end: IRQL', k.KeGetCurrentIrql());
k.unload();
