// @title ERESOURCE ownership handed to another thread
// @routines ExTryToAcquireResourceExclusiveLite ExSetResourceOwnerPointer ExSetResourceOwnerPointerEx ExReleaseResourceForThreadLite ExEnterCriticalRegionAndAcquireSharedWaitForExclusive ExReleaseResourceAndLeaveCriticalRegion
// @structures ERESOURCE
const r = k.alloc('ERESOURCE');
k.ExInitializeResourceLite(r);
k.KeEnterCriticalRegion();
print('try exclusive:', k.ExTryToAcquireResourceExclusiveLite(r));
// The acquiring thread hands ownership to a request object: the owner becomes that pointer with its two low
// bits set, and whoever completes the request releases it with ExReleaseResourceForThreadLite.
const request = k.alloc(64);
k.ExSetResourceOwnerPointer(r, request);
print('still mine?', k.ExIsResourceAcquiredExclusiveLite(r));
k.startThread('Completion', () => {
  k.ExReleaseResourceForThreadLite(r, BigInt(request) | 3n);
  print('released for the request');
});
await k.settle();
k.ExAcquireResourceSharedLite(r, k.TRUE);
k.ExSetResourceOwnerPointerEx(r, request, 0);
k.ExReleaseResourceForThreadLite(r, BigInt(request) | 3n);
k.KeLeaveCriticalRegion();

await k.ExEnterCriticalRegionAndAcquireSharedWaitForExclusive(r);
print('shared holds:', k.ExIsResourceAcquiredSharedLite(r));
k.ExReleaseResourceAndLeaveCriticalRegion(r);
k.ExDeleteResourceLite(r);
k.unload();
