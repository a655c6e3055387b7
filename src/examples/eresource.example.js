// @title ERESOURCE: many readers or one writer
// @routines ExInitializeResourceLite ExAcquireResourceSharedLite ExAcquireResourceExclusiveLite ExReleaseResourceLite ExIsResourceAcquiredExclusiveLite ExIsResourceAcquiredSharedLite ExGetExclusiveWaiterCount ExGetSharedWaiterCount ExConvertExclusiveToSharedLite ExAcquireSharedStarveExclusive ExAcquireSharedWaitForExclusive ExReleaseResourceForThreadLite ExGetCurrentResourceThread ExReinitializeResourceLite ExDeleteResourceLite
// @structures ERESOURCE
const r = k.alloc('ERESOURCE');
print('init:', hex(k.ExInitializeResourceLite(r)));
// Callers must disable normal kernel APCs before acquiring a resource.
k.KeEnterCriticalRegion();
print('shared:', k.ExAcquireResourceSharedLite(r, k.TRUE));

k.startThread('Writer', async () => {
  k.KeEnterCriticalRegion();
  await k.ExAcquireResourceExclusiveLite(r, k.TRUE);
  print('Writer has it exclusively:', k.ExIsResourceAcquiredExclusiveLite(r));
  // Converting lets waiting readers in while the writer keeps a shared hold.
  k.ExConvertExclusiveToSharedLite(r);
  k.ExReleaseResourceLite(r);
  k.KeLeaveCriticalRegion();
});
await k.settle();
print('exclusive waiters', k.ExGetExclusiveWaiterCount(r), 'shared waiters', k.ExGetSharedWaiterCount(r));

k.startThread('Reader', async () => {
  k.KeEnterCriticalRegion();
  // With a writer waiting, Wait = FALSE fails; the StarveExclusive form still gets in.
  print('Reader shared, no wait:', k.ExAcquireResourceSharedLite(r, k.FALSE));
  print('Reader starve exclusive:', k.ExAcquireSharedStarveExclusive(r, k.FALSE));
  k.ExReleaseResourceForThreadLite(r, k.ExGetCurrentResourceThread());
  await k.ExAcquireSharedWaitForExclusive(r, k.TRUE);
  print('Reader got in after the writer');
  k.ExReleaseResourceLite(r);
  k.KeLeaveCriticalRegion();
});
await k.settle();
// "returns the number of times the caller has acquired the given resource for shared or exclusive access"
print('my holds:', k.ExIsResourceAcquiredSharedLite(r));
k.ExReleaseResourceLite(r);
await k.settle();
k.KeLeaveCriticalRegion();
print('reinit:', hex(k.ExReinitializeResourceLite(r)));
print('delete:', hex(k.ExDeleteResourceLite(r)));
k.unload();
