// @title Object reference counts, and one dereference too many
// @routines ObReferenceObject ObReferenceObjectWithTag ObReferenceObjectByPointer ObReferenceObjectByPointerWithTag ObReferenceObjectSafe ObfReferenceObject ObDereferenceObject ObDereferenceObjectWithTag ObDereferenceObjectDeferDelete ObDereferenceObjectDeferDeleteWithTag ObfDereferenceObject ObCloseHandle PsCreateSystemThread ObReferenceObjectByHandle ObReferenceObjectByHandleWithTag NtCurrentThread ZwCurrentThread NtCurrentProcess ZwCurrentProcess NtClose
const handle = k.alloc('HANDLE');
k.PsCreateSystemThread(handle, k.THREAD_ALL_ACCESS, k.NULL, k.NULL, k.NULL, () => print('worker ran'), 0);
const p = k.alloc('PVOID');
k.ObReferenceObjectByHandle(k.read(handle, 'HANDLE'), 0, k.NULL, k.KernelMode, p, k.NULL);
const thread = k.read(p, 'PVOID');
print('ObCloseHandle:', k.ObCloseHandle(k.read(handle, 'HANDLE'), k.KernelMode));
await k.settle();

// NtCurrentThread() and NtCurrentProcess() are pseudo-handles (-2 and -1) that ObReferenceObjectByHandle accepts.
const self = k.alloc('PVOID');
k.ObReferenceObjectByHandleWithTag(k.NtCurrentThread(), 0, k.read(k.PsThreadType, 'PVOID'), k.KernelMode, k.tag('Demo'), self, k.NULL);
print('NtCurrentThread() is the current thread:', k.read(self, 'PVOID') === k.PsGetCurrentThread(), 'pseudo-handles:', k.ZwCurrentThread(), k.ZwCurrentProcess());
k.ObDereferenceObjectDeferDeleteWithTag(k.read(self, 'PVOID'), k.tag('Demo'));
const process = k.alloc('PVOID');
k.ObReferenceObjectByHandle(k.NtCurrentProcess(), 0, k.read(k.PsProcessType, 'PVOID'), k.KernelMode, process, k.NULL);
print('ObfReferenceObject returns the new count:', k.ObfReferenceObject(k.read(process, 'PVOID')) > 0n);
k.ObfDereferenceObject(k.read(process, 'PVOID'));
k.ObDereferenceObject(k.read(process, 'PVOID'));
// A handle closed twice is an invalid kernel handle; here one more handle is opened and closed once.
const second = k.alloc('HANDLE');
k.PsCreateSystemThread(second, k.THREAD_ALL_ACCESS, k.NULL, k.NULL, k.NULL, () => undefined, 0);
print('NtClose:', k.NtClose(k.read(second, 'HANDLE')));

// Each reference must be balanced by one dereference.
k.ObReferenceObject(thread);
k.ObReferenceObjectWithTag(thread, k.tag('Demo'));
// ObReferenceObjectByPointer checks the type: STATUS_OBJECT_TYPE_MISMATCH for a thread taken as a process.
print('by pointer as a thread:', hex(k.ObReferenceObjectByPointer(thread, 0, k.read(k.PsThreadType, 'PVOID'), k.KernelMode)));
print('by pointer with a tag:', hex(k.ObReferenceObjectByPointerWithTag(thread, 0, k.NULL, k.KernelMode, k.tag('Demo'))));
print('by pointer as a process:', hex(k.ObReferenceObjectByPointer(thread, 0, k.read(k.PsProcessType, 'PVOID'), k.KernelMode)));
print('ObReferenceObjectSafe:', k.ObReferenceObjectSafe(thread));
k.ObDereferenceObject(thread);
k.ObDereferenceObjectWithTag(thread, k.tag('Demo'));
k.ObDereferenceObjectDeferDelete(thread);
k.ObDereferenceObject(thread); // for the ObReferenceObjectByPointer that succeeded
k.ObDereferenceObjectWithTag(thread, k.tag('Demo')); // for ObReferenceObjectByPointerWithTag
print('balanced: one reference left, from ObReferenceObjectByHandle');
k.ObDereferenceObject(thread);
// That was the last reference: the thread has ended, so its object is deleted. One more dereference is what Windows reports as REFERENCE_BY_POINTER (0x18).
k.ObDereferenceObject(thread);
print('never printed');
