/**
 * Bug checks, raised exceptions and deadlocks: the three ways an emulated call can end abnormally.
 * Codes and names follow the Windows bug check reference; parameters follow the meaning the reference
 * gives each code, so the blue-screen summary a learner sees matches what WinDbg would print.
 */

/** Bug check codes by name. Modules add theirs with `defineModule({ bugChecks })`. */
export const BUGCHECK_CODES: Record<string, number> = {
  APC_INDEX_MISMATCH: 0x01,
  IRQL_NOT_DISPATCH_LEVEL: 0x08,
  IRQL_NOT_GREATER_OR_EQUAL: 0x09,
  IRQL_NOT_LESS_OR_EQUAL: 0x0a,
  MAXIMUM_WAIT_OBJECTS_EXCEEDED: 0x0c,
  SPIN_LOCK_ALREADY_OWNED: 0x0f,
  SPIN_LOCK_NOT_OWNED: 0x10,
  THREAD_NOT_MUTEX_OWNER: 0x11,
  BAD_POOL_HEADER: 0x19,
  KMODE_EXCEPTION_NOT_HANDLED: 0x1e,
  SYSTEM_EXIT_OWNED_MUTEX: 0x39,
  IRQL_GT_ZERO_AT_SYSTEM_SERVICE: 0x4a,
  PAGE_FAULT_IN_NONPAGED_AREA: 0x50,
  ATTEMPTED_SWITCH_FROM_DPC: 0xb8,
  BAD_POOL_CALLER: 0xc2,
  DRIVER_VERIFIER_DETECTED_VIOLATION: 0xc4,
  DRIVER_CORRUPTED_EXPOOL: 0xc5,
  TIMER_OR_DPC_INVALID: 0xc7,
  DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS: 0xce,
  DRIVER_IRQL_NOT_LESS_OR_EQUAL: 0xd1,
  DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL: 0xd5,
  DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION: 0xd6,
  RESOURCE_NOT_OWNED: 0xe3,
  KERNEL_SECURITY_CHECK_FAILURE: 0x139,
};

export function bugCheckName(code: number): string {
  for (const [name, value] of Object.entries(BUGCHECK_CODES)) if (value === code) return name;
  return `0x${code.toString(16).toUpperCase()}`;
}

/** A bug check: the emulated machine stopped. Thrown through the example's call stack. */
export class BugCheck extends Error {
  override readonly name = 'BugCheck';
  readonly code: number;
  readonly codeName: string;
  /** Always four parameters, as `KeBugCheckEx` takes; numbers or bigints as the reference describes them. */
  readonly parameters: [number | bigint, number | bigint, number | bigint, number | bigint];
  /** The emulated routine whose rule was broken, or null when the fault was a plain memory access. */
  readonly routine: string | null;
  /** One or two sentences naming the routine and the rule broken. */
  readonly explanation: string;

  constructor(init: {
    code: number | string;
    parameters?: (number | bigint)[];
    routine?: string | null;
    explanation: string;
  }) {
    const code = typeof init.code === 'number' ? init.code : BUGCHECK_CODES[init.code];
    if (code === undefined) throw new Error(`unknown bug check name ${String(init.code)}`);
    const codeName = bugCheckName(code);
    super(`*** STOP: 0x${code.toString(16).toUpperCase().padStart(8, '0')} (${codeName}) ${init.explanation}`);
    const p = [...(init.parameters ?? [])];
    while (p.length < 4) p.push(0);
    this.code = code;
    this.codeName = codeName;
    this.parameters = p.slice(0, 4) as BugCheck['parameters'];
    this.routine = init.routine ?? null;
    this.explanation = init.explanation;
  }
}

/** A raised NTSTATUS (`ExRaiseStatus`, a semaphore released past its limit): catchable, as SEH would be. */
export class NtStatusError extends Error {
  override readonly name = 'NtStatusError';
  /** The NTSTATUS as an unsigned 32-bit number. */
  readonly status: number;
  /** The routine that raised it; set by the routine wrapper when the raise came from a memory access. */
  routine: string | null;
  constructor(status: number, routine: string | null = null, message?: string) {
    const s = status >>> 0;
    super(message ?? `${routine ?? 'routine'} raised status 0x${s.toString(16).toUpperCase().padStart(8, '0')}`);
    this.status = s;
    this.routine = routine;
  }
}

/** What one simulated thread was waiting on when a deadlock was found. */
export interface BlockedThreadReport {
  thread: string;
  waitingOn: string;
}

/**
 * The main program awaited something no runnable thread, timer or DPC can ever bring about.
 * Reported instead of hanging; `threads` lists every blocked thread and what it waits on.
 */
export class Deadlock extends Error {
  override readonly name = 'Deadlock';
  readonly threads: BlockedThreadReport[];
  constructor(threads: BlockedThreadReport[]) {
    super(`deadlock: ${threads.map((t) => `${t.thread} waits on ${t.waitingOn}`).join('; ')}`);
    this.threads = threads;
  }
}
