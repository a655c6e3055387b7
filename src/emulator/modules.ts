/** Every module `createKernel` loads. Part 2's modules are listed in modules-part2.ts. */
import eresource from './eresource.ts';
import exPool from './ex-pool.ts';
import exRundownRef from './ex-rundown-ref.ts';
import exSpinLock from './ex-spin-lock.ts';
import exTimer from './ex-timer.ts';
import exZone from './ex-zone.ts';
import fastMutex from './fast-mutex.ts';
import interlocked from './interlocked.ts';
import ioTimer from './io-timer.ts';
import kdpc from './kdpc.ts';
import kevent from './kevent.ts';
import kguardedMutex from './kguarded-mutex.ts';
import kinterrupt from './kinterrupt.ts';
import kirql from './kirql.ts';
import kmutex from './kmutex.ts';
import ksemaphore from './ksemaphore.ts';
import kspinLock from './kspin-lock.ts';
import kthread from './kthread.ts';
import ktimer from './ktimer.ts';
import kwait from './kwait.ts';
import lookasideList from './lookaside-list.ts';
import type { ModuleDef } from './module.ts';
import { PART2_MODULES } from './modules-part2.ts';
import ntdef from './ntdef.ts';

export const MODULES: ModuleDef[] = [
  ntdef, kirql, kthread, kspinLock, exSpinLock, kinterrupt, interlocked,
  kevent, ksemaphore, kmutex, kwait, fastMutex, kguardedMutex, eresource,
  kdpc, ktimer, exTimer, ioTimer, exPool, lookasideList, exZone, exRundownRef,
  ...PART2_MODULES,
];
