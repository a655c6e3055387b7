// @title Guarded mutexes
// @routines KeInitializeGuardedMutex KeAcquireGuardedMutex KeReleaseGuardedMutex KeTryToAcquireGuardedMutex KeAcquireGuardedMutexUnsafe KeReleaseGuardedMutexUnsafe KeEnterGuardedRegion KeLeaveGuardedRegion
// @structures KGUARDED_MUTEX
const m = k.alloc('KGUARDED_MUTEX');
k.KeInitializeGuardedMutex(m);
await k.KeAcquireGuardedMutex(m);
// Holding a guarded mutex puts the thread in a guarded region: all APCs are disabled.
print('all APCs disabled:', k.KeAreAllApcsDisabled());
k.startThread('Other', () => print('Other try:', k.KeTryToAcquireGuardedMutex(m)));
await k.settle();
k.KeReleaseGuardedMutex(m);
print('after release, APCs disabled:', k.KeAreAllApcsDisabled());

k.KeEnterGuardedRegion();
await k.KeAcquireGuardedMutexUnsafe(m);
k.KeReleaseGuardedMutexUnsafe(m);
k.KeLeaveGuardedRegion();
print('try when free:', k.KeTryToAcquireGuardedMutex(m));
k.KeReleaseGuardedMutex(m);
k.unload();
