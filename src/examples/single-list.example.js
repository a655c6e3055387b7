// @title Singly linked lists, plain and guarded by a spin lock
// @routines PushEntryList PopEntryList ExInterlockedPushEntryList ExInterlockedPopEntryList
// @structures SINGLE_LIST_ENTRY
const head = k.alloc('SINGLE_LIST_ENTRY');
const items = [k.alloc('SINGLE_LIST_ENTRY'), k.alloc('SINGLE_LIST_ENTRY'), k.alloc('SINGLE_LIST_ENTRY')];
const name = (e) => (e === 0 ? 'NULL' : `item${items.indexOf(e)}`);

// PushEntryList "inserts an entry at the beginning of a singly linked list"; PopEntryList removes the first.
k.PushEntryList(head, items[0]);
k.PushEntryList(head, items[1]);
print('PopEntryList ->', name(k.PopEntryList(head)));
print('PopEntryList ->', name(k.PopEntryList(head)));
// PopEntryList "returns a pointer to the entry removed from the list, or NULL if the list is currently empty".
print('PopEntryList ->', name(k.PopEntryList(head)));

const lock = k.alloc('KSPIN_LOCK');
k.KeInitializeSpinLock(lock);
// ExInterlockedPushEntryList "returns a pointer to the first entry of the list before the new entry was
// inserted. If the list was empty, the routine returns NULL."
print('ExInterlockedPushEntryList ->', name(k.ExInterlockedPushEntryList(head, items[2], lock)));
print('ExInterlockedPushEntryList ->', name(k.ExInterlockedPushEntryList(head, items[0], lock)));
print('ExInterlockedPopEntryList ->', name(k.ExInterlockedPopEntryList(head, lock)));
print('ExInterlockedPopEntryList ->', name(k.ExInterlockedPopEntryList(head, lock)));
print('ExInterlockedPopEntryList ->', name(k.ExInterlockedPopEntryList(head, lock)));
