// @title Misuse: acquiring a spin lock twice
// @routines KeAcquireSpinLock
// @structures KSPIN_LOCK
const lock = k.alloc('KSPIN_LOCK');
const oldIrql = k.alloc('KIRQL');
k.KeInitializeSpinLock(lock);
k.KeAcquireSpinLock(lock, oldIrql);
print('acquired once at IRQL', k.KeGetCurrentIrql());
// Spin locks are not recursive: the second acquisition would spin forever on a real machine; a checked
// kernel stops with SPIN_LOCK_ALREADY_OWNED (0xF), parameter 1 the lock's address.
k.KeAcquireSpinLock(lock, oldIrql);
print('never printed');
