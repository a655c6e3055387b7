// @title Fast mutexes
// @routines ExInitializeFastMutex ExAcquireFastMutex ExReleaseFastMutex ExTryToAcquireFastMutex ExAcquireFastMutexUnsafe ExReleaseFastMutexUnsafe
// @structures FAST_MUTEX
const m = k.alloc('FAST_MUTEX');
k.ExInitializeFastMutex(m);
await k.ExAcquireFastMutex(m);
// ExAcquireFastMutex "puts the caller into a critical region" at APC_LEVEL.
print('holding at IRQL', k.KeGetCurrentIrql());
k.startThread('Contender', async () => {
  // "ExTryToAcquireFastMutex returns TRUE if the current thread is given ownership of the fast mutex."
  print('Contender try:', k.ExTryToAcquireFastMutex(m));
  await k.ExAcquireFastMutex(m);
  print('Contender acquired at t =', k.time);
  k.ExReleaseFastMutex(m);
});
await k.settle();
await k.KeDelayExecutionThread(k.KernelMode, k.FALSE, -1000n);
k.ExReleaseFastMutex(m);
print('released at IRQL', k.KeGetCurrentIrql());
await k.settle();

// The Unsafe forms leave IRQL alone: the caller disables APCs itself.
k.KeEnterCriticalRegion();
await k.ExAcquireFastMutexUnsafe(m);
print('unsafe hold at IRQL', k.KeGetCurrentIrql());
k.ExReleaseFastMutexUnsafe(m);
k.KeLeaveCriticalRegion();
k.unload();
