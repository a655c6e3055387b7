/**
 * EX_TIMER, the high-resolution timer object: ExAllocateTimer, ExSetTimer, ExCancelTimer, ExDeleteTimer,
 * ExInitializeSetTimerParameters, ExInitializeDeleteTimerParameters, ExQueryTimerResolution,
 * ExSetTimerResolution. The callback (ExTimerCallback(Timer, Context)) runs at DISPATCH_LEVEL from a DPC
 * when the timer expires; the timer is also a notification object a thread can wait on. DueTime and Period
 * are LONGLONG (bigint) in 100-ns units, DueTime negative relative / positive absolute, Period 0 for a
 * one-shot timer. ExSetTimer and ExCancelTimer return TRUE when the timer was pending (and is cancelled);
 * ExDeleteTimer returns TRUE when it cancelled a pending timer; with Cancel FALSE a pending one-shot timer is
 * deleted once it has expired. A timer still allocated at unload is reported, since the system would call
 * into the unloaded driver. EX_TIMER's layout is not public: it is an opaque 0x100-byte block here.
 */
import { allocatePool, freePool } from './ex-pool.ts';
import type { TimerEntry } from './kernel.ts';
import { defineModule } from './module.ts';

interface ExTimer {
  address: number;
  callback: Function | null;
  context: number;
  entry: TimerEntry | null;
  signaled: boolean;
  deleteWhenDone: { callback: Function | null; context: number } | null;
}

