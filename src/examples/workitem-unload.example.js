// @title Misuse: unloading with a work item still queued
// @routines IoAllocateWorkItem IoQueueWorkItem
const device = k.alloc('DEVICE_OBJECT');
const item = k.IoAllocateWorkItem(device);
k.IoQueueWorkItem(item, () => print('too late'), k.DelayedWorkQueue, 0);
// The driver unloads without letting the work item run: its routine would run in unloaded code.
// Driver Verifier stops with DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS (0xCE).
k.unload();
print('never printed');
