/**
 * The kernel emulator: `createKernel(options)` returns `k`, on which every emulated routine and macro is a
 * property under its Windows name (C parameters in prototype order) and every WDK constant is a property
 * under its WDK name, next to the helpers below. See README.md for the conventions and for module authors.
 */
import { BugCheck, BUGCHECK_CODES, Deadlock, NtStatusError } from './bugcheck.ts';
import { CORE_CONSTANTS } from './constants.ts';
import { irqlRangeOf, type IrqlRange } from './irql.ts';
import { IRQL_TABLE } from './irql-table.ts';
import { KernelContext, type SimThread, type TraceEntry } from './kernel.ts';
import { LayoutRegistry } from './layout.ts';
import { Memory } from './memory.ts';
import type { ModuleDef, Routine, Sys } from './module.ts';
import { MODULES } from './modules.ts';

export { BugCheck, Deadlock, NtStatusError, BUGCHECK_CODES };
export { defineModule } from './module.ts';
export type { ModuleDef, Sys } from './module.ts';
export type { TraceEntry } from './kernel.ts';

export interface KernelOptions {
  arch?: 'x64';
  cpus?: number;
  seed?: number;
  /** Bound on live emulated memory in bytes (pool and storage together); pool allocations past it return NULL. */
  memoryLimit?: number;
  /** IRQL rule lookup; defaults to the table generated from the catalog (irql-table.ts). */
  irqlRule?: (routine: string) => IrqlRange | null;
  /** Extra modules (tests, experiments) loaded after the built-in ones. */
  modules?: ModuleDef[];
}

export interface AllocOptions {
  pool?: 'NonPagedPool' | 'PagedPool' | 'NonPagedPoolNx';
  align?: number;
  /** Number of consecutive elements when a type name is given. */
  count?: number;
}

export interface UnloadReport {
  /** Threads still blocked at unload, with what each waits on. */
  blockedThreads: { thread: string; waitingOn: string }[];
  /** Lines modules add (e.g. objects left in a harmless state). */
  notes: string[];
}

export interface Snapshot {
  time: bigint;
  processors: { number: number; irql: number; thread: string | null; queuedDpcs: number }[];
  threads: { name: string; address: number; state: string; cpu: number; waitingOn: string | null; criticalRegion: number }[];
  objects: ({ type: string; address: number } & Record<string, unknown>)[];
  pool: { address: number; size: number; tag: string; poolType: number; allocator: string }[];
  memory: { live: number; limit: number };
}

export interface KernelHelpers {
  readonly arch: 'x64';
  /** Zeroed structure (by type name) or raw bytes; returns its address. Driver storage: not leak-checked. */
  alloc(typeOrSize: string | number, options?: AllocOptions): number;
  /** Releases storage from `alloc`. */
  free(address: number): void;
  sizeof(type: string): number;
  offsetof(type: string, path: string): number;
  read(address: number, type: string): number | bigint;
  write(address: number, type: string, value: number | bigint | boolean): void;
  /** Reads / writes a field by type and dotted path: `k.get(p, 'UNICODE_STRING', 'Length')`. */
  get(address: number, type: string, path: string): number | bigint;
  set(address: number, type: string, path: string, value: number | bigint | boolean): void;
  bytes(address: number, length: number): Uint8Array;
  wstr(text: string): number;
  astr(text: string): number;
  /** Reads a wide string: `length` in characters, else up to the terminating NUL. */
  readWstr(address: number, length?: number): string;
  /** Reads an ANSI string: `length` in bytes, else up to the terminating NUL. */
  readAstr(address: number, length?: number): string;
  /** Starts a simulated thread; it runs when the current thread blocks or settles. Returns its thread object address. */
  startThread(name: string, fn: () => unknown): number;
  settle(): Promise<void>;
  advanceTime(delta: bigint): void;
  /** Virtual time in 100-ns units since creation. */
  readonly time: bigint;
  unload(): UnloadReport;
  snapshot(): Snapshot;
  timeline(): TraceEntry[];
  tagName(tag: number): string;
}

// Routines and constants are looked up by Windows name; their shapes are the C prototypes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Kernel = KernelHelpers & { [name: string]: any };

function tagString(tag: number): string {
  let s = '';
  for (let i = 0; i < 4; i++) {
    const c = (tag >>> (8 * i)) & 0xff;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.';
  }
  return s;
}

function defaultIrqlRule(name: string): IrqlRange | null {
  return irqlRangeOf(IRQL_TABLE[name]);
}

