// @title A system thread, its handle and its object: referencing, waiting, dereferencing
// @routines PsGetCurrentThreadTeb PsCreateSystemThread ObReferenceObjectByHandle ZwClose KeWaitForSingleObject PsGetThreadExitStatus PsTerminateSystemThread ObDereferenceObject PsGetCurrentThread PsGetCurrentThreadId PsGetThreadId PsGetCurrentProcess IoGetCurrentProcess PsGetCurrentProcessId PsGetProcessId PsGetThreadProcessId PsIsSystemThread InitializeObjectAttributes
// @structures OBJECT_ATTRIBUTES CLIENT_ID
const attributes = k.alloc('OBJECT_ATTRIBUTES');
k.InitializeObjectAttributes(attributes, k.NULL, k.OBJ_KERNEL_HANDLE, k.NULL, k.NULL);
const handle = k.alloc('HANDLE');
const clientId = k.alloc('CLIENT_ID');

const worker = (context) => {
  print('worker: context', hex(context), 'system thread:', k.PsIsSystemThread(k.PsGetCurrentThread()));
  // PsTerminateSystemThread ends the calling thread; nothing after it runs.
  k.PsTerminateSystemThread(0x12345678);
  print('never printed');
};
print('PsCreateSystemThread:', k.PsCreateSystemThread(handle, k.THREAD_ALL_ACCESS, attributes, k.NULL, clientId, worker, 0xc0ffee));
print('client id: process', k.get(clientId, 'CLIENT_ID', 'UniqueProcess'), 'thread', hex(k.get(clientId, 'CLIENT_ID', 'UniqueThread')));

// The thread object outlives the handle as long as a reference is held: take one, then close the handle.
const thread = k.alloc('PVOID');
print('ObReferenceObjectByHandle:', k.ObReferenceObjectByHandle(k.read(handle, 'HANDLE'), k.SYNCHRONIZE,
  k.read(k.PsThreadType, 'PVOID'), k.KernelMode, thread, k.NULL));
print('ZwClose:', k.ZwClose(k.read(handle, 'HANDLE')));
const object = k.read(thread, 'PVOID');
print('thread id from the object:', hex(k.PsGetThreadId(object)), 'process id:', k.PsGetThreadProcessId(object));

// A thread object is signaled when the thread ends.
print('wait:', await k.KeWaitForSingleObject(object, k.Executive, k.KernelMode, k.FALSE, k.NULL));
print('exit status:', hex(k.PsGetThreadExitStatus(object)));
k.ObDereferenceObject(object);

print('main thread id:', hex(k.PsGetCurrentThreadId()), 'same as PsGetThreadId(PsGetCurrentThread()):',
  k.PsGetThreadId(k.PsGetCurrentThread()) === k.PsGetCurrentThreadId());
print('process:', k.PsGetCurrentProcess() === k.IoGetCurrentProcess(), 'id', k.PsGetProcessId(k.PsGetCurrentProcess()), k.PsGetCurrentProcessId());
// PsGetCurrentThreadTeb "returns NULL in the following cases: The current thread does not have a TEB (for
// example a system thread)".
print('TEB:', k.PsGetCurrentThreadTeb());
k.unload();
