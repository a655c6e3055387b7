// @title Threaded DPCs, coalescable timers and try-locks at DISPATCH_LEVEL
// @routines KeInitializeThreadedDpc KeIsExecutingDpc KeSetCoalescableTimer KefReleaseSpinLockFromDpcLevel ExTryAcquireSpinLockSharedAtDpcLevel ExTryAcquireSpinLockExclusiveAtDpcLevel
const lock = k.alloc('KSPIN_LOCK');
k.KeInitializeSpinLock(lock);
const rw = k.alloc('EX_SPIN_LOCK');
const timer = k.alloc('KTIMER');
const dpc = k.alloc('KDPC');
function Work(Dpc, Context) {
  print('  in the DPC:', k.KeIsExecutingDpc(), 'IRQL', k.KeGetCurrentIrql(), 't =', k.time);
  k.KeAcquireSpinLockAtDpcLevel(lock);
  k.KefReleaseSpinLockFromDpcLevel(lock);
  print('  shared try:', k.ExTryAcquireSpinLockSharedAtDpcLevel(rw), 'exclusive try while shared:', k.ExTryAcquireSpinLockExclusiveAtDpcLevel(rw));
  k.ExReleaseSpinLockSharedFromDpcLevel(rw);
}
// Threaded DPCs run at DISPATCH_LEVEL here, as Windows runs them when threaded DPCs are disabled.
k.KeInitializeThreadedDpc(dpc, Work, 0);
k.KeInitializeTimer(timer);
// KeIsExecutingDpc is callable at DISPATCH_LEVEL: raised by a thread, it is not in a DPC.
const old = k.KeRaiseIrqlToDpcLevel();
print('at DISPATCH_LEVEL outside a DPC:', k.KeIsExecutingDpc());
k.KeLowerIrql(old);
// A coalescable timer may fire up to TolerableDelay ms late; the virtual clock fires it on time.
print('set:', k.KeSetCoalescableTimer(timer, -20000n, 0, 50, dpc));
k.advanceTime(20000n);
k.unload();
