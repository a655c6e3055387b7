/**
 * How a module contributes to the kernel: structures (a layout table), constants under their WDK names,
 * bug check codes, routines under their Windows names, and unload checks. `createKernel` loads every module
 * listed in `modules.ts`; a routine is wrapped so that its IRQL rule from the catalog is checked, the call
 * appears on the timeline, and a fault inside it names it.
 */
import type { KernelContext } from './kernel.ts';
import type { LayoutTable } from './layout.ts';
import type { Memory } from './memory.ts';
import type { LayoutRegistry } from './layout.ts';
import type { Kernel } from './index.ts';
import type { BugCheck } from './bugcheck.ts';

/** What a module's routines see: the public kernel `k` plus the shared context and memory. */
export interface Sys {
  k: Kernel;
  ctx: KernelContext;
  mem: Memory;
  layouts: LayoutRegistry;
  /** Reads a field of a structure at `address`: `sys.get(p, 'KEVENT', 'Header.SignalState')`. */
  get(address: number, type: string, path: string): number | bigint;
  set(address: number, type: string, path: string, value: number | bigint | boolean): void;
  /** Address of a field: `sys.at(p, 'UNICODE_STRING', 'Buffer')`. */
  at(address: number, type: string, path: string): number;
  /**
   * Reads a LARGE_INTEGER through a pointer argument; a bigint (or a negative number, which no address is)
   * passed directly is taken as the value; 0/null/undefined mean absent (NULL).
   */
  largeIntegerArg(value: number | bigint | null | undefined): bigint | null;
}

// Routines are heterogeneous by nature (C prototypes); `any` is the honest type at this boundary.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Routine = (...args: any[]) => any;

export interface ModuleDef {
  /** The module's file name without extension, e.g. 'ex-rundown-ref'. */
  name: string;
  layouts?: LayoutTable;
  constants?: Record<string, number | bigint>;
  /** Extra bug check codes by name. */
  bugChecks?: Record<string, number>;
  routines?: (sys: Sys) => Record<string, Routine>;
  /**
   * Called by `k.unload()` after the core checks; throw a bug check (through `sys.ctx.bugcheck`) for what
   * the module finds still alive, or return lines to add to the unload report.
   */
  unload?: (sys: Sys) => string[] | void;
  /**
   * Helpers the module adds to `k` beside the routines (not Windows routines: simulation controls such as
   * raising a device interrupt). Not wrapped, not IRQL-checked.
   */
  helpers?: (sys: Sys) => Record<string, Routine>;
  /** Routine names the module implements without an IRQL check of the catalog (the module checks itself). */
  ownIrqlCheck?: string[];
  /**
   * Called once for each bug check that ends an emulated routine, before it propagates (bug check
   * callbacks run here). It must not throw.
   */
  onBugCheck?: (sys: Sys, bugCheck: BugCheck) => void;
}

export function defineModule(def: ModuleDef): ModuleDef {
  return def;
}
