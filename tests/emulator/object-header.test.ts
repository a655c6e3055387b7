// Specification: content/ddi/wdm/nf-wdm-ob{referenceobject,dereferenceobject,referenceobjectbypointer,
// referenceobjectbyhandle,closehandle}.md, nf-wdm-pscreatesystemthread.md, nf-wdm-psterminatesystemthread.md,
// ntddk/nf-ntddk-psget*.md, ntifs/nf-ntifs-psissystemthread.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('processes and threads', () => {
  it('PsGetCurrentProcess is the System process (id 4) and PsGetCurrentThread the running thread', async () => {
    const k = createKernel();
    const process = k.PsGetCurrentProcess();
    expect(process).toBe(k.read(k.PsInitialSystemProcess, 'PVOID'));
    expect(k.PsGetProcessId(process)).toBe(4);
    expect(k.PsGetCurrentProcessId()).toBe(4);
    expect(k.PsGetCurrentThread()).toBe(k.KeGetCurrentThread());
    expect(k.PsGetThreadId(k.PsGetCurrentThread())).toBe(k.PsGetCurrentThreadId());
    expect(k.PsIsSystemThread(k.PsGetCurrentThread())).toBe(k.TRUE);
    let other = 0;
    k.startThread('T2', () => { other = k.PsGetCurrentThreadId(); });
    await k.settle();
    expect(other).not.toBe(k.PsGetCurrentThreadId());
    expect(other % 4).toBe(0);
  });
});

describe('reference counting', () => {
  it('ObReferenceObjectByPointer checks the object type', () => {
    const k = createKernel();
    const thread = k.PsGetCurrentThread();
    expect(k.ObReferenceObjectByPointer(thread, 0, k.read(k.PsThreadType, 'PVOID'), k.KernelMode)).toBe(k.STATUS_SUCCESS);
    expect(k.ObReferenceObjectByPointer(thread, 0, k.read(k.PsProcessType, 'PVOID'), k.KernelMode)).toBe(k.STATUS_OBJECT_TYPE_MISMATCH);
    k.ObDereferenceObject(thread);
  });

  it('a thread object is deleted when the thread has ended and the last reference goes', async () => {
    const k = createKernel();
    const handle = k.alloc('HANDLE');
    let ran = false;
    expect(k.PsCreateSystemThread(handle, k.THREAD_ALL_ACCESS, 0, 0, 0, () => { ran = true; }, 0)).toBe(k.STATUS_SUCCESS);
    const thread = k.alloc('PVOID');
    expect(k.ObReferenceObjectByHandle(k.read(handle, 'HANDLE'), k.SYNCHRONIZE, k.read(k.PsThreadType, 'PVOID'), k.KernelMode, thread, 0)).toBe(0);
    expect(k.ZwClose(k.read(handle, 'HANDLE'))).toBe(0);
    const object = k.read(thread, 'PVOID') as number;
    expect(await k.KeWaitForSingleObject(object, k.Executive, k.KernelMode, k.FALSE, 0)).toBe(k.STATUS_SUCCESS);
    expect(ran).toBe(true);
    expect(k.PsGetThreadExitStatus(object)).toBe(k.STATUS_SUCCESS);
    k.ObDereferenceObject(object);
    // The memory is gone: touching the ETHREAD now faults like freed special pool.
    expect(() => k.read(object, 'ULONG')).toThrow(expect.objectContaining({ codeName: 'DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL' }));
  });

  it('PsTerminateSystemThread ends the thread with its status; nothing after it runs', async () => {
    const k = createKernel();
    const handle = k.alloc('HANDLE');
    const steps: string[] = [];
    k.PsCreateSystemThread(handle, 0, 0, 0, 0, () => { steps.push('a'); k.PsTerminateSystemThread(0xc0000001); steps.push('b'); }, 0);
    const thread = k.alloc('PVOID');
    k.ObReferenceObjectByHandle(k.read(handle, 'HANDLE'), 0, 0, k.KernelMode, thread, 0);
    k.ZwClose(k.read(handle, 'HANDLE'));
    await k.KeWaitForSingleObject(k.read(thread, 'PVOID'), k.Executive, k.KernelMode, k.FALSE, 0);
    expect(steps).toEqual(['a']);
    expect(k.PsGetThreadExitStatus(k.read(thread, 'PVOID'))).toBe(0xc0000001);
    k.ObDereferenceObject(k.read(thread, 'PVOID'));
  });

  it('one ObDereferenceObject too many bugchecks REFERENCE_BY_POINTER', async () => {
    const k = createKernel();
    k.startThread('T2', () => undefined);
    await k.settle();
    const t2 = k.alloc('PVOID');
    expect(k.ObReferenceObjectByHandle(k.NtCurrentThread(), 0, 0, k.KernelMode, t2, 0)).toBe(0);
    const self = k.read(t2, 'PVOID') as number;
    k.ObDereferenceObject(self);
    expect(() => k.ObDereferenceObject(self)).toThrow(expect.objectContaining({ codeName: 'REFERENCE_BY_POINTER', code: 0x18 }));
  });

  it('closing a handle twice bugchecks INVALID_KERNEL_HANDLE', () => {
    const k = createKernel();
    const handle = k.alloc('HANDLE');
    k.PsCreateSystemThread(handle, 0, 0, 0, 0, () => undefined, 0);
    const h = k.read(handle, 'HANDLE');
    k.ZwClose(h);
    expect(() => k.ZwClose(h)).toThrow(expect.objectContaining({ codeName: 'INVALID_KERNEL_HANDLE' }));
  });

  it('an unknown handle is STATUS_INVALID_HANDLE for ObReferenceObjectByHandle', () => {
    const k = createKernel();
    expect(k.ObReferenceObjectByHandle(0x1234, 0, 0, k.KernelMode, k.alloc('PVOID'), 0)).toBe(k.STATUS_INVALID_HANDLE);
  });
});

describe('object headers in memory', () => {
  it('thread and process objects begin with their DISPATCHER_HEADER Type (6 and 3)', () => {
    const k = createKernel();
    expect(k.read(k.PsGetCurrentThread(), 'UCHAR')).toBe(6);
    expect(k.read(k.PsGetCurrentProcess(), 'UCHAR')).toBe(3);
    const handle = k.alloc('HANDLE');
    k.PsCreateSystemThread(handle, 0, 0, 0, 0, () => undefined, 0);
    const thread = k.alloc('PVOID');
    k.ObReferenceObjectByHandle(k.read(handle, 'HANDLE'), 0, 0, k.KernelMode, thread, 0);
    expect(k.read(k.read(thread, 'PVOID') as number, 'UCHAR')).toBe(6);
    expect(k.ObReferenceObjectByHandle(0, 0, 0, k.KernelMode, thread, 0)).toBe(k.STATUS_INVALID_HANDLE);
  });
});

describe('PsGetCurrentThreadTeb', () => {
  it('returns NULL: every simulated thread is a system thread without a TEB', () => {
    expect(createKernel().PsGetCurrentThreadTeb()).toBe(0);
  });
});
