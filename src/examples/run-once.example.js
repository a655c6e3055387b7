// @title One-time initialisation with RTL_RUN_ONCE
// @routines RtlRunOnceInitialize RtlRunOnceExecuteOnce RtlRunOnceBeginInitialize RtlRunOnceComplete
// @structures RTL_RUN_ONCE
const once = k.alloc('RTL_RUN_ONCE');
k.RtlRunOnceInitialize(once);
let calls = 0;
// The RunOnceInitialization routine publishes the initialised data through Context and returns TRUE.
const init = (runOnce, parameter, context) => {
  calls++;
  print(`  ${k.PsGetCurrentThreadId() === tidMain ? 'main' : 'T2'} runs the initialisation`);
  k.write(context, 'PVOID', parameter);
  return k.TRUE;
};
const tidMain = k.PsGetCurrentThreadId();
const ctx1 = k.alloc('PVOID');
const ctx2 = k.alloc('PVOID');
k.startThread('T2', async () => {
  print('T2:', await k.RtlRunOnceExecuteOnce(once, init, 0x2000, ctx2), hex(k.read(ctx2, 'PVOID')));
});
print('main:', await k.RtlRunOnceExecuteOnce(once, init, 0x1000, ctx1), hex(k.read(ctx1, 'PVOID')));
await k.settle();
// "The RunOnceInitialization routine will not be called twice for the same RTL_RUN_ONCE structure."
print('initialisation ran', calls, 'time(s)');

// The same protocol by hand. RtlRunOnceBeginInitialize returns STATUS_PENDING to the caller that must
// initialise, STATUS_SUCCESS (with the data in *Context) once it is done.
const manual = k.alloc('RTL_RUN_ONCE');
k.RtlRunOnceInitialize(manual);
const ctx = k.alloc('PVOID');
print('check only, before:', hex(await k.RtlRunOnceBeginInitialize(manual, k.RTL_RUN_ONCE_CHECK_ONLY, ctx)));
print('begin:', hex(await k.RtlRunOnceBeginInitialize(manual, 0, ctx)));
// A second thread that begins now waits until the first completes.
k.startThread('T3', async () => {
  const mine = k.alloc('PVOID');
  print('T3 begin:', hex(await k.RtlRunOnceBeginInitialize(manual, 0, mine)), hex(k.read(mine, 'PVOID')));
});
await k.settle();
print('main completes with 0x4000:', k.RtlRunOnceComplete(manual, 0, 0x4000));
await k.settle();
// "If RtlRunOnceComplete returns STATUS_SUCCESS, any subsequent call to RtlRunOnceBeginInitialize for the same
// RTL_RUN_ONCE structure supplies Context as the initialized data."
print('begin again:', hex(await k.RtlRunOnceBeginInitialize(manual, 0, ctx)), hex(k.read(ctx, 'PVOID')));
// Completing twice: "The operation could not be completed."
print('complete again:', hex(k.RtlRunOnceComplete(manual, 0, 0x8000)));
