// @title Cancel-safe queue with an insert routine that can refuse (IoCsqInitializeEx)
// @routines IoAllocateIrpEx IoCsqInitializeEx IoCsqInsertIrpEx IoCsqRemoveNextIrp IoSetCancelRoutine IoAcquireCancelSpinLock IoReleaseCancelSpinLock IoMarkIrpPending IoGetNextIrpStackLocation IofCompleteRequest
// @structures IO_CSQ IRP IO_STACK_LOCATION
const queue = k.alloc('LIST_ENTRY');
const lock = k.alloc('KSPIN_LOCK');
const csq = k.alloc('IO_CSQ');
k.InitializeListHead(queue);
k.KeInitializeSpinLock(lock);
const link = (irp) => irp + k.offsetof('IRP', 'Tail.Overlay.ListEntry');
const MAX_QUEUED = 1;
let queued = 0;
// With IoCsqInitializeEx the insert routine returns an NTSTATUS, and "If Csq was initialized with
// IoCsqInitializeEx, IoCsqInsertIrpEx returns the value that was returned by the driver's CsqInsertIrpEx routine."
k.IoCsqInitializeEx(csq,
  (_csq, irp, _insertContext) => {
    if (queued === MAX_QUEUED) return k.STATUS_INSUFFICIENT_RESOURCES;
    k.InsertTailList(queue, link(irp));
    queued++;
    return k.STATUS_SUCCESS;
  },
  (_csq, irp) => { k.RemoveEntryList(link(irp)); queued--; },
  (_csq, irp) => {
    const next = irp === 0 ? k.read(queue, 'PVOID') : k.read(link(irp), 'PVOID');
    return next === queue ? 0 : k.CONTAINING_RECORD(next, 'IRP', 'Tail.Overlay.ListEntry');
  },
  (_csq, irql) => k.KeAcquireSpinLock(lock, irql),
  (_csq, irql) => k.KeReleaseSpinLock(lock, irql),
  (_csq, irp) => k.IofCompleteRequest(irp, k.IO_NO_INCREMENT));

const a = k.IoAllocateIrp(2, k.FALSE);
const b = k.IoAllocateIrpEx(k.alloc('DEVICE_OBJECT'), 2, k.FALSE);
for (const irp of [a, b]) k.IoSetNextIrpStackLocation(irp);
print('insert a:', hex(k.IoCsqInsertIrpEx(csq, a, k.NULL, k.NULL)));
print('insert b:', hex(k.IoCsqInsertIrpEx(csq, b, k.NULL, k.NULL)), '(the queue is full)');

// The refused IRP is the driver's to finish. A driver that handles cancellation itself uses the cancel spin
// lock and IoSetCancelRoutine, which "returns the previous value of Irp->CancelRoutine".
const irql = k.alloc('KIRQL');
k.IoAcquireCancelSpinLock(irql);
k.IoMarkIrpPending(b);
print('IoSetCancelRoutine(b, routine) returned NULL:', k.IoSetCancelRoutine(b, () => undefined) === k.NULL);
print('IoSetCancelRoutine(b, NULL) returned a function:', typeof k.IoSetCancelRoutine(b, k.NULL));
k.IoReleaseCancelSpinLock(k.read(irql, 'KIRQL'));
// The next lower driver's stack location is the one below the current one.
print('next stack location is below the current:', k.IoGetCurrentIrpStackLocation(b) - k.IoGetNextIrpStackLocation(b) === k.sizeof('IO_STACK_LOCATION'));
k.IofCompleteRequest(b, k.IO_NO_INCREMENT);

print('dequeued a:', k.IoCsqRemoveNextIrp(csq, k.NULL) === a);
k.IofCompleteRequest(a, k.IO_NO_INCREMENT);
k.IoFreeIrp(a);
k.IoFreeIrp(b);
