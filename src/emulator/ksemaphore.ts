/**
 * KSEMAPHORE: KeInitializeSemaphore, KeReleaseSemaphore, KeReadStateSemaphore. Each satisfied wait
 * decrements the count; KeReleaseSemaphore adds Adjustment and returns the previous count, and "If the
 * specified adjustment would cause the semaphore count to exceed the limit, the exception
 * STATUS_SEMAPHORE_LIMIT_EXCEEDED is raised" with the count unchanged.
 */
import { KOBJECTS, initHeader, setSignalState, signalState } from './dispatcher.ts';
import { defineModule } from './module.ts';

export default defineModule({
  name: 'ksemaphore',
  layouts: { KSEMAPHORE: [['Header', 'DISPATCHER_HEADER'], ['Limit', 'LONG']] },
  constants: { SEMAPHORE_INCREMENT: 1 },
  routines: (sys) => {
    const ctx = sys.ctx;
    return {
      KeInitializeSemaphore(Semaphore: number, Count: number, Limit: number) {
        if (Limit <= 0 || Count < 0 || Count > Limit) {
          ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1004, Semaphore, Count, Limit], `KeInitializeSemaphore: Count ${Count} must be between 0 and Limit ${Limit}, and Limit positive.`);
        }
        sys.set(Semaphore, 'KSEMAPHORE', 'Limit', Limit);
        initHeader(sys, Semaphore, {
          type: 'KSEMAPHORE', headerType: KOBJECTS.SemaphoreObject, size: sys.layouts.get('KSEMAPHORE').size, state: Count,
          signaled: () => signalState(sys, Semaphore) > 0,
          acquire: () => setSignalState(sys, Semaphore, signalState(sys, Semaphore) - 1),
          describe: () => ({ count: signalState(sys, Semaphore), limit: sys.get(Semaphore, 'KSEMAPHORE', 'Limit') }),
        });
      },
      KeReleaseSemaphore(Semaphore: number, _Increment: number, Adjustment: number, Wait: number) {
        ctx.object(Semaphore, 'KSEMAPHORE', 'KeReleaseSemaphore');
        // From the remarks: "IRQL <= DISPATCH_LEVEL provided that Wait is set to FALSE. Otherwise, … PASSIVE_LEVEL."
        const max = Wait ? 0 : 2;
        if (ctx.irql > max) ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, ctx.irql, 0, 0], `KeReleaseSemaphore was called at IRQL ${ctx.irql} with Wait = ${Wait ? 'TRUE' : 'FALSE'}; the limit is ${Wait ? 'PASSIVE_LEVEL' : 'DISPATCH_LEVEL'}.`);
        const prev = signalState(sys, Semaphore);
        const limit = sys.get(Semaphore, 'KSEMAPHORE', 'Limit') as number;
        // A negative adjustment (the count would go down) or one past the limit raises; 0 leaves the count as it is.
        if (Adjustment < 0 || prev + Adjustment > limit) ctx.raise(0xc0000047, 'KeReleaseSemaphore');
        setSignalState(sys, Semaphore, prev + Adjustment);
        ctx.signal(Semaphore);
        return prev;
      },
      KeReadStateSemaphore(Semaphore: number) {
        ctx.object(Semaphore, 'KSEMAPHORE', 'KeReadStateSemaphore');
        return signalState(sys, Semaphore);
      },
    };
  },
});
