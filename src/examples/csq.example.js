// @title Cancel-safe IRP queue: queueing, dequeueing and cancelling IRPs
// @routines IoCsqInitialize IoCsqInsertIrp IoCsqRemoveNextIrp IoCsqRemoveIrp IoCancelIrp IoAllocateIrp IoSetNextIrpStackLocation IoGetCurrentIrpStackLocation IoCompleteRequest IoFreeIrp
// @structures IO_CSQ IO_CSQ_IRP_CONTEXT IRP
// The driver owns the queue (a LIST_ENTRY through each IRP's Tail.Overlay.ListEntry, under a spin lock) and
// supplies six callbacks; the IoCsq routines own the cancellation protocol.
const queue = k.alloc('LIST_ENTRY');
const lock = k.alloc('KSPIN_LOCK');
const csq = k.alloc('IO_CSQ');
k.InitializeListHead(queue);
k.KeInitializeSpinLock(lock);
const link = (irp) => irp + k.offsetof('IRP', 'Tail.Overlay.ListEntry');
const irps = [];
const name = (irp) => (irp === 0 ? 'NULL' : `IRP${irps.indexOf(irp)}`);
k.IoCsqInitialize(csq,
  (_csq, irp) => k.InsertTailList(queue, link(irp)),                           // CsqInsertIrp
  (_csq, irp) => k.RemoveEntryList(link(irp)),                                  // CsqRemoveIrp
  (_csq, irp, _peek) => {                                                       // CsqPeekNextIrp
    const next = irp === 0 ? k.read(queue, 'PVOID') : k.read(link(irp), 'PVOID');
    return next === queue ? 0 : k.CONTAINING_RECORD(next, 'IRP', 'Tail.Overlay.ListEntry');
  },
  (_csq, irql) => k.KeAcquireSpinLock(lock, irql),                              // CsqAcquireLock
  (_csq, irql) => k.KeReleaseSpinLock(lock, irql),                              // CsqReleaseLock
  (_csq, irp) => {                                                              // CsqCompleteCanceledIrp
    print('  completing cancelled', name(irp));
    k.set(irp, 'IRP', 'IoStatus.Status', k.STATUS_CANCELLED);
    k.IoCompleteRequest(irp, k.IO_NO_INCREMENT);
  });

for (let i = 0; i < 3; i++) {
  const irp = k.IoAllocateIrp(1, k.FALSE);
  k.IoSetNextIrpStackLocation(irp); // as delivery to this driver would
  irps.push(irp);
}
const context = k.alloc('IO_CSQ_IRP_CONTEXT');
k.IoCsqInsertIrp(csq, irps[0], k.NULL);
k.IoCsqInsertIrp(csq, irps[1], context);
k.IoCsqInsertIrp(csq, irps[2], k.NULL);
// Insertion marks the IRP pending (SL_PENDING_RETURNED in its current stack location).
print('IRP0 pending:', (k.get(k.IoGetCurrentIrpStackLocation(irps[0]), 'IO_STACK_LOCATION', 'Control') & k.SL_PENDING_RETURNED) !== 0);

// The requester cancels IRP2. IoCancelIrp "returns TRUE if the IRP had a cancel routine and this routine was
// called": the library's cancel routine removes it and calls CsqCompleteCanceledIrp.
print('IoCancelIrp(IRP2):', k.IoCancelIrp(irps[2]));
// IoCsqRemoveNextIrp returns the first IRP that is not being cancelled.
print('IoCsqRemoveNextIrp ->', name(k.IoCsqRemoveNextIrp(csq, k.NULL)));
// IoCsqRemoveIrp finds the IRP inserted with this context.
print('IoCsqRemoveIrp(context) ->', name(k.IoCsqRemoveIrp(csq, context)));
print('IoCsqRemoveNextIrp on an empty queue ->', name(k.IoCsqRemoveNextIrp(csq, k.NULL)));
// Without a cancel routine IoCancelIrp returns FALSE, but "the IRP's cancel bit is set to TRUE": an IRP already
// cancelled when it is inserted is completed at once.
const late = k.IoAllocateIrp(1, k.FALSE);
k.IoSetNextIrpStackLocation(late);
irps.push(late);
print('IoCancelIrp before insertion:', k.IoCancelIrp(late));
k.IoCsqInsertIrp(csq, late, k.NULL);

for (const irp of irps.slice(0, 2)) {
  k.set(irp, 'IRP', 'IoStatus.Status', k.STATUS_SUCCESS);
  k.IoCompleteRequest(irp, k.IO_NO_INCREMENT);
}
for (const irp of irps) k.IoFreeIrp(irp);
k.unload();
