/**
 * The kernel context: processors with their IRQL, simulated threads on a seeded cooperative scheduler,
 * the virtual clock with its timers, per-processor DPC queues, the dispatcher wait machinery and the
 * registry of live kernel objects. Every effect that crosses primitives goes through here, so modules stay
 * small and a snapshot of the whole machine can be taken at any time for the state view.
 *
 * Scheduling model: one simulated thread runs at a time (JavaScript is single-threaded). A thread runs until
 * it blocks (a wait that cannot be satisfied now), yields, or ends; then the scheduler picks the next ready
 * thread with a seeded generator, so a run is reproducible for a given seed. The main program is thread
 * 'T1'; other threads run only when T1 blocks or calls `settle()`. When T1 blocks and nothing is ready, the
 * clock jumps to the next timer; when there is no timer either, the wait can never end: a `Deadlock`.
 */
import { BugCheck, Deadlock, NtStatusError, type BlockedThreadReport } from './bugcheck.ts';
import { IRQL, irqlName, type IrqlRange } from './irql.ts';
import type { LayoutRegistry } from './layout.ts';
import type { Memory } from './memory.ts';

export type ThreadState = 'ready' | 'running' | 'waiting' | 'terminated';

export interface SimThread {
  id: number;
  name: string;
  /** Address of the thread's object in emulated memory (what `KeGetCurrentThread` returns). */
  address: number;
  cpu: number;
  state: ThreadState;
  /** The thread's IRQL while it is not running. */
  irql: number;
  wait: Wait | null;
  /** Count of KeEnterCriticalRegion minus KeLeaveCriticalRegion (KernelApcDisable, as a positive count). */
  criticalRegion: number;
  /** Count of KeEnterGuardedRegion and guarded-mutex acquisitions (SpecialApcDisable). */
  guardedRegion: number;
  isMain: boolean;
  /** Status delivered when the thread resumes from a wait. */
  pendingStatus: number;
  start: (() => unknown) | null;
  resume: ((status: number) => void) | null;
  fail: ((error: unknown) => void) | null;
  onPark: (() => void) | null;
}

/** A dispatcher object a thread can wait on (KEVENT, KMUTEX, KSEMAPHORE, KTIMER, …). */
export interface Waitable {
  type: string;
  address: number;
  /** True when a wait by `thread` on this object would be satisfied now. */
  signaled(thread: SimThread): boolean;
  /** Applies the side effect of a satisfied wait (auto-reset, count decrement, ownership). Returns 0x80 for an abandoned mutex. */
  acquire(thread: SimThread): number | void;
}

export interface Wait {
  thread: SimThread;
  objects: Waitable[];
  all: boolean;
  timer: TimerEntry | null;
  label: string;
  /** Non-dispatcher waits (e.g. a fast mutex's gate) say when they are done through `complete`. */
  seq: number;
}

export interface TimerEntry {
  due: bigint;
  seq: number;
  label: string;
  fire: () => void;
  cancelled: boolean;
}

export interface DpcEntry {
  label: string;
  run: () => void;
}

export interface Processor {
  number: number;
  irql: number;
  thread: SimThread | null;
  dpcQueue: DpcEntry[];
  inDpc: boolean;
}

/** A live kernel object the state view shows; `describe` returns plain data (owners, waiters, counts). */
export interface KernelObject {
  type: string;
  address: number;
  describe(): Record<string, unknown>;
}

export interface TraceEntry {
  seq: number;
  time: bigint;
  thread: string;
  cpu: number;
  irql: number;
  kind: 'start' | 'run' | 'block' | 'wake' | 'exit' | 'call' | 'dpc' | 'timer' | 'bugcheck' | 'note';
  detail: string;
}

const TRACE_LIMIT = 5000;
const IDLE_EXPIRY_LIMIT = 100_000;

/**
 * System time at boot: 2025-01-01T00:00:00Z in 100-ns units since 1601-01-01 (FILETIME), fixed so runs are
 * reproducible. Absolute due times (positive LARGE_INTEGERs) are measured against it.
 */
export const BOOT_SYSTEM_TIME = 133801632000000000n;

