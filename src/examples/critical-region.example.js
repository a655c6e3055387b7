// @title Critical and guarded regions
// @routines KeEnterCriticalRegion KeLeaveCriticalRegion KeAreApcsDisabled KeAreAllApcsDisabled ExEnterCriticalRegionAndAcquireResourceExclusive ExEnterCriticalRegionAndAcquireResourceShared ExReleaseResourceAndLeaveCriticalRegion KeGetCurrentThread
// "KeAreApcsDisabled returns TRUE if the thread is within a critical region or a guarded region, and FALSE otherwise."
print('at start:', k.KeAreApcsDisabled());
k.KeEnterCriticalRegion();
print('in a critical region:', k.KeAreApcsDisabled(), 'all APCs disabled:', k.KeAreAllApcsDisabled());
k.KeLeaveCriticalRegion();
k.KeEnterGuardedRegion();
print('in a guarded region:', k.KeAreApcsDisabled(), 'all APCs disabled:', k.KeAreAllApcsDisabled());
k.KeLeaveGuardedRegion();

const r = k.alloc('ERESOURCE');
k.ExInitializeResourceLite(r);
// One call enters the critical region and acquires; one call releases and leaves.
await k.ExEnterCriticalRegionAndAcquireResourceExclusive(r);
print('exclusive owner, APCs disabled:', k.ExIsResourceAcquiredExclusiveLite(r), k.KeAreApcsDisabled());
k.ExReleaseResourceAndLeaveCriticalRegion(r);
await k.ExEnterCriticalRegionAndAcquireResourceShared(r);
k.ExReleaseResourceAndLeaveCriticalRegion(r);
print('after release:', k.KeAreApcsDisabled());
k.ExDeleteResourceLite(r);
print('thread object:', k.KeGetCurrentThread() !== 0);
k.unload();
