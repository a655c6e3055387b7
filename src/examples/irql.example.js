// @title Raising and lowering IRQL
// @routines KeGetCurrentIrql KeRaiseIrql KeLowerIrql KeRaiseIrqlToDpcLevel KeRaiseIrqlToSynchLevel KeGetCurrentProcessorNumber
const old = k.alloc('KIRQL');
print('start:', k.KeGetCurrentIrql(), 'on processor', k.KeGetCurrentProcessorNumber());
k.KeRaiseIrql(k.APC_LEVEL, old);
print('raised to', k.KeGetCurrentIrql(), 'from', k.read(old, 'KIRQL'));
// KeRaiseIrqlToDpcLevel "returns the IRQL at which the call occurred".
const prev = k.KeRaiseIrqlToDpcLevel();
print('at DISPATCH_LEVEL', k.KeGetCurrentIrql(), 'previous', prev);
const prev2 = k.KeRaiseIrqlToSynchLevel();
print('at SYNCH_LEVEL', k.KeGetCurrentIrql(), 'previous', prev2);
// Lower in the reverse order, each time to the value the matching raise returned.
k.KeLowerIrql(prev2);
k.KeLowerIrql(prev);
k.KeLowerIrql(k.read(old, 'KIRQL'));
print('back to', k.KeGetCurrentIrql());
k.unload();
