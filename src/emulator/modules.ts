/** Every module `createKernel` loads. Part 2's modules are listed in modules-part2.ts. */
import interlocked from './interlocked.ts';
import kevent from './kevent.ts';
import kirql from './kirql.ts';
import kmutex from './kmutex.ts';
import ksemaphore from './ksemaphore.ts';
import kspinLock from './kspin-lock.ts';
import kthread from './kthread.ts';
import kwait from './kwait.ts';
import type { ModuleDef } from './module.ts';
import { PART2_MODULES } from './modules-part2.ts';
import ntdef from './ntdef.ts';

export const MODULES: ModuleDef[] = [ntdef, kirql, kthread, kspinLock, interlocked, kevent, ksemaphore, kmutex, kwait, ...PART2_MODULES];
