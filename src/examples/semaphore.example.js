// @title Semaphores and waiting on several objects
// @routines KeInitializeSemaphore KeReleaseSemaphore KeReadStateSemaphore KeWaitForMultipleObjects
// @structures KSEMAPHORE
const slots = k.alloc('KSEMAPHORE');
k.KeInitializeSemaphore(slots, 2, 2);
const stop = k.alloc('KEVENT');
k.KeInitializeEvent(stop, k.NotificationEvent, k.FALSE);
const objects = k.alloc('PVOID', { count: 2 });
k.write(objects, 'PVOID', slots);
k.write(objects + 8, 'PVOID', stop);

for (const name of ['A', 'B', 'C']) {
  k.startThread(name, async () => {
    // WaitAny: the status is STATUS_WAIT_0 + the index of the object that satisfied the wait.
    const status = await k.KeWaitForMultipleObjects(2, objects, k.WaitAny, k.Executive, k.KernelMode, k.FALSE, null, 0);
    print(name, status === k.STATUS_WAIT_0 ? 'got a slot' : 'was told to stop');
  });
}
await k.settle();
print('count now', k.KeReadStateSemaphore(slots));
// "If the return value is zero, the previous state of the semaphore object is not-signaled."
print('KeReleaseSemaphore returned', k.KeReleaseSemaphore(slots, k.SEMAPHORE_INCREMENT, 1, k.FALSE));
await k.settle();
// Releasing past the limit raises STATUS_SEMAPHORE_LIMIT_EXCEEDED.
k.KeReleaseSemaphore(slots, 0, 2, k.FALSE);
try {
  k.KeReleaseSemaphore(slots, 0, 1, k.FALSE);
} catch (e) {
  print('raised', hex(e.status), 'count stays', k.KeReadStateSemaphore(slots));
}
k.unload();
