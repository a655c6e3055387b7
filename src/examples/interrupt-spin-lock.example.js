// @title Synchronising with an interrupt service routine
// @routines IoConnectInterrupt KeSynchronizeExecution KeAcquireInterruptSpinLock KeReleaseInterruptSpinLock IoDisconnectInterrupt
// @structures KINTERRUPT
const counter = k.alloc('ULONG');
function Isr(Interrupt, ServiceContext) {
  k.write(counter, 'ULONG', k.read(counter, 'ULONG') + 1);
  print('  ISR at IRQL', k.KeGetCurrentIrql());
  return k.TRUE;
}
const slot = k.alloc('PVOID');
print('connect:', hex(k.IoConnectInterrupt(slot, Isr, 0, 0, 0x31, 5, 5, k.LevelSensitive, k.FALSE, 3n, k.FALSE)));
const interrupt = k.read(slot, 'PVOID');

k.raiseInterrupt(interrupt); // the device interrupts

// KeAcquireInterruptSpinLock raises to the interrupt's SynchronizeIrql: the device's interrupt waits.
const old = k.KeAcquireInterruptSpinLock(interrupt);
k.raiseInterrupt(interrupt);
print('holding the interrupt lock at IRQL', k.KeGetCurrentIrql(), 'count', k.read(counter, 'ULONG'));
k.KeReleaseInterruptSpinLock(interrupt, old);
print('after release: count', k.read(counter, 'ULONG'));

// KeSynchronizeExecution runs the routine at SynchronizeIrql and returns its result.
print('synchronized reset:', k.KeSynchronizeExecution(interrupt, (ctx) => { k.write(counter, 'ULONG', 0); return k.TRUE; }, 0));
print('count', k.read(counter, 'ULONG'));
k.IoDisconnectInterrupt(interrupt);
k.unload();
