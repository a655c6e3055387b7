// @title Run-down protection: using an object until it is torn down
// @routines ExInitializeRundownProtection ExAcquireRundownProtection ExReleaseRundownProtection ExAcquireRundownProtectionEx ExReleaseRundownProtectionEx ExWaitForRundownProtectionRelease ExRundownCompleted ExReInitializeRundownProtection
// @structures EX_RUNDOWN_REF
const ref = k.alloc('EX_RUNDOWN_REF');
k.ExInitializeRundownProtection(ref);

// ExAcquireRundownProtection: "returns TRUE if the routine successfully acquires run-down protection for the caller".
print('acquire:', k.ExAcquireRundownProtection(ref));
print('acquire 2 more:', k.ExAcquireRundownProtectionEx(ref, 2));

// A worker thread still uses the object for 1 ms, then drops its protection.
k.startThread('Worker', async () => {
  await k.KeDelayExecutionThread(k.KernelMode, k.FALSE, -10000n);
  k.ExReleaseRundownProtectionEx(ref, 2);
  print('worker released at t =', k.time);
});

k.ExReleaseRundownProtection(ref);
// ExWaitForRundownProtectionRelease "waits until all drivers that have already been granted run-down
// protection complete their accesses to the shared object": the main thread blocks until the worker releases.
await k.ExWaitForRundownProtectionRelease(ref);
print('run-down finished at t =', k.time);

// "A return value of FALSE indicates that the run down of the object has started and that the object must
// be treated as invalid."
print('acquire after run-down:', k.ExAcquireRundownProtection(ref));
k.ExRundownCompleted(ref);

// ExReInitializeRundownProtection makes the block usable for a new object.
k.ExReInitializeRundownProtection(ref);
print('acquire after re-initialisation:', k.ExAcquireRundownProtection(ref));
k.ExReleaseRundownProtection(ref);
k.unload();
