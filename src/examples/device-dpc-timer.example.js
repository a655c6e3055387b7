// @title A device's DPC and one-second timer
// @routines IoInitializeDpcRequest IoRequestDpc IoInitializeTimer IoStartTimer IoStopTimer
// @structures DEVICE_OBJECT
const device = k.alloc('DEVICE_OBJECT');
function DpcForIsr(Dpc, DeviceObject, Irp, Context) {
  print('  DpcForIsr at IRQL', k.KeGetCurrentIrql(), 'for our device:', DeviceObject === device, 'context', Context);
}
function Isr(Interrupt, ServiceContext) {
  // An ISR runs at DIRQL: it queues the device's DPC for the rest of the work.
  k.IoRequestDpc(device, 0, 7);
  return k.TRUE;
}
k.IoInitializeDpcRequest(device, DpcForIsr);
const slot = k.alloc('PVOID');
k.IoConnectInterrupt(slot, Isr, 0, 0, 0x31, 5, 5, k.LevelSensitive, k.FALSE, 3n, k.FALSE);
k.raiseInterrupt(k.read(slot, 'PVOID'));
k.IoDisconnectInterrupt(k.read(slot, 'PVOID'));

// "When the timer is running, the I/O manager calls the driver-supplied IoTimer routine once per second."
let ticks = 0;
print('IoInitializeTimer:', hex(k.IoInitializeTimer(device, function IoTimer(DeviceObject, Context) { ticks++; }, 0)));
k.IoStartTimer(device);
k.advanceTime(35_000_000n); // 3.5 s
print('ticks after 3.5 s:', ticks);
k.IoStopTimer(device);
k.advanceTime(20_000_000n);
print('ticks after stopping:', ticks);
k.unload();
