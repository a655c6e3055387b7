// @title High-resolution timers (EX_TIMER)
// @routines ExAllocateTimer ExSetTimer ExCancelTimer ExDeleteTimer ExInitializeSetTimerParameters ExInitializeDeleteTimerParameters ExQueryTimerResolution ExSetTimerResolution
// @structures EXT_SET_PARAMETERS EXT_DELETE_PARAMETERS
let fired = 0;
function OnTimer(Timer, Context) {
  fired++;
  print('  callback', fired, 'at t =', k.time, 'IRQL', k.KeGetCurrentIrql(), 'context', Context);
}
const timer = k.ExAllocateTimer(OnTimer, 7, k.EX_TIMER_HIGH_RESOLUTION);
const params = k.alloc('EXT_SET_PARAMETERS');
k.ExInitializeSetTimerParameters(params);
// Period is in 100-ns units: every 0.5 ms after the first expiry at 1 ms.
print('ExSetTimer returned', k.ExSetTimer(timer, -10000n, 5000n, params));
k.advanceTime(20000n);
// ExCancelTimer "returns TRUE if the timer was pending".
print('cancel:', k.ExCancelTimer(timer, 0));
print('cancel again:', k.ExCancelTimer(timer, 0));

const del = k.alloc('EXT_DELETE_PARAMETERS');
k.ExInitializeDeleteTimerParameters(del);
print('delete:', k.ExDeleteTimer(timer, k.TRUE, k.FALSE, del));

const max = k.alloc('ULONG'), min = k.alloc('ULONG'), cur = k.alloc('ULONG');
k.ExQueryTimerResolution(max, min, cur);
print('resolution max/min/current:', k.read(max, 'ULONG'), k.read(min, 'ULONG'), k.read(cur, 'ULONG'));
print('set resolution 1 ms:', k.ExSetTimerResolution(10000, k.TRUE));
k.unload();
