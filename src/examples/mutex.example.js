// @title Kernel mutexes (KMUTEX): ownership and recursion
// @routines KeInitializeMutex KeReleaseMutex KeReadStateMutex KeWaitForSingleObject
// @structures KMUTEX
const m = k.alloc('KMUTEX');
k.KeInitializeMutex(m, 0);
print('initial state', k.KeReadStateMutex(m));
await k.KeWaitForSingleObject(m, k.Executive, k.KernelMode, k.FALSE, null);
// The owner may acquire it again; each acquisition needs a release.
await k.KeWaitForSingleObject(m, k.Executive, k.KernelMode, k.FALSE, null);
print('owned twice: state', k.KeReadStateMutex(m), 'owner is me', k.get(m, 'KMUTEX', 'OwnerThread') === k.KeGetCurrentThread());

k.startThread('Other', async () => {
  await k.KeWaitForSingleObject(m, k.Executive, k.KernelMode, k.FALSE, null);
  print('Other owns it now');
  k.KeReleaseMutex(m, k.FALSE);
});
await k.settle();
print('first release returned', k.KeReleaseMutex(m, k.FALSE));
await k.settle();
// "If the return value is zero, the mutex object was released and attained a state of signaled."
print('second release returned', k.KeReleaseMutex(m, k.FALSE));
await k.settle();
print('final state', k.KeReadStateMutex(m));
k.unload();
