/**
 * What KEVENT, KSEMAPHORE, KMUTEX and KTIMER share: a DISPATCHER_HEADER in emulated memory whose
 * SignalState is the object's state (so C code reading it sees what Windows would), registration as a
 * waitable object, and the list of waiters for the state view.
 */
import type { KernelObject, SimThread, Waitable } from './kernel.ts';
import type { Sys } from './module.ts';

/** DISPATCHER_HEADER.Type values (KOBJECTS). */
export const KOBJECTS = {
  EventNotificationObject: 0,
  EventSynchronizationObject: 1,
  MutantObject: 2,
  ProcessObject: 3,
  QueueObject: 4,
  SemaphoreObject: 5,
  ThreadObject: 6,
  TimerNotificationObject: 8,
  TimerSynchronizationObject: 9,
  DpcObject: 0x13,
  ThreadedDpcObject: 0x18,
} as const;

export interface DispatcherInit {
  type: string;
  headerType: number;
  size: number;
  state: number;
  signaled(thread: SimThread): boolean;
  acquire(thread: SimThread): number | void;
  describe(): Record<string, unknown>;
}

export function initHeader(sys: Sys, address: number, init: DispatcherInit): Waitable & KernelObject {
  // Only Type and Size are written: the initialisers leave the header's other two bytes as they were
  // (ReactOS's kmtests observe this on Windows).
  sys.set(address, 'DISPATCHER_HEADER', 'Type', init.headerType);
  sys.set(address, 'DISPATCHER_HEADER', 'Size', init.size / 4);
  sys.set(address, 'DISPATCHER_HEADER', 'SignalState', init.state);
  // An empty wait list points at itself.
  const head = sys.at(address, 'DISPATCHER_HEADER', 'WaitListHead');
  sys.set(address, 'DISPATCHER_HEADER', 'WaitListHead.Flink', head);
  sys.set(address, 'DISPATCHER_HEADER', 'WaitListHead.Blink', head);
  const obj: Waitable & KernelObject = {
    type: init.type,
    address,
    signaled: init.signaled,
    acquire: init.acquire,
    describe: () => ({ ...init.describe(), waiters: sys.ctx.waiters(address).map((t) => t.name) }),
  };
  sys.ctx.register(obj);
  sys.ctx.waitables.set(address, obj);
  return obj;
}

export function signalState(sys: Sys, address: number): number {
  return sys.get(address, 'DISPATCHER_HEADER', 'SignalState') as number;
}

export function setSignalState(sys: Sys, address: number, value: number): void {
  sys.set(address, 'DISPATCHER_HEADER', 'SignalState', value);
}
