/**
 * KeWaitForSingleObject and KeWaitForMultipleObjects over any dispatcher object (KEVENT, KMUTEX,
 * KSEMAPHORE, KTIMER, EX_TIMER, a thread). Both return the Promise of the wait status when the wait must
 * block, else the status at once: STATUS_SUCCESS / STATUS_WAIT_0 + index of the object that satisfied a
 * WaitAny wait, STATUS_ABANDONED_WAIT_0 + index for an abandoned mutex, STATUS_TIMEOUT. The pages' rules:
 * a nonzero timeout needs IRQL <= APC_LEVEL ("Callers of KeWaitForSingleObject must be running at IRQL <=
 * DISPATCH_LEVEL. However, if Timeout = NULL or *Timeout != 0, the caller must be running at IRQL <=
 * APC_LEVEL"), more than THREAD_WAIT_OBJECTS objects need a WaitBlockArray, and never more than
 * MAXIMUM_WAIT_OBJECTS (MAXIMUM_WAIT_OBJECTS_EXCEEDED).
 */
import { irqlName } from './irql.ts';
import type { Waitable } from './kernel.ts';
import { defineModule, type Sys } from './module.ts';

function waitable(sys: Sys, address: number, routine: string): Waitable {
  const w = sys.ctx.waitables.get(address);
  if (w) return w;
  const thread = sys.ctx.threadByAddress(address);
  if (thread) {
    const t: Waitable = { type: 'KTHREAD', address, signaled: () => thread.state === 'terminated', acquire: () => undefined };
    return t;
  }
  return sys.ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, address, 0, 0],
    `${routine} was passed 0x${address.toString(16)}, which is not an initialised dispatcher object (event, mutex, semaphore, timer or thread).`, routine);
}

function label(sys: Sys, objs: Waitable[], all: boolean): string {
  const names = objs.map((o) => {
    const d = sys.ctx.objects.get(o.address)?.describe();
    const owner = d && 'owner' in d && d.owner ? ` owned by ${String(d.owner)}` : '';
    return `${o.type} 0x${o.address.toString(16)}${owner}`;
  });
  return names.length === 1 ? names[0]! : `${all ? 'all of' : 'any of'} ${names.join(', ')}`;
}

export default defineModule({
  name: 'kwait',
  routines: (sys) => {
    const ctx = sys.ctx;
    const checkTimeoutIrql = (timeout: bigint | null, routine: string) => {
      if (timeout !== 0n && ctx.irql > 1) {
        ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, ctx.irql, 0, 0], `${routine} was called at ${irqlName(ctx.irql)} with ${timeout === null ? 'no timeout' : 'a nonzero timeout'}; only a zero timeout may be used above APC_LEVEL.`, routine);
      }
    };
    return {
      KeWaitForSingleObject(Object: number, _WaitReason: number, _WaitMode: number, _Alertable: number, Timeout: number | bigint | null) {
        const timeout = sys.largeIntegerArg(Timeout);
        checkTimeoutIrql(timeout, 'KeWaitForSingleObject');
        const o = waitable(sys, Object, 'KeWaitForSingleObject');
        return ctx.waitFor([o], false, timeout, label(sys, [o], false), 'KeWaitForSingleObject');
      },
      /** wdm.h: `#define KeWaitForMutexObject KeWaitForSingleObject`. */
      KeWaitForMutexObject(Mutex: number, WaitReason: number, WaitMode: number, Alertable: number, Timeout: number | bigint | null) {
        const timeout = sys.largeIntegerArg(Timeout);
        checkTimeoutIrql(timeout, 'KeWaitForMutexObject');
        const o = waitable(sys, Mutex, 'KeWaitForMutexObject');
        void WaitReason; void WaitMode; void Alertable;
        return ctx.waitFor([o], false, timeout, label(sys, [o], false), 'KeWaitForMutexObject');
      },
      /** Object: the address of an array of Count pointers (or a JavaScript array of addresses). */
      KeWaitForMultipleObjects(Count: number, Object: number | number[], WaitType: number, _WaitReason: number, _WaitMode: number,
        _Alertable: number, Timeout: number | bigint | null, WaitBlockArray: number) {
        const routine = 'KeWaitForMultipleObjects';
        if (Count > 64 || (Count > 3 && !WaitBlockArray)) {
          ctx.bugcheck('MAXIMUM_WAIT_OBJECTS_EXCEEDED', [Count, 0, 0, 0], `${routine} was asked to wait on ${Count} objects ${Count > 64 ? '(more than MAXIMUM_WAIT_OBJECTS, 64)' : 'without a WaitBlockArray (more than THREAD_WAIT_OBJECTS, 3, need one)'}.`);
        }
        const timeout = sys.largeIntegerArg(Timeout);
        checkTimeoutIrql(timeout, routine);
        const addresses = Array.isArray(Object) ? Object.slice(0, Count) : Array.from({ length: Count }, (_, i) => sys.mem.read(Object + 8 * i, 'PVOID') as number);
        const objs = addresses.map((a) => waitable(sys, a, routine));
        const all = WaitType === 0;
        return ctx.waitFor(objs, all, timeout, label(sys, objs, all), routine);
      },
    };
  },
});
