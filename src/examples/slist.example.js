// @title Sequenced singly linked lists (SLIST_HEADER)
// @routines ExInitializeSListHead InitializeSListHead ExInterlockedPushEntrySList ExInterlockedPopEntrySList ExpInterlockedPushEntrySList ExpInterlockedPopEntrySList ExInterlockedFlushSList ExQueryDepthSList FirstEntrySList InterlockedPushEntrySList InterlockedPopEntrySList InterlockedFlushSList QueryDepthSList
// @structures SLIST_HEADER SLIST_ENTRY
const head = k.alloc('SLIST_HEADER');
k.ExInitializeSListHead(head);
// Entries must be aligned on MEMORY_ALLOCATION_ALIGNMENT (16 bytes on x64); k.alloc aligns them.
const items = [k.alloc('SLIST_ENTRY'), k.alloc('SLIST_ENTRY'), k.alloc('SLIST_ENTRY')];
const name = (e) => (e === 0 ? 'NULL' : `item${items.indexOf(e)}`);
const lock = k.alloc('KSPIN_LOCK');
k.KeInitializeSpinLock(lock);

print('push item0 ->', name(k.ExInterlockedPushEntrySList(head, items[0], lock)));
print('push item1 ->', name(k.ExpInterlockedPushEntrySList(head, items[1])));
print('push item2 ->', name(k.ExInterlockedPushEntrySList(head, items[2], lock)));
// ExQueryDepthSList "returns the current number of entries in the list".
print('depth:', k.ExQueryDepthSList(head), 'first:', name(k.FirstEntrySList(head)));
// ExInterlockedPopEntrySList "returns a pointer to the first SLIST_ENTRY structure on the list".
print('pop ->', name(k.ExInterlockedPopEntrySList(head, lock)));
print('pop ->', name(k.ExpInterlockedPopEntrySList(head)));
print('depth:', k.ExQueryDepthSList(head));
// ExInterlockedFlushSList "returns a pointer to the first SLIST_ENTRY structure that was an entry on the
// list; otherwise, it returns NULL".
print('flush ->', name(k.ExInterlockedFlushSList(head)), 'depth:', k.ExQueryDepthSList(head));
print('flush ->', name(k.ExInterlockedFlushSList(head)));
// InitializeSListHead is the same initialisation under its other name.
k.InitializeSListHead(head);
print('pop on an empty list ->', name(k.ExInterlockedPopEntrySList(head, lock)));
// The Interlocked… names (without Ex) are the same operations as wdm.h maps them on x64.
k.InterlockedPushEntrySList(head, items[0]);
k.InterlockedPushEntrySList(head, items[1]);
print('Interlocked forms: depth', k.QueryDepthSList(head), 'pop', name(k.InterlockedPopEntrySList(head)), 'flush', name(k.InterlockedFlushSList(head)));
