// @title Processors and NTSTATUS severity
// @routines KeQueryActiveProcessors KeGetCurrentProcessorNumberEx KeQueryActiveProcessorCount KeQueryActiveProcessorCountEx KeQueryMaximumProcessorCount NT_SUCCESS NT_INFORMATION NT_WARNING NT_ERROR
// The emulated machine has two processors; the main thread runs on processor 0.
const affinity = k.alloc('KAFFINITY');
print('active processors:', k.KeQueryActiveProcessorCount(affinity), 'affinity mask:', hex(k.read(affinity, 'KAFFINITY')));
print('active processor mask:', hex(k.KeQueryActiveProcessors()));
print('in group 0:', k.KeQueryActiveProcessorCountEx(0), 'maximum:', k.KeQueryMaximumProcessorCount());
const number = k.alloc(4); // PROCESSOR_NUMBER: USHORT Group; UCHAR Number; UCHAR Reserved
print('current processor:', k.KeGetCurrentProcessorNumberEx(number), 'group', k.read(number, 'USHORT'));
k.startThread('Second', () => print('second thread runs on processor', k.KeGetCurrentProcessorNumberEx(0)));
await k.settle();

// NTSTATUS severity lives in the top two bits: success, informational, warning, error.
const STATUS_OBJECT_NAME_EXISTS = 0x40000000;
for (const status of [k.STATUS_SUCCESS, k.STATUS_PENDING, STATUS_OBJECT_NAME_EXISTS, k.STATUS_BUFFER_OVERFLOW, k.STATUS_INSUFFICIENT_RESOURCES]) {
  print(hex(status), 'success', k.NT_SUCCESS(status), 'information', k.NT_INFORMATION(status), 'warning', k.NT_WARNING(status), 'error', k.NT_ERROR(status));
}
k.unload();
