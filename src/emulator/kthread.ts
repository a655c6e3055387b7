/**
 * The current thread and processor, critical and guarded regions, and KeDelayExecutionThread.
 * Critical regions disable normal kernel APCs (KernelApcDisable), guarded regions all APCs; both nest and
 * must balance: leaving one not entered, or ending a thread inside one, is APC_INDEX_MISMATCH as on Windows.
 */
import { defineModule } from './module.ts';

export default defineModule({
  name: 'kthread',
  constants: { ALL_PROCESSOR_GROUPS: 0xffff },
  routines: (sys) => {
    const ctx = sys.ctx;
    return {
      KeGetCurrentThread: () => ctx.current.address,
      KeGetCurrentProcessorNumber: () => ctx.cpu().number,
      KeGetCurrentProcessorNumberEx(ProcNumber: number) {
        const n = ctx.cpu().number;
        if (ProcNumber) {
          // PROCESSOR_NUMBER: USHORT Group; UCHAR Number; UCHAR Reserved.
          sys.mem.write(ProcNumber, 'USHORT', 0);
          sys.mem.write(ProcNumber + 2, 'UCHAR', n);
          sys.mem.write(ProcNumber + 3, 'UCHAR', 0);
        }
        return n;
      },
      KeQueryActiveProcessorCount(ActiveProcessors: number) {
        const n = ctx.processors.length;
        if (ActiveProcessors) sys.mem.write(ActiveProcessors, 'KAFFINITY', (1n << BigInt(n)) - 1n);
        return n;
      },
      /** One processor group: group 0 (or ALL_PROCESSOR_GROUPS) has every processor, any other group none. */
      KeQueryActiveProcessorCountEx: (GroupNumber: number) => (GroupNumber === 0 || GroupNumber === 0xffff ? ctx.processors.length : 0),
      KeQueryActiveProcessors: () => (1n << BigInt(ctx.processors.length)) - 1n,
      KeQueryMaximumProcessorCount: () => ctx.processors.length,
      KeEnterCriticalRegion() {
        ctx.current.criticalRegion++;
      },
      KeLeaveCriticalRegion() {
        const t = ctx.current;
        if (t.criticalRegion === 0) {
          ctx.bugcheck('APC_INDEX_MISMATCH', [0, 0, 0, 0], `KeLeaveCriticalRegion was called by ${t.name} outside any critical region: each call must match an earlier KeEnterCriticalRegion.`);
        }
        t.criticalRegion--;
      },
      KeEnterGuardedRegion() {
        ctx.current.guardedRegion++;
      },
      KeLeaveGuardedRegion() {
        const t = ctx.current;
        if (t.guardedRegion === 0) {
          ctx.bugcheck('APC_INDEX_MISMATCH', [0, 0, 0, 1], `KeLeaveGuardedRegion was called by ${t.name} outside any guarded region: each call must match an earlier KeEnterGuardedRegion.`);
        }
        t.guardedRegion--;
      },
      /** "TRUE if the current thread is inside a critical region or a guarded region" (or at APC_LEVEL and above). */
      KeAreApcsDisabled: () => (ctx.current.criticalRegion > 0 || ctx.current.guardedRegion > 0 ? 1 : 0),
      KeAreAllApcsDisabled: () => (ctx.current.guardedRegion > 0 || ctx.irql >= 1 ? 1 : 0),
      /** Interval: PLARGE_INTEGER (or a bigint), negative relative, positive absolute, in 100-ns units. */
      KeDelayExecutionThread(_WaitMode: number, _Alertable: number, Interval: number | bigint) {
        const due = sys.largeIntegerArg(Interval);
        if (due === null) return ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1003, 0, 0, 0], 'KeDelayExecutionThread was passed a NULL Interval; it must point to the wait time.');
        if (due === 0n) return ctx.yieldThread().then(() => 0);
        const until = ctx.dueTime(due);
        return ctx.blockOn(`KeDelayExecutionThread until t=${until}`, 'KeDelayExecutionThread', { due: until, status: 0 }).promise;
      },
    };
  },
});
