// @title Remove locks: letting in-flight I/O finish before a device is removed
// @routines IoInitializeRemoveLock IoAcquireRemoveLock IoReleaseRemoveLock IoReleaseRemoveLockAndWait IoInitializeRemoveLockEx IoAcquireRemoveLockEx IoReleaseRemoveLockEx IoReleaseRemoveLockAndWaitEx
// @structures IO_REMOVE_LOCK
const lock = k.alloc('IO_REMOVE_LOCK');
k.IoInitializeRemoveLock(lock, k.tag('RmLk'), 0, 0);
const count = () => k.get(lock, 'IO_REMOVE_LOCK', 'Common.IoCount');
print('initial IoCount:', count());

// An I/O request holds the lock while it is being processed (its IRP is the usual Tag).
k.startThread('Io', async () => {
  const irp = 0x1111;
  print('Io: acquire', k.IoAcquireRemoveLock(lock, irp), 'IoCount', count());
  await k.KeDelayExecutionThread(k.KernelMode, k.FALSE, -10000n); // 1 ms of work
  k.IoReleaseRemoveLock(lock, irp);
  print('Io: released at t =', k.time);
});
await k.settle();

// IRP_MN_REMOVE_DEVICE: acquire, then release and wait. IoReleaseRemoveLockAndWait "releases a remove lock
// that the driver acquired in a previous call to IoAcquireRemoveLock, and waits until all acquisitions of the
// lock have been released".
const removeIrp = 0x2222;
print('remove: acquire', k.IoAcquireRemoveLock(lock, removeIrp));
await k.IoReleaseRemoveLockAndWait(lock, removeIrp);
print('remove: all I/O finished at t =', k.time, 'IoCount', count());
// After removal, IoAcquireRemoveLock returns STATUS_DELETE_PENDING.
print('acquire after removal:', hex(k.IoAcquireRemoveLock(lock, 0x3333)));

// The Ex forms underneath the macros, with an explicit size of the structure.
const lock2 = k.alloc('IO_REMOVE_LOCK');
const size = k.sizeof('IO_REMOVE_LOCK');
k.IoInitializeRemoveLockEx(lock2, k.tag('RmLk'), 0, 0, size);
print('Ex: acquire', k.IoAcquireRemoveLockEx(lock2, 0x10, 'remove-lock.example.js', 37, size));
k.IoReleaseRemoveLockEx(lock2, 0x10, size);
k.IoAcquireRemoveLockEx(lock2, 0x20, 'remove-lock.example.js', 39, size);
await k.IoReleaseRemoveLockAndWaitEx(lock2, 0x20, size);
print('Ex: removed', k.get(lock2, 'IO_REMOVE_LOCK', 'Common.Removed'));
