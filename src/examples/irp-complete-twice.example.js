// @title Misuse: completing an IRP twice
// @routines IoCompleteRequest
// @structures IRP
const irp = k.IoAllocateIrp(1, k.FALSE);
k.IoSetNextIrpStackLocation(irp);
k.set(irp, 'IRP', 'IoStatus.Status', k.STATUS_SUCCESS);
k.IoCompleteRequest(irp, k.IO_NO_INCREMENT);
print('completed once');
// After completion the IRP belongs to the I/O manager again. A second completion is bug check 0x44
// MULTIPLE_IRP_COMPLETE_REQUESTS, parameter 1 the IRP.
k.IoCompleteRequest(irp, k.IO_NO_INCREMENT);
print('never printed');
