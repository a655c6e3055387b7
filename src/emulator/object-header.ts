/**
 * The object manager's reference counts and the process and thread stand-ins: ObReferenceObject,
 * ObDereferenceObject (and …WithTag, …DeferDelete), ObReferenceObjectByPointer, ObReferenceObjectByHandle,
 * ObCloseHandle / ZwClose, PsCreateSystemThread / PsTerminateSystemThread, PsGetCurrentProcess /
 * IoGetCurrentProcess, PsGetCurrentThread, the process and thread ids, PsIsSystemThread and
 * PsGetThreadExitStatus (content/ddi/wdm/nf-wdm-ob*.md, nf-wdm-ps*.md, ntddk/nf-ntddk-psget*.md).
 *
 * Every object has an OBJECT_HEADER here, kept beside emulated memory: its type, PointerCount and
 * HandleCount. An object is deleted — its memory freed, so a later touch faults as freed special pool —
 * when the last reference goes; dereferencing past zero is REFERENCE_BY_POINTER (0x18), as on Windows.
 * A running thread holds one reference on itself and gives it up when it ends.
 *
 * Stand-ins (layouts not public; sizes chosen, not Windows'): one System process (an opaque 0x800-byte
 * EPROCESS, process id 4) in which every simulated thread runs, so PsIsSystemThread is TRUE; a thread's
 * id is 0x1000 + 4 × its number (T1 → 0x1004). Kernel handles are small multiples of 4 from 0x80 (a
 * real kernel handle has its top bit set, which a JavaScript number cannot carry exactly);
 * NtCurrentProcess() is -1 and NtCurrentThread() -2. PsProcessType, PsThreadType and
 * PsInitialSystemProcess are exported variables: addresses of cells holding the pointer, as in C
 * (`*PsProcessType` is `k.read(k.PsProcessType, 'PVOID')`).
 */
import type { SimThread } from './kernel.ts';
import { defineModule, type Sys } from './module.ts';

const STATUS_SUCCESS = 0x00000000;
const STATUS_PENDING = 0x00000103;
const STATUS_INVALID_HANDLE = 0xc0000008;
const STATUS_INVALID_PARAMETER = 0xc000000d;
const STATUS_OBJECT_TYPE_MISMATCH = 0xc0000024;
const SYSTEM_PROCESS_ID = 4;
const EPROCESS_SIZE = 0x800;
const FIRST_HANDLE = 0x80;
const CURRENT_PROCESS = -1;
const CURRENT_THREAD = -2;
/** DISPATCHER_HEADER Type values of the process and thread objects (KOBJECTS). */
const PROCESS_OBJECT = 3;
const THREAD_OBJECT = 6;

type ObjectTypeName = 'Process' | 'Thread';

interface ObjectHeader {
  address: number;
  type: ObjectTypeName;
  pointerCount: number;
  handleCount: number;
  /** A running thread's reference on itself, given up when it ends. */
  selfReference: boolean;
  deleted: boolean;
  thread?: SimThread;
  exitStatus: number;
}

/** Thrown by PsTerminateSystemThread and caught by the thread's start wrapper. */
class ThreadExit {
  constructor(readonly status: number) {}
}

export default defineModule({
  name: 'object-header',
  layouts: {
    CLIENT_ID: [['UniqueProcess', 'HANDLE'], ['UniqueThread', 'HANDLE']],
    EPROCESS: { opaque: { size: EPROCESS_SIZE, align: 16 } },
    OBJECT_ATTRIBUTES: [['Length', 'ULONG'], ['RootDirectory', 'HANDLE'], ['ObjectName', 'PUNICODE_STRING'],
      ['Attributes', 'ULONG'], ['SecurityDescriptor', 'PVOID'], ['SecurityQualityOfService', 'PVOID']],
  },
  constants: {
    STATUS_OBJECT_TYPE_MISMATCH, OBJ_KERNEL_HANDLE: 0x200, OBJ_CASE_INSENSITIVE: 0x40,
    THREAD_ALL_ACCESS: 0x1fffff, PROCESS_ALL_ACCESS: 0x1fffff, SYNCHRONIZE: 0x100000, GENERIC_ALL: 0x10000000,
  },
  bugChecks: { REFERENCE_BY_POINTER: 0x18, INVALID_KERNEL_HANDLE: 0x93 },
  ...(() => {
    // Per-kernel state shared by the routines and the exported variables.
    const state = new WeakMap<Sys, ReturnType<typeof objectManager>>();
    const of = (sys: Sys) => {
      let m = state.get(sys);
      if (!m) { m = objectManager(sys); state.set(sys, m); }
      return m;
    };
    return {
      helpers: (sys: Sys) => {
        const m = of(sys);
        // Exported kernel variables, not routines: the address of each variable.
        return { PsProcessType: m.variables.PsProcessType, PsThreadType: m.variables.PsThreadType,
          PsInitialSystemProcess: m.variables.PsInitialSystemProcess } as unknown as Record<string, () => unknown>;
      },
      routines: (sys: Sys) => of(sys).routines,
      unload: (sys: Sys) => of(sys).unload(),
    };
  })(),
});