export function createKernel(options: KernelOptions = {}): Kernel {
  const arch = options.arch ?? 'x64';
  if (arch !== 'x64') throw new Error(`unsupported arch ${String(arch)}: only x64 is emulated`);
  const cpus = options.cpus ?? 2;
  if (!Number.isInteger(cpus) || cpus < 1 || cpus > 64) throw new RangeError('cpus must be an integer from 1 to 64');
  const layouts = new LayoutRegistry();
  const ctx = new KernelContext({ cpus, seed: options.seed ?? 1, irqlRule: options.irqlRule ?? defaultIrqlRule });
  const mem = new Memory(options.memoryLimit ?? 64 * 1024 * 1024, () => ctx.irql, layouts);
  ctx.memory = mem;
  ctx.layouts = layouts;
  ctx.boot();

  const k = {} as Kernel;
  const modules = [...MODULES, ...(options.modules ?? [])];
  const defined = new Map<string, string>();
  const define = (name: string, value: unknown, origin: string, enumerable = true) => {
    const prev = defined.get(name);
    if (prev) throw new Error(`${origin}: ${name} is already defined by ${prev}`);
    defined.set(name, origin);
    Object.defineProperty(k, name, { value, enumerable, writable: false, configurable: false });
  };

  const at = (address: number, type: string, path: string) => address + layouts.resolve(type, path).offset;
  const sys: Sys = {
    k, ctx, mem, layouts,
    get: (address, type, path) => {
      const f = layouts.resolve(type, path);
      return mem.read(address + f.offset, f.typeName);
    },
    set: (address, type, path, value) => {
      const f = layouts.resolve(type, path);
      mem.write(address + f.offset, f.typeName, value);
    },
    at,
    largeIntegerArg: (value) => {
      if (value === null || value === undefined || value === 0) return null;
      if (typeof value === 'bigint') return value;
      // No address is negative: a negative number is a relative time given by value.
      if (value < 0) return BigInt(value);
      return mem.read(value, 'LONGLONG') as bigint;
    },
  };

  for (const m of modules) if (m.layouts) layouts.add(m.layouts, m.name);
  for (const m of modules) for (const [n, c] of Object.entries(m.bugChecks ?? {})) BUGCHECK_CODES[n] ??= c;

  for (const [n, v] of Object.entries(CORE_CONSTANTS)) define(n, v, 'constants');
  for (const m of modules) for (const [n, v] of Object.entries(m.constants ?? {})) define(n, v, m.name);
  for (const m of modules) {
    const routines = m.routines?.(sys) ?? {};
    const own = new Set(m.ownIrqlCheck ?? []);
    for (const [name, fn] of Object.entries(routines)) define(name, wrap(name, fn, !own.has(name)), m.name);
    for (const [name, fn] of Object.entries(m.helpers?.(sys) ?? {})) define(name, fn, m.name, false);
  }

  /** Runs the modules' onBugCheck hooks (bug check callbacks) once per bug check. */
  const notified = new WeakSet<BugCheck>();
  function notifyBugCheck(e: BugCheck): void {
    if (notified.has(e)) return;
    notified.add(e);
    for (const m of modules) m.onBugCheck?.(sys, e);
  }

  function wrap(name: string, fn: Routine, checkIrql: boolean): Routine {
    const wrapped = function (...args: unknown[]) {
      const outer = ctx.routine === null;
      if (outer) ctx.routine = name;
      try {
        if (outer) ctx.note('call', name);
        if (checkIrql) ctx.checkIrql(name);
        return fn(...args);
      } catch (e) {
        // A fault from a memory access inside a routine is that routine's fault.
        if ((e instanceof BugCheck || e instanceof NtStatusError) && e.routine === null) (e as { routine: string | null }).routine = name;
        if (e instanceof BugCheck && outer) {
          ctx.note('bugcheck', `${e.codeName} in ${name}`);
          notifyBugCheck(e);
        }
        throw e;
      } finally {
        if (outer) ctx.routine = null;
      }
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    return wrapped;
  }

  const allocStorage = (size: number, o: AllocOptions | undefined, what: string) => {
    const paged = o?.pool === 'PagedPool';
    const b = mem.reserve(size, { align: o?.align, paged, origin: 'storage', allocator: what });
    if (!b) throw new RangeError(`k.alloc: emulated memory exhausted (${mem.live} of ${mem.limit} bytes live)`);
    return b.base;
  };

  const helpers: KernelHelpers = {
    arch: 'x64',
    alloc(typeOrSize, o) {
      if (typeof typeOrSize === 'number') return allocStorage(typeOrSize, o, 'k.alloc');
      const l = layouts.get(typeOrSize);
      const count = o?.count ?? 1;
      return allocStorage(l.size * count, { ...o, align: Math.max(l.align, o?.align ?? 1) }, `k.alloc('${typeOrSize}')`);
    },
    free(address) {
      const b = mem.blockAt(address);
      if (!b || b.origin !== 'storage' || b.freed) throw new Error(`k.free: 0x${address.toString(16)} is not live storage from k.alloc`);
      mem.release(b, 'k.free');
    },
    sizeof: (type) => layouts.get(type).size,
    offsetof: (type, path) => layouts.resolve(type, path).offset,
    read: (address, type) => mem.read(address, type),
    write: (address, type, value) => mem.write(address, type, value),
    get: sys.get,
    set: sys.set,
    bytes: (address, length) => mem.readBytes(address, length),
    wstr(text) {
      const b = mem.reserve((text.length + 1) * 2, { origin: 'string', allocator: 'k.wstr' });
      if (!b) throw new RangeError('k.wstr: emulated memory exhausted');
      for (let i = 0; i < text.length; i++) b.view!.setUint16(i * 2, text.charCodeAt(i), true);
      return b.base;
    },
    astr(text) {
      const b = mem.reserve(text.length + 1, { origin: 'string', allocator: 'k.astr' });
      if (!b) throw new RangeError('k.astr: emulated memory exhausted');
      for (let i = 0; i < text.length; i++) b.bytes![i] = text.charCodeAt(i) & 0xff;
      return b.base;
    },
    readWstr(address, length) {
      let s = '';
      for (let i = 0; length === undefined || i < length; i++) {
        const c = mem.read(address + 2 * i, 'WCHAR') as number;
        if (length === undefined && c === 0) break;
        s += String.fromCharCode(c);
      }
      return s;
    },
    readAstr(address, length) {
      let s = '';
      for (let i = 0; length === undefined || i < length; i++) {
        const c = mem.read(address + i, 'UCHAR') as number;
        if (length === undefined && c === 0) break;
        s += String.fromCharCode(c);
      }
      return s;
    },
    startThread(name, fn) {
      if (typeof fn !== 'function') throw new TypeError('startThread takes a name and a function');
      return ctx.startThread(name, fn).address;
    },
    settle: () => ctx.settle(),
    advanceTime: (delta) => ctx.advanceTime(delta),
    get time() {
      return ctx.now;
    },
    unload() {
      // A bug check found at unload stops the machine like any other: the callbacks run first.
      try {
        ctx.note('note', 'unload');
        const main = ctx.current;
        if (ctx.irql !== 0) {
          ctx.bugcheck('IRQL_GT_ZERO_AT_SYSTEM_SERVICE', [0, ctx.irql, 0, 0], `The driver unloaded at IRQL ${ctx.irql}; it must return at PASSIVE_LEVEL (a lock or KeRaiseIrql was not undone).`, 'unload');
        }
        const notes: string[] = [];
        for (const m of modules) notes.push(...(m.unload?.(sys) ?? []));
        if (main.criticalRegion !== 0) {
          ctx.bugcheck('APC_INDEX_MISMATCH', [0, 0, main.criticalRegion, 0], `The driver unloaded inside ${main.criticalRegion} critical region(s): each KeEnterCriticalRegion needs a KeLeaveCriticalRegion.`, 'unload');
        }
        const leaked = mem.allBlocks().filter((b) => b.origin === 'pool' && !b.freed);
        if (leaked.length > 0) {
          const bytes = leaked.reduce((n, b) => n + b.size, 0);
          const first = leaked[0]!;
          ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x62, 0, leaked.length, bytes],
            `The driver unloaded with ${leaked.length} pool allocation(s) (${bytes} bytes) not freed; the first, ${first.size} bytes tagged '${tagString(first.tag)}', came from ${first.allocator}.`, 'unload');
        }
        return { blockedThreads: ctx.blockedThreads(), notes };
      } catch (e) {
        if (e instanceof BugCheck) notifyBugCheck(e);
        throw e;
      }
    },
    snapshot() {
      return {
        time: ctx.now,
        processors: ctx.processors.map((p) => ({ number: p.number, irql: p.irql, thread: p.thread?.name ?? null, queuedDpcs: p.dpcQueue.length })),
        threads: ctx.threads.map((t: SimThread) => ({ name: t.name, address: t.address, state: t.state, cpu: t.cpu, waitingOn: t.wait?.label ?? null, criticalRegion: t.criticalRegion })),
        objects: [...ctx.objects.values()].map((o) => ({ type: o.type, address: o.address, ...o.describe() })),
        pool: mem.allBlocks().filter((b) => b.origin === 'pool' && !b.freed).map((b) => ({ address: b.base, size: b.size, tag: tagString(b.tag), poolType: b.poolType, allocator: b.allocator })),
        memory: { live: mem.live, limit: mem.limit },
      };
    },
    timeline: () => [...ctx.trace],
    tagName: tagString,
  };
  for (const [n, d] of Object.entries(Object.getOwnPropertyDescriptors(helpers))) {
    if (defined.has(n)) throw new Error(`helper ${n} collides with a routine or constant of ${defined.get(n)}`);
    Object.defineProperty(k, n, { ...d, enumerable: false });
  }
  return k;
}