export default defineModule({
  name: 'ex-timer',
  layouts: {
    EX_TIMER: { opaque: { size: 0x100, align: 16 } },
    EXT_SET_PARAMETERS: [['Version', 'ULONG'], ['Reserved', 'ULONG'], ['NoWakeTolerance', 'LONGLONG']],
    EXT_DELETE_PARAMETERS: [['Version', 'ULONG'], ['Reserved', 'ULONG'], ['DeleteCallback', 'PVOID'], ['DeleteContext', 'PVOID']],
  },
  constants: { EX_TIMER_HIGH_RESOLUTION: 0x4, EX_TIMER_NO_WAKE: 0x8, EX_TIMER_NOTIFICATION: 0x80000000, EX_TIMER_UNLIMITED_TOLERANCE: -1n },
  routines: (sys) => {
    const ctx = sys.ctx;
    const timers = new Map<number, ExTimer>();
    const deleteCallbacks = new Map<number, Function>();
    const timer = (p: number, routine: string) => {
      ctx.object(p, 'EX_TIMER', routine);
      return timers.get(p)!;
    };
    const cancel = (t: ExTimer) => {
      if (!t.entry) return 0;
      ctx.cancelTimer(t.entry);
      t.entry = null;
      return 1;
    };
    const destroy = (t: ExTimer, routine: string) => {
      timers.delete(t.address);
      ctx.unregister(t.address);
      freePool(sys, t.address, routine, null);
      const done = t.deleteWhenDone;
      if (done?.callback) done.callback(done.context);
    };
    const arm = (t: ExTimer, due: bigint, period: bigint) => {
      t.entry = ctx.addTimer(ctx.dueTime(due), `EX_TIMER 0x${t.address.toString(16)}`, () => {
        t.entry = null;
        t.signaled = true;
        ctx.signal(t.address);
        if (period > 0n) arm(t, -period, period);
        ctx.queueDpc(ctx.cpu().number, {
          label: t.callback?.name || `EX_TIMER 0x${t.address.toString(16)} callback`,
          run: () => {
            t.callback?.(t.address, t.context);
            if (t.deleteWhenDone && !t.entry && timers.has(t.address)) destroy(t, 'ExDeleteTimer');
          },
        });
      });
    };
    return {
      /** Returns the timer, or NULL when the pool is exhausted. */
      ExAllocateTimer(Callback: Function | null, CallbackContext: number, Attributes: number) {
        const p = allocatePool(sys, { routine: 'ExAllocateTimer', paged: false, poolType: 512, bytes: 0x100, tag: 0x656d6954 /* 'Time' */, zero: true, raise: false });
        if (!p) return 0;
        const t: ExTimer = { address: p, callback: Callback ?? null, context: CallbackContext ?? 0, entry: null, signaled: false, deleteWhenDone: null };
        timers.set(p, t);
        ctx.register({ type: 'EX_TIMER', address: p, describe: () => ({ queued: t.entry !== null, due: t.entry?.due ?? null, signaled: t.signaled, attributes: Attributes }) });
        ctx.waitables.set(p, { type: 'EX_TIMER', address: p, signaled: () => t.signaled, acquire: () => undefined });
        return p;
      },
      ExSetTimer(Timer: number, DueTime: bigint, Period: bigint, _Parameters: number) {
        const t = timer(Timer, 'ExSetTimer');
        const was = cancel(t);
        t.signaled = false;
        arm(t, BigInt(DueTime), BigInt(Period ?? 0n));
        return was;
      },
      ExCancelTimer: (Timer: number, _Parameters: number) => cancel(timer(Timer, 'ExCancelTimer')),
      ExDeleteTimer(Timer: number, Cancel: number, Wait: number, Parameters: number) {
        const t = timer(Timer, 'ExDeleteTimer');
        // The page's rule is in its remarks: IRQL <= APC_LEVEL with Wait = TRUE, <= DISPATCH_LEVEL otherwise.
        const max = Wait ? 1 : 2;
        if (ctx.irql > max) ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, ctx.irql, 0, 0], `ExDeleteTimer was called at IRQL ${ctx.irql} with Wait = ${Wait ? 'TRUE' : 'FALSE'}; the limit is ${Wait ? 'APC_LEVEL' : 'DISPATCH_LEVEL'}.`);
        const callback = Parameters ? (ctx.codeAt(sys.get(Parameters, 'EXT_DELETE_PARAMETERS', 'DeleteCallback') as number) ?? deleteCallbacks.get(Parameters) ?? null) : null;
        const context = Parameters ? (sys.get(Parameters, 'EXT_DELETE_PARAMETERS', 'DeleteContext') as number) : 0;
        t.deleteWhenDone = { callback, context };
        const cancelled = Cancel ? cancel(t) : 0;
        if (!t.entry) destroy(t, 'ExDeleteTimer');
        return cancelled;
      },
      ExInitializeSetTimerParameters(Parameters: number) {
        sys.set(Parameters, 'EXT_SET_PARAMETERS', 'Version', 0);
        sys.set(Parameters, 'EXT_SET_PARAMETERS', 'Reserved', 0);
        sys.set(Parameters, 'EXT_SET_PARAMETERS', 'NoWakeTolerance', -1n);
      },
      ExInitializeDeleteTimerParameters(Parameters: number) {
        sys.set(Parameters, 'EXT_DELETE_PARAMETERS', 'Version', 0);
        sys.set(Parameters, 'EXT_DELETE_PARAMETERS', 'Reserved', 0);
        sys.set(Parameters, 'EXT_DELETE_PARAMETERS', 'DeleteCallback', 0);
        sys.set(Parameters, 'EXT_DELETE_PARAMETERS', 'DeleteContext', 0);
      },
      /** The clock interval, 15.625 ms (156,250 in 100-ns units), and the finest the system supports, 0.5 ms. */
      ExQueryTimerResolution(MaximumTime: number, MinimumTime: number, CurrentTime: number) {
        if (MaximumTime) sys.mem.write(MaximumTime, 'ULONG', 156250);
        if (MinimumTime) sys.mem.write(MinimumTime, 'ULONG', 5000);
        if (CurrentTime) sys.mem.write(CurrentTime, 'ULONG', 156250);
      },
      /** The virtual clock has no tick: the resolution requested is reported back within the supported range. */
      ExSetTimerResolution(DesiredTime: number, SetResolution: number) {
        return SetResolution ? Math.min(156250, Math.max(5000, DesiredTime >>> 0)) : 156250;
      },
    };
  },
  helpers: (sys) => ({
    /** Stores a JavaScript delete callback in an EXT_DELETE_PARAMETERS (a function pointer field). */
    setDeleteTimerCallback(Parameters: number, callback: Function) {
      sys.set(Parameters, 'EXT_DELETE_PARAMETERS', 'DeleteCallback', sys.ctx.codeAddress(callback));
    },
  }),
  unload: (sys) => {
    for (const o of sys.ctx.objects.values()) {
      if (o.type === 'EX_TIMER') {
        sys.ctx.bugcheck('DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS', [o.address, 0, 0, 0],
          `The driver unloaded with the EX_TIMER at 0x${o.address.toString(16)} not deleted; every ExAllocateTimer needs an ExDeleteTimer.`, 'unload');
      }
    }
  },
});