function objectManager(sys: Sys) {
  const ctx = sys.ctx;
  const headers = new Map<number, ObjectHeader>();
  const handles = new Map<number, number>();
  let nextHandle = FIRST_HANDLE;
  let systemThreads = 0;

  const cell = (value: number) => {
    const block = sys.mem.reserve(8, { origin: 'system', allocator: 'object manager' })!;
    sys.mem.write(block.base, 'PVOID', value);
    return block.base;
  };
  const typeObject = (name: string) => sys.mem.reserve(0x100, { origin: 'system', allocator: `${name} object type` })!.base;
  const types: Record<ObjectTypeName, number> = { Process: typeObject('Process'), Thread: typeObject('Thread') };
  const systemProcess = sys.mem.reserve(EPROCESS_SIZE, { origin: 'system', allocator: 'System process' })!.base;
  sys.mem.write(systemProcess, 'UCHAR', PROCESS_OBJECT);
  headers.set(systemProcess, { address: systemProcess, type: 'Process', pointerCount: 1, handleCount: 0, selfReference: true, deleted: false, exitStatus: STATUS_PENDING });
  const variables = {
    PsProcessType: cell(types.Process),
    PsThreadType: cell(types.Thread),
    PsInitialSystemProcess: cell(systemProcess),
  };

  const threadHeader = (t: SimThread): ObjectHeader => {
    let h = headers.get(t.address);
    if (!h) {
      // A thread object starts with a DISPATCHER_HEADER whose Type is ThreadObject (6), as drivers may check.
      sys.mem.write(t.address, 'UCHAR', THREAD_OBJECT);
      h = { address: t.address, type: 'Thread', pointerCount: 1, handleCount: 0, selfReference: true, deleted: false, thread: t, exitStatus: STATUS_PENDING };
      headers.set(t.address, h);
    }
    return h;
  };
  threadHeader(ctx.current);

  /** The header of an object, after letting an ended thread give up its reference on itself. */
  const header = (object: number, routine: string): ObjectHeader => {
    const thread = ctx.threadByAddress(object);
    const h = headers.get(object) ?? (thread ? threadHeader(thread) : undefined);
    if (!h || h.deleted) {
      return ctx.bugcheck('REFERENCE_BY_POINTER', [h ? types[h.type] : 0, object, 0, 0],
        `${routine} was passed 0x${object.toString(16)}, which is ${h?.deleted ? 'an object already deleted when its last reference went' : 'not an object the object manager knows (a process, a thread)'}.`, routine);
    }
    settle(h);
    return h;
  };

  const settle = (h: ObjectHeader) => {
    if (h.thread && h.selfReference && h.thread.state === 'terminated') {
      h.selfReference = false;
      release(h, 'thread exit');
    }
  };

  const release = (h: ObjectHeader, routine: string) => {
    h.pointerCount--;
    if (h.pointerCount === 0 && h.handleCount === 0) {
      h.deleted = true;
      const block = sys.mem.blockAt(h.address);
      if (block && !block.freed) sys.mem.release(block, `${routine} (last reference)`);
      ctx.note('note', `${h.type} object 0x${h.address.toString(16)} deleted: its last reference went`);
    }
  };

  const reference = (object: number, routine: string) => {
    header(object, routine).pointerCount++;
  };

  const dereference = (object: number, routine: string) => {
    const h = header(object, routine);
    // References the system holds (a running thread on itself, open handles) are not the caller's to drop.
    if (h.pointerCount - (h.selfReference ? 1 : 0) - h.handleCount <= 0) {
      ctx.bugcheck('REFERENCE_BY_POINTER', [types[h.type], object, h.pointerCount, h.handleCount],
        `${routine}: the ${h.type.toLowerCase()} object at 0x${object.toString(16)} has no reference of the caller's left to drop; each dereference must match a reference.`, routine);
    }
    release(h, routine);
  };

  const typeMatches = (h: ObjectHeader, objectType: number) => !objectType || types[h.type] === objectType;

  const currentHandleObject = (handle: number): number | null => {
    if (handle === CURRENT_PROCESS) return systemProcess;
    if (handle === CURRENT_THREAD) return ctx.current.address;
    return handles.get(handle) ?? null;
  };

  const threadId = (t: SimThread) => 0x1000 + 4 * t.id;
  const threadOf = (object: number, routine: string) => {
    const t = ctx.threadByAddress(object);
    if (!t) return ctx.bugcheck('REFERENCE_BY_POINTER', [types.Thread, object, 1, 0], `${routine} was passed 0x${object.toString(16)}, which is not a thread.`, routine);
    return t;
  };

  const close = (handle: number, routine: string) => {
    const object = handles.get(handle);
    if (object === undefined) {
      return ctx.bugcheck('INVALID_KERNEL_HANDLE', [handle, 0, 0, 0],
        `${routine} was passed 0x${handle.toString(16)}, which is not an open kernel handle (closed twice, or never opened).`, routine);
    }
    handles.delete(handle);
    const h = headers.get(object)!;
    h.handleCount--;
    release(h, routine);
    return STATUS_SUCCESS;
  };

  const routines = {
    ObReferenceObject(Object: number) { reference(Object, 'ObReferenceObject'); },
    ObfReferenceObject(Object: number) { reference(Object, 'ObfReferenceObject'); return BigInt(headers.get(Object)!.pointerCount); },
    ObReferenceObjectWithTag(Object: number, _Tag: number) { reference(Object, 'ObReferenceObjectWithTag'); },
    ObDereferenceObject(Object: number) { dereference(Object, 'ObDereferenceObject'); },
    ObfDereferenceObject(Object: number) { dereference(Object, 'ObfDereferenceObject'); },
    ObDereferenceObjectWithTag(Object: number, _Tag: number) { dereference(Object, 'ObDereferenceObjectWithTag'); },
    ObDereferenceObjectDeferDelete(Object: number) { dereference(Object, 'ObDereferenceObjectDeferDelete'); },
    ObDereferenceObjectDeferDeleteWithTag(Object: number, _Tag: number) { dereference(Object, 'ObDereferenceObjectDeferDeleteWithTag'); },
    /** "Returns TRUE if the object was referenced", FALSE once it is being deleted. */
    ObReferenceObjectSafe(Object: number) {
      const h = headers.get(Object) ?? (ctx.threadByAddress(Object) ? threadHeader(ctx.threadByAddress(Object)!) : undefined);
      if (!h || h.deleted) return 0;
      settle(h);
      if (h.pointerCount === 0) return 0;
      h.pointerCount++;
      return 1;
    },
    ObReferenceObjectByPointer(Object: number, _DesiredAccess: number, ObjectType: number, _AccessMode: number) {
      const h = header(Object, 'ObReferenceObjectByPointer');
      if (!typeMatches(h, ObjectType)) return STATUS_OBJECT_TYPE_MISMATCH;
      h.pointerCount++;
      return STATUS_SUCCESS;
    },
    ObReferenceObjectByPointerWithTag(Object: number, DesiredAccess: number, ObjectType: number, AccessMode: number, _Tag: number) {
      return routines.ObReferenceObjectByPointer(Object, DesiredAccess, ObjectType, AccessMode);
    },
    ObReferenceObjectByHandle(Handle: number, _DesiredAccess: number, ObjectType: number, _AccessMode: number, Object: number, _HandleInformation: number) {
      const target = currentHandleObject(Handle);
      if (target === null) return STATUS_INVALID_HANDLE;
      const h = header(target, 'ObReferenceObjectByHandle');
      if (!typeMatches(h, ObjectType)) return STATUS_OBJECT_TYPE_MISMATCH;
      h.pointerCount++;
      sys.mem.write(Object, 'PVOID', target);
      return STATUS_SUCCESS;
    },
    ObReferenceObjectByHandleWithTag(Handle: number, DesiredAccess: number, ObjectType: number, AccessMode: number, _Tag: number, Object: number, HandleInformation: number) {
      return routines.ObReferenceObjectByHandle(Handle, DesiredAccess, ObjectType, AccessMode, Object, HandleInformation);
    },
    ObCloseHandle: (Handle: number, _PreviousMode: number) => close(Handle, 'ObCloseHandle'),
    ZwClose: (Handle: number) => close(Handle, 'ZwClose'),
    NtClose: (Handle: number) => close(Handle, 'NtClose'),
    InitializeObjectAttributes(p: number, n: number, a: number, r: number, s: number) {
      sys.set(p, 'OBJECT_ATTRIBUTES', 'Length', sys.layouts.get('OBJECT_ATTRIBUTES').size);
      sys.set(p, 'OBJECT_ATTRIBUTES', 'RootDirectory', r);
      sys.set(p, 'OBJECT_ATTRIBUTES', 'Attributes', a);
      sys.set(p, 'OBJECT_ATTRIBUTES', 'ObjectName', n);
      sys.set(p, 'OBJECT_ATTRIBUTES', 'SecurityDescriptor', s);
      sys.set(p, 'OBJECT_ATTRIBUTES', 'SecurityQualityOfService', 0);
    },
    NtCurrentProcess: () => CURRENT_PROCESS,
    ZwCurrentProcess: () => CURRENT_PROCESS,
    NtCurrentThread: () => CURRENT_THREAD,
    ZwCurrentThread: () => CURRENT_THREAD,

    /**
     * Starts StartRoutine(StartContext) — a JavaScript function, possibly async — on a new simulated
     * system thread and returns a handle to its thread object in *ThreadHandle.
     */
    PsCreateSystemThread(ThreadHandle: number, _DesiredAccess: number, _ObjectAttributes: number, _ProcessHandle: number,
      ClientId: number, StartRoutine: (context: number) => unknown, StartContext: number) {
      if (typeof StartRoutine !== 'function') throw new TypeError('PsCreateSystemThread: StartRoutine must be a function');
      systemThreads++;
      let h: ObjectHeader | undefined;
      const t = ctx.startThread(`System${systemThreads}`, async () => {
        try {
          await StartRoutine(StartContext);
          h!.exitStatus = STATUS_SUCCESS;
        } catch (e) {
          if (!(e instanceof ThreadExit)) throw e;
          h!.exitStatus = e.status;
        }
      });
      h = threadHeader(t);
      const handle = nextHandle;
      nextHandle += 4;
      handles.set(handle, t.address);
      h.handleCount++;
      h.pointerCount++;
      sys.mem.write(ThreadHandle, 'HANDLE', handle);
      if (ClientId) {
        sys.set(ClientId, 'CLIENT_ID', 'UniqueProcess', SYSTEM_PROCESS_ID);
        sys.set(ClientId, 'CLIENT_ID', 'UniqueThread', threadId(t));
      }
      return STATUS_SUCCESS;
    },
    /** Ends the calling system thread: nothing after the call runs. */
    PsTerminateSystemThread(ExitStatus: number) {
      const h = headers.get(ctx.current.address);
      if (!h || h.exitStatus !== STATUS_PENDING || ctx.current.isMain) return STATUS_INVALID_PARAMETER;
      throw new ThreadExit(ExitStatus >>> 0);
    },
    PsGetThreadExitStatus: (Thread: number) => header(Thread, 'PsGetThreadExitStatus').exitStatus,

    PsGetCurrentProcess: () => systemProcess,
    IoGetCurrentProcess: () => systemProcess,
    PsGetCurrentThread: () => ctx.current.address,
    /** "returns NULL … The current thread does not have a TEB (for example a system thread)": every thread here. */
    PsGetCurrentThreadTeb: () => 0,
    PsGetCurrentProcessId: () => SYSTEM_PROCESS_ID,
    PsGetCurrentThreadId: () => threadId(ctx.current),
    PsGetProcessId(Process: number) {
      if (header(Process, 'PsGetProcessId').type !== 'Process') return ctx.bugcheck('REFERENCE_BY_POINTER', [types.Process, Process, 1, 0], `PsGetProcessId was passed 0x${Process.toString(16)}, which is not a process.`, 'PsGetProcessId');
      return SYSTEM_PROCESS_ID;
    },
    PsGetThreadId: (Thread: number) => threadId(threadOf(Thread, 'PsGetThreadId')),
    PsGetThreadProcessId: (Thread: number) => { threadOf(Thread, 'PsGetThreadProcessId'); return SYSTEM_PROCESS_ID; },
    PsIsSystemThread: (Thread: number) => { threadOf(Thread, 'PsIsSystemThread'); return 1; },
  };

  const unload = () => {
    const lines: string[] = [];
    for (const [handle, object] of handles) lines.push(`kernel handle 0x${handle.toString(16)} to the thread object 0x${object.toString(16)} was never closed`);
    for (const h of headers.values()) {
      settle(h);
      const extra = h.pointerCount - (h.selfReference ? 1 : 0) - h.handleCount;
      if (!h.deleted && extra > 0) lines.push(`${h.type.toLowerCase()} object 0x${h.address.toString(16)} still has ${extra} reference(s) from ObReference…: a missing ObDereferenceObject`);
    }
    return lines;
  };

  return { routines, variables, unload };
}
