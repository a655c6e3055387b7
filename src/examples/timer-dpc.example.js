// @title Timers and DPCs on the virtual clock
// @routines KeInitializeTimer KeInitializeTimerEx KeSetTimer KeSetTimerEx KeCancelTimer KeReadStateTimer KeInitializeDpc KeInsertQueueDpc KeRemoveQueueDpc KeSetImportanceDpc KeSetTargetProcessorDpc KeSetTargetProcessorDpcEx KeFlushQueuedDpcs KeDelayExecutionThread
// @structures KTIMER KDPC
const timer = k.alloc('KTIMER');
const dpc = k.alloc('KDPC');
function TimerDpc(Dpc, DeferredContext, SystemArgument1, SystemArgument2) {
  print('  DPC at t =', k.time, 'IRQL', k.KeGetCurrentIrql(), 'processor', k.KeGetCurrentProcessorNumber(), 'context', DeferredContext);
}
k.KeInitializeTimer(timer);
k.KeInitializeDpc(dpc, TimerDpc, 42);
k.KeSetTargetProcessorDpc(dpc, 1);
k.KeSetImportanceDpc(dpc, k.HighImportance);

// DueTime is negative: relative, in 100-ns units (1 ms = 10,000).
print('KeSetTimer returned', k.KeSetTimer(timer, -10000n, dpc));
// "If the timer object was already in the system timer queue, KeSetTimer returns TRUE."
print('set again returned', k.KeSetTimer(timer, -20000n, dpc));
k.advanceTime(15000n);
print('at 1.5 ms signaled:', k.KeReadStateTimer(timer));
k.advanceTime(5000n);
print('at 2 ms signaled:', k.KeReadStateTimer(timer));

// A periodic synchronization timer, waited on by the main thread.
const tick = k.alloc('KTIMER');
k.KeInitializeTimerEx(tick, k.SynchronizationTimer);
k.KeSetTimerEx(tick, -5000n, 1, 0);
for (let i = 0; i < 3; i++) {
  await k.KeWaitForSingleObject(tick, k.Executive, k.KernelMode, k.FALSE, null);
  print('tick at t =', k.time);
}
// "If the specified timer object is in the system timer queue, KeCancelTimer returns TRUE."
print('cancel periodic:', k.KeCancelTimer(tick), 'cancel idle:', k.KeCancelTimer(timer));

// Queue a DPC while at DISPATCH_LEVEL on its own processor, remove it, queue it again.
const processor = k.alloc(4); // PROCESSOR_NUMBER { Group 0, Number 0 }
print('target processor 0:', hex(k.KeSetTargetProcessorDpcEx(dpc, processor)));
const old = k.KeRaiseIrqlToDpcLevel();
print('insert:', k.KeInsertQueueDpc(dpc, 0, 0), 'insert again:', k.KeInsertQueueDpc(dpc, 0, 0), 'remove:', k.KeRemoveQueueDpc(dpc));
k.KeInsertQueueDpc(dpc, 0, 0);
k.KeLowerIrql(old);
k.KeFlushQueuedDpcs();
await k.KeDelayExecutionThread(k.KernelMode, k.FALSE, -1000n);
print('end at t =', k.time);
k.unload();
