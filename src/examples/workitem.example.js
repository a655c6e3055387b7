// @title Work items: deferring work to a system worker thread at PASSIVE_LEVEL
// @routines IoAllocateWorkItem IoQueueWorkItem IoFreeWorkItem IoSizeofWorkItem IoInitializeWorkItem IoQueueWorkItemEx IoUninitializeWorkItem ExInitializeWorkItem ExQueueWorkItem
// @structures DEVICE_OBJECT WORK_QUEUE_ITEM
const device = k.alloc('DEVICE_OBJECT');
const item = k.IoAllocateWorkItem(device);
print('IoAllocateWorkItem returned a work item:', item !== 0);

// A DPC runs at DISPATCH_LEVEL and cannot wait; it hands the rest of the work to a work item, whose routine
// "runs at IRQL = PASSIVE_LEVEL and in a system thread context".
const oldIrql = k.alloc('KIRQL');
k.KeRaiseIrql(k.DISPATCH_LEVEL, oldIrql);
k.IoQueueWorkItem(item, (deviceObject, context) => {
  print('routine: device object matches', deviceObject === device, 'context', hex(context), 'IRQL', k.KeGetCurrentIrql());
}, k.DelayedWorkQueue, 0x1234);
k.KeLowerIrql(k.read(oldIrql, 'KIRQL'));
print('queued; the routine has not run yet');
await k.settle();
k.IoFreeWorkItem(item);

// A work item in storage of the driver's own: IoSizeofWorkItem bytes, IoInitializeWorkItem / IoUninitializeWorkItem.
const size = k.IoSizeofWorkItem();
const embedded = k.alloc(size);
k.IoInitializeWorkItem(device, embedded);
// IoQueueWorkItemEx also passes the work item to its routine.
k.IoQueueWorkItemEx(embedded, (ioObject, context, workItem) => {
  print('routine Ex: work item matches', workItem === embedded);
}, k.DelayedWorkQueue, 0);
await k.settle();
k.IoUninitializeWorkItem(embedded);

// The legacy WORK_QUEUE_ITEM.
const legacy = k.alloc('WORK_QUEUE_ITEM');
k.ExInitializeWorkItem(legacy, (parameter) => print('legacy routine, parameter', parameter), 7);
k.ExQueueWorkItem(legacy, k.DelayedWorkQueue);
await k.settle();
k.unload();
