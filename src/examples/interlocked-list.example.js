// @title ExInterlocked list routines: a work list shared with a DPC, guarded by one spin lock
// @routines ExInterlockedInsertHeadList ExInterlockedInsertTailList ExInterlockedRemoveHeadList
// @structures LIST_ENTRY KSPIN_LOCK
const head = k.alloc('LIST_ENTRY');
const lock = k.alloc('KSPIN_LOCK');
k.InitializeListHead(head);
k.KeInitializeSpinLock(lock);
const entries = [k.alloc('LIST_ENTRY'), k.alloc('LIST_ENTRY'), k.alloc('LIST_ENTRY')];
const name = (e) => (e === 0 ? 'NULL' : `entry${entries.indexOf(e)}`);

// ExInterlockedInsertTailList "returns a pointer to the last entry of the list before the new entry was
// inserted. If the list was empty, the routine returns NULL."
print('insert tail entry0 ->', name(k.ExInterlockedInsertTailList(head, entries[0], lock)));
print('insert tail entry1 ->', name(k.ExInterlockedInsertTailList(head, entries[1], lock)));
// ExInterlockedInsertHeadList "returns a pointer to the first entry of the list before the new entry was inserted".
print('insert head entry2 ->', name(k.ExInterlockedInsertHeadList(head, entries[2], lock)));

// The routines take the lock themselves: on return it is free again and the IRQL is unchanged.
print('lock free:', k.KeTestSpinLock(lock), 'IRQL:', k.KeGetCurrentIrql());

// ExInterlockedRemoveHeadList "returns a pointer to the LIST_ENTRY structure removed from the list. If the
// list was empty, the routine returns NULL."
for (let i = 0; i < 4; i++) print('remove head ->', name(k.ExInterlockedRemoveHeadList(head, lock)));
