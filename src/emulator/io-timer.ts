/**
 * IO_TIMER, a device object's one-second timer: IoInitializeTimer, IoStartTimer, IoStopTimer. "When the
 * timer is running, the I/O manager calls the driver-supplied IoTimer routine once per second"
 * (IoInitializeTimer), as IoTimer(DeviceObject, Context) at DISPATCH_LEVEL; DEVICE_OBJECT.Timer points to the
 * timer. IO_TIMER's layout is not public: an opaque 0x30-byte block here. A timer still running when the
 * driver unloads is reported, since the I/O manager would call into the unloaded driver.
 */
import type { TimerEntry } from './kernel.ts';
import { defineModule } from './module.ts';

const ONE_SECOND = 10_000_000n;

interface IoTimer {
  device: number;
  routine: Function;
  context: number;
  entry: TimerEntry | null;
}

export default defineModule({
  name: 'io-timer',
  layouts: { IO_TIMER: { opaque: { size: 0x30, align: 8 } } },
  routines: (sys) => {
    const ctx = sys.ctx;
    const timers = new Map<number, IoTimer>();
    const timerOf = (device: number, routine: string) => {
      const t = timers.get(device);
      if (!t) return ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, device, 0, 0], `${routine}: the device object at 0x${device.toString(16)} has no timer; call IoInitializeTimer first.`);
      return t;
    };
    const arm = (t: IoTimer) => {
      t.entry = ctx.addTimer(ctx.now + ONE_SECOND, `IO_TIMER of device 0x${t.device.toString(16)}`, () => {
        arm(t);
        ctx.queueDpc(ctx.cpu().number, { label: t.routine.name || 'IoTimer', run: () => t.routine(t.device, t.context) });
      });
    };
    return {
      /** Returns STATUS_SUCCESS, or STATUS_INSUFFICIENT_RESOURCES when no memory is left for the timer. */
      IoInitializeTimer(DeviceObject: number, TimerRoutine: Function, Context: number) {
        if (typeof TimerRoutine !== 'function') throw new TypeError('IoInitializeTimer: TimerRoutine must be a function (DeviceObject, Context)');
        const block = sys.mem.reserve(0x30, { origin: 'system', allocator: 'IoInitializeTimer' });
        if (!block) return 0xc000009a;
        const old = timers.get(DeviceObject);
        if (old?.entry) ctx.cancelTimer(old.entry);
        const t: IoTimer = { device: DeviceObject, routine: TimerRoutine, context: Context ?? 0, entry: null };
        timers.set(DeviceObject, t);
        sys.set(DeviceObject, 'DEVICE_OBJECT', 'Timer', block.base);
        ctx.register({ type: 'IO_TIMER', address: block.base, describe: () => ({ device: `0x${DeviceObject.toString(16)}`, running: t.entry !== null }) });
        return 0;
      },
      IoStartTimer(DeviceObject: number) {
        const t = timerOf(DeviceObject, 'IoStartTimer');
        if (!t.entry) arm(t);
      },
      IoStopTimer(DeviceObject: number) {
        const t = timerOf(DeviceObject, 'IoStopTimer');
        if (t.entry) ctx.cancelTimer(t.entry);
        t.entry = null;
      },
    };
  },
  unload: (sys) => {
    for (const o of sys.ctx.objects.values()) {
      if (o.type === 'IO_TIMER' && o.describe().running) {
        sys.ctx.bugcheck('DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS', [o.address, 0, 0, 0],
          `The driver unloaded with the IO_TIMER at 0x${o.address.toString(16)} still running; call IoStopTimer first.`, 'unload');
      }
    }
  },
});
