// @title Reader/writer spin locks (EX_SPIN_LOCK)
// @routines ExAcquireSpinLockShared ExReleaseSpinLockShared ExAcquireSpinLockExclusive ExReleaseSpinLockExclusive ExAcquireSpinLockSharedAtDpcLevel ExReleaseSpinLockSharedFromDpcLevel ExAcquireSpinLockExclusiveAtDpcLevel ExReleaseSpinLockExclusiveFromDpcLevel ExTryConvertSharedSpinLockExclusive
const lock = k.alloc('EX_SPIN_LOCK');
// "The ExAcquireSpinLockShared routine returns the previous IRQL value."
const old = k.ExAcquireSpinLockShared(lock);
print('shared: IRQL', k.KeGetCurrentIrql(), 'old', old, 'lock word', hex(k.read(lock, 'ULONG')));
// The sole shared owner may convert to exclusive.
print('convert to exclusive:', k.ExTryConvertSharedSpinLockExclusive(lock), 'lock word', hex(k.read(lock, 'ULONG')));
k.ExReleaseSpinLockExclusive(lock, old);

const old2 = k.ExAcquireSpinLockExclusive(lock);
k.ExReleaseSpinLockExclusiveFromDpcLevel(lock);
k.ExAcquireSpinLockSharedAtDpcLevel(lock);
k.ExAcquireSpinLockSharedAtDpcLevel(lock);
print('two shared holds: lock word', hex(k.read(lock, 'ULONG')));
k.ExReleaseSpinLockSharedFromDpcLevel(lock);
k.ExReleaseSpinLockSharedFromDpcLevel(lock);
k.ExAcquireSpinLockExclusiveAtDpcLevel(lock);
k.ExReleaseSpinLockExclusiveFromDpcLevel(lock);
k.KeLowerIrql(old2);
const old3 = k.ExAcquireSpinLockShared(lock);
k.ExReleaseSpinLockShared(lock, old3);
print('end: IRQL', k.KeGetCurrentIrql(), 'lock word', hex(k.read(lock, 'ULONG')));
k.unload();
