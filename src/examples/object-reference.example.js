// @title Object reference counts, and one dereference too many
// @routines ObReferenceObject ObReferenceObjectWithTag ObReferenceObjectByPointer ObReferenceObjectSafe ObDereferenceObject ObDereferenceObjectWithTag ObDereferenceObjectDeferDelete ObCloseHandle PsCreateSystemThread ObReferenceObjectByHandle
const handle = k.alloc('HANDLE');
k.PsCreateSystemThread(handle, k.THREAD_ALL_ACCESS, k.NULL, k.NULL, k.NULL, () => print('worker ran'), 0);
const p = k.alloc('PVOID');
k.ObReferenceObjectByHandle(k.read(handle, 'HANDLE'), 0, k.NULL, k.KernelMode, p, k.NULL);
const thread = k.read(p, 'PVOID');
print('ObCloseHandle:', k.ObCloseHandle(k.read(handle, 'HANDLE'), k.KernelMode));
await k.settle();

// Each reference must be balanced by one dereference.
k.ObReferenceObject(thread);
k.ObReferenceObjectWithTag(thread, k.tag('Demo'));
// ObReferenceObjectByPointer checks the type: STATUS_OBJECT_TYPE_MISMATCH for a thread taken as a process.
print('by pointer as a thread:', hex(k.ObReferenceObjectByPointer(thread, 0, k.read(k.PsThreadType, 'PVOID'), k.KernelMode)));
print('by pointer as a process:', hex(k.ObReferenceObjectByPointer(thread, 0, k.read(k.PsProcessType, 'PVOID'), k.KernelMode)));
print('ObReferenceObjectSafe:', k.ObReferenceObjectSafe(thread));
k.ObDereferenceObject(thread);
k.ObDereferenceObjectWithTag(thread, k.tag('Demo'));
k.ObDereferenceObjectDeferDelete(thread);
k.ObDereferenceObject(thread); // for the ObReferenceObjectByPointer that succeeded
print('balanced: one reference left, from ObReferenceObjectByHandle');
k.ObDereferenceObject(thread);
// That was the last reference: the thread has ended, so its object is deleted. One more dereference is what Windows reports as REFERENCE_BY_POINTER (0x18).
k.ObDereferenceObject(thread);
print('never printed');
