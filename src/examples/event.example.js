// @title Events: notification and synchronization
// @routines KeInitializeEvent KeSetEvent KeClearEvent KeResetEvent KePulseEvent KeReadStateEvent KeWaitForSingleObject
// @structures KEVENT DISPATCHER_HEADER
const ready = k.alloc('KEVENT');
k.KeInitializeEvent(ready, k.NotificationEvent, k.FALSE);

for (const name of ['Reader1', 'Reader2']) {
  k.startThread(name, async () => {
    const status = await k.KeWaitForSingleObject(ready, k.Executive, k.KernelMode, k.FALSE, null);
    print(name, 'woke with status', hex(status));
  });
}
await k.settle();
print('waiters blocked; state', k.KeReadStateEvent(ready));
// KeSetEvent: "If the previous state of the event object was signaled, a nonzero value is returned."
print('KeSetEvent returned', k.KeSetEvent(ready, k.IO_NO_INCREMENT, k.FALSE));
await k.settle();
// A notification event stays signaled until it is reset.
print('state after set', k.KeReadStateEvent(ready));
// KeResetEvent returns the previous state, "which is nonzero for a signaled state".
print('KeResetEvent returned', k.KeResetEvent(ready));
k.KeClearEvent(ready);

// A synchronization event releases one waiter and resets itself.
const gate = k.alloc('KEVENT');
k.KeInitializeEvent(gate, k.SynchronizationEvent, k.FALSE);
for (const name of ['First', 'Second']) {
  k.startThread(name, async () => {
    await k.KeWaitForSingleObject(gate, k.Executive, k.KernelMode, k.FALSE, null);
    print(name, 'passed the gate');
  });
  await k.settle();
}
k.KeSetEvent(gate, k.IO_NO_INCREMENT, k.FALSE);
await k.settle();
print('gate state after one release', k.KeReadStateEvent(gate));
// KePulseEvent signals for the waiters present, then leaves the event not signaled.
print('KePulseEvent returned', k.KePulseEvent(gate, k.IO_NO_INCREMENT, k.FALSE));
await k.settle();
print('gate state after pulse', k.KeReadStateEvent(gate));
k.unload();
