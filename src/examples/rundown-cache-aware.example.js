// @title Cache-aware run-down protection across two processors
// @routines ExSizeOfRundownProtectionCacheAware ExAllocateCacheAwareRundownProtection ExInitializeRundownProtectionCacheAware ExInitializeRundownProtectionCacheAwareEx ExAcquireRundownProtectionCacheAware ExAcquireRundownProtectionCacheAwareEx ExReleaseRundownProtectionCacheAware ExReleaseRundownProtectionCacheAwareEx ExWaitForRundownProtectionReleaseCacheAware ExRundownCompletedCacheAware ExReInitializeRundownProtectionCacheAware ExFreeCacheAwareRundownProtection
// @structures EX_RUNDOWN_REF_CACHE_AWARE
// The layout is not public: here a 64-byte header plus one cache line per processor (2 processors).
print('size:', k.ExSizeOfRundownProtectionCacheAware());

// Caller-allocated form: ExInitializeRundownProtectionCacheAware(RunRefCacheAware, RunRefSize).
const own = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, k.ExSizeOfRundownProtectionCacheAware(), k.tag('RunC'));
k.ExInitializeRundownProtectionCacheAware(own, k.ExSizeOfRundownProtectionCacheAware());
k.ExInitializeRundownProtectionCacheAwareEx(own, 0);
print('acquire on own block:', k.ExAcquireRundownProtectionCacheAware(own));
k.ExReleaseRundownProtectionCacheAware(own);
k.ExFreePool(own);

// Pool-allocated form.
const ref = k.ExAllocateCacheAwareRundownProtection(k.NonPagedPoolNx, k.tag('RunR'));
print('acquire on processor', k.KeGetCurrentProcessorNumber(), ':', k.ExAcquireRundownProtectionCacheAware(ref));
k.startThread('OnCpu1', async () => {
  print('acquire 3 on processor', k.KeGetCurrentProcessorNumber(), ':', k.ExAcquireRundownProtectionCacheAwareEx(ref, 3));
  await k.KeDelayExecutionThread(k.KernelMode, k.FALSE, -500n);
  k.ExReleaseRundownProtectionCacheAwareEx(ref, 3);
  k.ExReleaseRundownProtectionCacheAware(ref);
});
await k.settle();
await k.ExWaitForRundownProtectionReleaseCacheAware(ref);
print('all protections released at t =', k.time);
// Once run-down has started, acquisitions fail until re-initialisation.
print('acquire after run-down:', k.ExAcquireRundownProtectionCacheAware(ref));
k.ExRundownCompletedCacheAware(ref);
k.ExReInitializeRundownProtectionCacheAware(ref);
print('acquire after re-initialisation:', k.ExAcquireRundownProtectionCacheAware(ref));
k.ExReleaseRundownProtectionCacheAware(ref);
k.ExFreeCacheAwareRundownProtection(ref);
k.unload();