/** mulberry32: small, fast and enough to make thread interleavings reproducible per seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface KernelContextOptions {
  cpus: number;
  seed: number;
  irqlRule: (routine: string) => IrqlRange | null;
}

export class KernelContext {
  readonly processors: Processor[];
  readonly threads: SimThread[] = [];
  readonly objects = new Map<number, KernelObject>();
  readonly waitables = new Map<number, Waitable>();
  readonly trace: TraceEntry[] = [];
  traceDropped = 0;
  /** Virtual time in 100-ns units since the kernel was created. */
  now = 0n;
  current: SimThread;
  /** Routine being executed (outermost emulated call), for bug check attribution. */
  routine: string | null = null;
  private readonly waits: Wait[] = [];
  private readonly timers: TimerEntry[] = [];
  private seq = 0;
  private looping = false;
  private fatal: unknown = null;
  private cpuOverride: Processor | null = null;
  private readonly random: () => number;
  /** Late-bound: the memory needs the context for IRQL, the context needs memory for thread objects. */
  memory!: Memory;
  layouts!: LayoutRegistry;

  constructor(readonly options: KernelContextOptions) {
    this.processors = Array.from({ length: options.cpus }, (_, number) => ({ number, irql: 0, thread: null, dpcQueue: [], inDpc: false }));
    this.random = prng(options.seed);
    this.current = null as unknown as SimThread;
  }

  /** Creates T1 once memory exists. */
  boot(): void {
    const main = this.newThread('T1', null, true);
    main.state = 'running';
    this.current = main;
    this.processors[main.cpu]!.thread = main;
    this.typeThreadObject(main);
  }

  // ---- processors and IRQL -------------------------------------------------------------------------

  cpu(): Processor {
    return this.cpuOverride ?? this.processors[this.current.cpu]!;
  }

  get irql(): number {
    return this.cpu().irql;
  }

  /** Sets the current processor's IRQL; dropping below DISPATCH_LEVEL delivers queued DPCs, as the hardware would. */
  setIrql(level: number): void {
    const cpu = this.cpu();
    cpu.irql = level;
    if (level < IRQL.DISPATCH_LEVEL) this.drainDpcs(cpu);
  }

  // ---- trace ---------------------------------------------------------------------------------------

  note(kind: TraceEntry['kind'], detail: string): void {
    if (this.trace.length >= TRACE_LIMIT) {
      this.trace.shift();
      this.traceDropped++;
    }
    const cpu = this.cpu();
    this.trace.push({ seq: this.seq++, time: this.now, thread: this.current.name, cpu: cpu.number, irql: cpu.irql, kind, detail });
  }

  // ---- checks --------------------------------------------------------------------------------------

  /** Applies the catalog's IRQL rule for `routine` to the current IRQL. */
  checkIrql(routine: string): void {
    const rule = this.options.irqlRule(routine);
    if (!rule) return;
    const irql = this.irql;
    if (irql > rule.max) {
      throw new BugCheck({
        code: 'IRQL_NOT_LESS_OR_EQUAL', parameters: [0, irql, 0, 0], routine,
        explanation: `${routine} was called at ${irqlName(irql)}; its documented requirement allows at most ${irqlName(rule.max)}.`,
      });
    }
    if (irql < rule.min) {
      throw new BugCheck({
        code: 'IRQL_NOT_GREATER_OR_EQUAL', parameters: [irql, rule.min, 0, 0], routine,
        explanation: `${routine} was called at ${irqlName(irql)}; its documented requirement is at least ${irqlName(rule.min)}.`,
      });
    }
  }

  /** Throws a bug check attributed to the routine being executed. */
  bugcheck(code: string | number, parameters: (number | bigint)[], explanation: string, routine?: string): never {
    throw new BugCheck({ code, parameters, routine: routine ?? this.routine, explanation });
  }

  raise(status: number, routine?: string, message?: string): never {
    throw new NtStatusError(status, routine ?? this.routine, message);
  }

  // ---- objects -------------------------------------------------------------------------------------

  register(obj: KernelObject): void {
    this.objects.set(obj.address, obj);
  }

  unregister(address: number): void {
    this.objects.delete(address);
    this.waitables.delete(address);
  }

  /** The live object of `type` at `address`, or a bug check naming the routine that used it uninitialised. */
  object<T extends KernelObject>(address: number, type: string | string[], routine: string): T {
    const obj = this.objects.get(address);
    const types = Array.isArray(type) ? type : [type];
    if (!obj || !types.includes(obj.type)) {
      const what = obj ? `a ${obj.type}` : 'no initialised object';
      this.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, address, 0, 0],
        `${routine} was passed 0x${address.toString(16)}, which holds ${what}, not an initialised ${types.join(' or ')}: it must be initialised before use.`, routine);
    }
    return obj as T;
  }

  // ---- threads and scheduling ----------------------------------------------------------------------

  newThread(name: string, start: (() => unknown) | null, isMain = false): SimThread {
    if (this.threads.some((t) => t.name === name)) throw new Error(`a thread named ${name} already exists`);
    const block = this.memory.reserve(0x100, { origin: 'system', allocator: 'thread' });
    if (!block) throw new Error('emulated memory exhausted: cannot create a thread');
    const id = this.threads.length + 1;
    const t: SimThread = {
      id, name, address: block.base, cpu: (id - 1) % this.processors.length, state: 'ready', irql: 0, wait: null,
      criticalRegion: 0, guardedRegion: 0, isMain, pendingStatus: 0, start, resume: null, fail: null, onPark: null,
    };
    this.threads.push(t);
    return t;
  }

  startThread(name: string, fn: () => unknown): SimThread {
    const t = this.newThread(name, fn);
    this.typeThreadObject(t);
    this.note('start', name);
    return t;
  }

  /** A KTHREAD starts with a DISPATCHER_HEADER whose Type is ThreadObject (6); drivers read it. Written once a
   * current thread exists, since every memory access is made on behalf of one. */
  private typeThreadObject(t: SimThread): void {
    this.memory.write(t.address, 'UCHAR', 6);
  }

  threadByAddress(address: number): SimThread | undefined {
    return this.threads.find((t) => t.address === address);
  }

  /** Describes what a thread waits on, for deadlock and unload reports. */
  waitLabel(t: SimThread): string {
    return t.wait?.label ?? t.state;
  }

  /**
   * Waits until `objects` are signaled (any one, or all), or the relative/absolute timeout passes.
   * `timeout` is in 100-ns units as in C: negative relative, positive absolute, 0n a poll, null forever.
   * Resolves with STATUS_WAIT_0 + index, STATUS_ABANDONED_WAIT_0 + index or STATUS_TIMEOUT.
   */
  waitFor(objects: Waitable[], all: boolean, timeout: bigint | null, label: string, routine: string): number | Promise<number> {
    const t = this.current;
    const now = this.trySatisfy(t, objects, all);
    if (now !== null) return now;
    if (timeout === 0n) return 0x102;
    this.mustBeAbleToWait(routine);
    const wait: Wait = { thread: t, objects, all, timer: null, label, seq: this.seq++ };
    if (timeout !== null) {
      const due = this.dueTime(timeout);
      wait.timer = this.addTimer(due, `${routine} timeout of ${t.name}`, () => this.complete(wait, 0x102));
    }
    return this.block(t, wait);
  }

  /** Verifier's rule: a thread may block only below DISPATCH_LEVEL and never in a DPC. */
  mustBeAbleToWait(routine: string): void {
    const cpu = this.cpu();
    if (cpu.inDpc) {
      this.bugcheck('ATTEMPTED_SWITCH_FROM_DPC', [0, 0, 0, 0], `${routine} would block inside a DPC routine; a DPC runs at DISPATCH_LEVEL in an arbitrary thread context and may never wait.`, routine);
    }
    if (cpu.irql >= IRQL.DISPATCH_LEVEL) {
      this.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, cpu.irql, 0, 0], `${routine} would block at ${irqlName(cpu.irql)}; waiting with a nonzero timeout is allowed only below DISPATCH_LEVEL.`, routine);
    }
  }

  private trySatisfy(t: SimThread, objects: Waitable[], all: boolean): number | null {
    if (all) {
      if (!objects.every((o) => o.signaled(t))) return null;
      let abandoned = 0;
      for (const o of objects) abandoned |= o.acquire(t) ?? 0;
      return abandoned ? 0x80 : 0;
    }
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i]!;
      if (o.signaled(t)) return ((o.acquire(t) ?? 0) ? 0x80 : 0) + i;
    }
    return null;
  }

  /** Re-examines every waiter on `address` in the order they began waiting (FIFO), after its state changed. */
  signal(address: number): void {
    for (const w of [...this.waits]) {
      if (!w.objects.some((o) => o.address === address)) continue;
      const status = this.trySatisfy(w.thread, w.objects, w.all);
      if (status !== null) this.complete(w, status);
    }
  }

  /** Waits on something that is not a dispatcher object; `complete(wait, status)` ends it. */
  blockOn(label: string, routine: string, timeout?: { due: bigint; status: number }): { wait: Wait; promise: Promise<number> } {
    this.mustBeAbleToWait(routine);
    const wait: Wait = { thread: this.current, objects: [], all: false, timer: null, label, seq: this.seq++ };
    if (timeout) wait.timer = this.addTimer(timeout.due, `${label} (${this.current.name})`, () => this.complete(wait, timeout.status));
    return { wait, promise: this.block(this.current, wait) };
  }

  waiters(address: number): SimThread[] {
    return this.waits.filter((w) => w.objects.some((o) => o.address === address)).map((w) => w.thread);
  }

  complete(wait: Wait, status: number): void {
    const i = this.waits.indexOf(wait);
    if (i < 0) return;
    this.waits.splice(i, 1);
    if (wait.timer) this.cancelTimer(wait.timer);
    const t = wait.thread;
    t.wait = null;
    t.pendingStatus = status;
    t.state = 'ready';
    this.note('wake', `${t.name} (status 0x${status.toString(16)})`);
  }

  private block(t: SimThread, wait: Wait): Promise<number> {
    if (t.wait) {
      throw new Error(`${t.name} called a blocking routine while its previous wait (${t.wait.label}) has not ended: await each blocking call`);
    }
    t.wait = wait;
    t.state = 'waiting';
    this.waits.push(wait);
    this.note('block', wait.label);
    const p = new Promise<number>((resolve, reject) => {
      t.resume = resolve;
      t.fail = reject;
    });
    this.park(t, 'block');
    return p;
  }

  /** Lets other ready threads run; resolves when the scheduler picks the caller again. */
  yieldThread(): Promise<void> {
    const t = this.current;
    if (!this.looping) return this.drive(t, 'settle');
    t.state = 'ready';
    const p = new Promise<void>((resolve, reject) => {
      t.resume = () => resolve();
      t.fail = reject;
    });
    this.park(t, 'yield');
    return p;
  }

  /** Runs every other thread until each has finished or blocked. */
  settle(): Promise<void> {
    return this.yieldThread();
  }

  private park(t: SimThread, why: 'block' | 'yield'): void {
    t.irql = this.processors[t.cpu]!.irql;
    if (this.looping) {
      const onPark = t.onPark;
      t.onPark = null;
      onPark?.();
      return;
    }
    // The scheduler starts after the caller's current synchronous code: a wait started without `await`
    // and then satisfied by the same code (start a wait, set the event, await) completes as it should,
    // and no other thread becomes current under the caller's feet.
    if (why === 'block') queueMicrotask(() => void this.drive(t, 'block'));
  }

  private switchTo(t: SimThread): void {
    const cpu = this.processors[t.cpu]!;
    this.current = t;
    cpu.thread = t;
    cpu.irql = t.irql;
    t.state = 'running';
    this.note('run', t.name);
  }

  private runSlice(t: SimThread): Promise<void> {
    return new Promise<void>((parked) => {
      t.onPark = parked;
      this.switchTo(t);
      if (t.start) {
        const start = t.start;
        t.start = null;
        Promise.resolve()
          .then(start)
          .then(() => this.finish(t, null), (e: unknown) => this.finish(t, e ?? new Error('thread failed')));
      } else {
        const resume = t.resume;
        t.resume = null;
        t.fail = null;
        resume?.(t.pendingStatus);
      }
    });
  }

  private finish(t: SimThread, error: unknown): void {
    t.irql = this.processors[t.cpu]!.irql;
    t.state = 'terminated';
    if (!error && t.irql !== 0) {
      error = new BugCheck({ code: 'IRQL_GT_ZERO_AT_SYSTEM_SERVICE', parameters: [0, t.irql, 0, 0], routine: null,
        explanation: `Thread ${t.name} ended at ${irqlName(t.irql)}; a thread must return at PASSIVE_LEVEL (a lock or KeRaiseIrql was not undone).` });
    }
    if (!error && t.criticalRegion !== 0) {
      error = new BugCheck({ code: 'APC_INDEX_MISMATCH', parameters: [0, 0, t.criticalRegion, 0], routine: null,
        explanation: `Thread ${t.name} ended inside ${t.criticalRegion} critical region(s): each KeEnterCriticalRegion needs a KeLeaveCriticalRegion.` });
    }
    if (error) this.fatal = error;
    this.note('exit', t.name);
    // A thread object is signaled when the thread ends: wake whoever waits on it.
    this.signal(t.address);
    const onPark = t.onPark;
    t.onPark = null;
    onPark?.();
  }

  private pick(exclude: SimThread): SimThread | null {
    const ready = this.threads.filter((t) => t.state === 'ready' && t !== exclude);
    if (ready.length === 0) return null;
    return ready[Math.floor(this.random() * ready.length)]!;
  }

  private async drive(driver: SimThread, mode: 'block' | 'settle'): Promise<void> {
    if (mode === 'block' && driver.state !== 'waiting' && driver.state !== 'ready') return;
    driver.irql = this.processors[driver.cpu]!.irql;
    this.looping = true;
    let failure: unknown = null;
    // Periodic timers can fire forever without waking anyone: after this many expiries with no thread
    // becoming ready, the wait is as hopeless as one with no timer at all.
    let idleExpiries = 0;
    try {
      for (;;) {
        if (mode === 'block' && driver.state === 'ready') break;
        const next = this.pick(driver);
        if (!next) {
          if (mode === 'settle') break;
          const timer = this.nextTimer();
          if (timer && idleExpiries++ < IDLE_EXPIRY_LIMIT) {
            this.advanceTo(timer.due);
            continue;
          }
          failure = new Deadlock(this.blockedThreads());
          break;
        }
        idleExpiries = 0;
        await this.runSlice(next);
        if (this.fatal) {
          failure = this.fatal;
          this.fatal = null;
          break;
        }
      }
    } finally {
      this.looping = false;
    }
    if (failure && mode === 'block') {
      const i = this.waits.indexOf(driver.wait!);
      if (i >= 0) this.waits.splice(i, 1);
      driver.wait = null;
    }
    this.switchTo(driver);
    if (failure) {
      if (failure instanceof BugCheck) this.note('bugcheck', failure.codeName);
      if (mode === 'settle') throw failure;
      const fail = driver.fail;
      driver.resume = null;
      driver.fail = null;
      fail?.(failure);
      return;
    }
    if (mode === 'block') {
      const resume = driver.resume;
      driver.resume = null;
      driver.fail = null;
      resume?.(driver.pendingStatus);
    }
  }

  blockedThreads(): BlockedThreadReport[] {
    return this.threads.filter((t) => t.state === 'waiting').map((t) => ({ thread: t.name, waitingOn: this.waitLabel(t) }));
  }

  /** Clock time (100 ns since boot) of a C due time: negative relative to now, positive absolute system time. */
  dueTime(timeout: bigint): bigint {
    return timeout < 0n ? this.now - timeout : timeout - BOOT_SYSTEM_TIME;
  }

  /** System time (100 ns since 1601-01-01 UTC), as KeQuerySystemTime reports it. */
  systemTime(): bigint {
    return BOOT_SYSTEM_TIME + this.now;
  }

  // ---- function pointers ---------------------------------------------------------------------------

  private readonly code = new Map<number, Function>();
  private readonly codeByFn = new Map<Function, number>();
  private nextCode = 0xfff0_0000_0000;

  /**
   * The address a function pointer has when stored in a structure (a DPC's DeferredRoutine). Callbacks are
   * JavaScript functions; each gets a stable fake code address so C-faithful structures hold a pointer.
   */
  codeAddress(fn: Function | null | undefined): number {
    if (!fn) return 0;
    if (typeof fn !== 'function') throw new TypeError('a function pointer must be a JavaScript function (or null)');
    let a = this.codeByFn.get(fn);
    if (a === undefined) {
      a = this.nextCode;
      this.nextCode += 0x10;
      this.code.set(a, fn);
      this.codeByFn.set(fn, a);
    }
    return a;
  }

  /** The function stored at a code address, or null. */
  codeAt(address: number): Function | null {
    return this.code.get(address) ?? null;
  }

  // ---- clock, timers and DPCs ----------------------------------------------------------------------

  addTimer(due: bigint, label: string, fire: () => void): TimerEntry {
    const e: TimerEntry = { due, seq: this.seq++, label, fire, cancelled: false };
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1]!.due > due)) i--;
    this.timers.splice(i, 0, e);
    return e;
  }

  cancelTimer(e: TimerEntry): boolean {
    const i = this.timers.indexOf(e);
    if (i < 0) return false;
    this.timers.splice(i, 1);
    e.cancelled = true;
    return true;
  }

  pendingTimers(): readonly TimerEntry[] {
    return this.timers;
  }

  private nextTimer(): TimerEntry | undefined {
    return this.timers[0];
  }

  /** Moves the clock forward, firing each timer at its due time in order (the clock interrupt's work). */
  advanceTo(target: bigint): void {
    for (;;) {
      const e = this.timers[0];
      if (!e || e.due > target) break;
      this.timers.shift();
      if (e.due > this.now) this.now = e.due;
      this.note('timer', e.label);
      e.fire();
    }
    if (target > this.now) this.now = target;
  }

  advanceTime(delta: bigint): void {
    if (typeof delta !== 'bigint' || delta < 0n) throw new TypeError('advanceTime takes a non-negative bigint in 100-ns units');
    this.advanceTo(this.now + delta);
  }

  /** Queues a DPC on a processor; it runs as soon as that processor is below DISPATCH_LEVEL. */
  queueDpc(cpuNumber: number, entry: DpcEntry, highImportance = false): void {
    const cpu = this.processors[cpuNumber] ?? this.cpu();
    if (highImportance) cpu.dpcQueue.unshift(entry);
    else cpu.dpcQueue.push(entry);
    this.drainDpcs(cpu);
  }

  removeDpc(entry: DpcEntry): boolean {
    for (const cpu of this.processors) {
      const i = cpu.dpcQueue.indexOf(entry);
      if (i >= 0) {
        cpu.dpcQueue.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  drainDpcs(cpu: Processor): void {
    // Another processor is idle or running a thread below DISPATCH_LEVEL; either way its DPCs may run now.
    if (cpu.inDpc || cpu.irql >= IRQL.DISPATCH_LEVEL) return;
    while (cpu.dpcQueue.length > 0) {
      const entry = cpu.dpcQueue.shift()!;
      const savedOverride = this.cpuOverride;
      const savedIrql = cpu.irql;
      const savedRoutine = this.routine;
      this.cpuOverride = cpu;
      cpu.irql = IRQL.DISPATCH_LEVEL;
      cpu.inDpc = true;
      this.routine = null;
      try {
        this.note('dpc', entry.label);
        entry.run();
        if (cpu.irql !== IRQL.DISPATCH_LEVEL) {
          this.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, cpu.irql, 0, 0], `The DPC routine ${entry.label} returned at ${irqlName(cpu.irql)}; a DPC must return at DISPATCH_LEVEL (a spin lock was left held or released twice).`);
        }
      } finally {
        cpu.inDpc = false;
        cpu.irql = savedIrql;
        this.cpuOverride = savedOverride;
        this.routine = savedRoutine;
      }
    }
  }

  /** Runs `fn` as if on processor `n` (used for interrupt service routines and cross-processor work). */
  onProcessor<T>(n: number, fn: () => T): T {
    const saved = this.cpuOverride;
    this.cpuOverride = this.processors[n] ?? this.cpu();
    try {
      return fn();
    } finally {
      this.cpuOverride = saved;
    }
  }
}
