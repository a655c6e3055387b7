/**
 * KTIMER on the virtual clock: KeInitializeTimer, KeInitializeTimerEx, KeSetTimer, KeSetTimerEx,
 * KeSetCoalescableTimer, KeCancelTimer, KeReadStateTimer. DueTime is a LARGE_INTEGER by value (bigint):
 * negative is relative to now, positive an absolute system time, both in 100-ns units; Period is in
 * milliseconds. At expiry the timer is signaled (a notification timer stays signaled, a synchronization
 * timer releases one waiter and resets) and its DPC, if any, is queued. KeSetTimer(Ex) "returns TRUE if the
 * timer object was already in the system timer queue" (it is cancelled first); KeCancelTimer returns TRUE
 * if the timer was in the queue. Setting a timer makes it not signaled.
 * Layout (wdm.h, x64): Header, DueTime, TimerListEntry, Dpc, Processor, Period — 0x40 bytes.
 */
import { KOBJECTS, initHeader, setSignalState, signalState } from './dispatcher.ts';
import type { TimerEntry } from './kernel.ts';
import { insertDpc } from './kdpc.ts';
import { defineModule } from './module.ts';

export default defineModule({
  name: 'ktimer',
  layouts: {
    KTIMER: [['Header', 'DISPATCHER_HEADER'], ['DueTime', 'ULARGE_INTEGER'], ['TimerListEntry', 'LIST_ENTRY'], ['Dpc', 'PKDPC'],
      ['Processor', 'ULONG'], ['Period', 'ULONG']],
  },
  constants: { NotificationTimer: 0, SynchronizationTimer: 1 },
  routines: (sys) => {
    const ctx = sys.ctx;
    const pending = new Map<number, TimerEntry>();
    const init = (t: number, type: number) => {
      const sync = type === 1;
      sys.set(t, 'KTIMER', 'DueTime', 0n);
      sys.set(t, 'KTIMER', 'Dpc', 0);
      sys.set(t, 'KTIMER', 'Period', 0);
      // Re-initialising a queued timer does not take it off the timer queue: it still expires and runs the DPC
      // it was set with (what Windows does, as Wine's tests observe).
      initHeader(sys, t, {
        type: 'KTIMER', headerType: sync ? KOBJECTS.TimerSynchronizationObject : KOBJECTS.TimerNotificationObject,
        size: sys.layouts.get('KTIMER').size, state: 0,
        signaled: () => signalState(sys, t) > 0,
        acquire: () => {
          if (sync) setSignalState(sys, t, 0);
        },
        describe: () => ({ kind: sync ? 'SynchronizationTimer' : 'NotificationTimer', signaled: signalState(sys, t) > 0, queued: pending.has(t), due: pending.get(t)?.due ?? null }),
      });
    };
    const cancel = (t: number) => {
      const e = pending.get(t);
      if (!e) return 0;
      ctx.cancelTimer(e);
      pending.delete(t);
      return 1;
    };
    const schedule = (t: number, due: bigint, periodMs: number, dpc: number) => {
      const at = ctx.dueTime(due);
      sys.set(t, 'KTIMER', 'DueTime', at < 0n ? 0n : at);
      const fire = () => {
        setSignalState(sys, t, 1);
        ctx.signal(t);
        const now = ctx.systemTime();
        if (dpc) insertDpc(sys, dpc, Number(now & 0xffffffffn), Number(now >> 32n));
        if (periodMs > 0 && !pending.has(t)) schedule(t, -BigInt(periodMs) * 10000n, periodMs, dpc);
      };
      // A due time already past expires the timer at once, as on Windows.
      if (at <= ctx.now) {
        fire();
        return;
      }
      pending.set(t, ctx.addTimer(at, `KTIMER 0x${t.toString(16)}`, () => {
        pending.delete(t);
        fire();
      }));
    };
    const set = (routine: string, t: number, DueTime: bigint | number, Period: number, Dpc: number) => {
      ctx.object(t, 'KTIMER', routine);
      if (Period < 0) ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1004, t, Period, 0], `${routine}: Period ${Period} is negative.`);
      const was = cancel(t);
      setSignalState(sys, t, 0);
      sys.set(t, 'KTIMER', 'Dpc', Dpc ?? 0);
      sys.set(t, 'KTIMER', 'Period', Period);
      schedule(t, BigInt(DueTime), Period, Dpc ?? 0);
      return was;
    };
    return {
      KeInitializeTimer(Timer: number) {
        init(Timer, 0);
      },
      KeInitializeTimerEx(Timer: number, Type: number) {
        init(Timer, Type);
      },
      KeSetTimer: (Timer: number, DueTime: bigint, Dpc: number) => set('KeSetTimer', Timer, DueTime, 0, Dpc),
      KeSetTimerEx: (Timer: number, DueTime: bigint, Period: number, Dpc: number) => set('KeSetTimerEx', Timer, DueTime, Period, Dpc),
      KeSetCoalescableTimer: (Timer: number, DueTime: bigint, Period: number, _TolerableDelay: number, Dpc: number) =>
        set('KeSetCoalescableTimer', Timer, DueTime, Period, Dpc),
      KeCancelTimer(Timer: number) {
        ctx.object(Timer, 'KTIMER', 'KeCancelTimer');
        return cancel(Timer);
      },
      KeReadStateTimer(Timer: number) {
        ctx.object(Timer, 'KTIMER', 'KeReadStateTimer');
        return signalState(sys, Timer) > 0 ? 1 : 0;
      },
    };
  },
  unload: (sys) => {
    for (const o of sys.ctx.objects.values()) {
      if (o.type === 'KTIMER' && o.describe().queued) {
        sys.ctx.bugcheck('TIMER_OR_DPC_INVALID', [0, o.address, 0, 0],
          `The driver unloaded with the KTIMER at 0x${o.address.toString(16)} still set; cancel it with KeCancelTimer before unloading.`, 'unload');
      }
    }
  },
});
