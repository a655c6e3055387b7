// @title Doubly linked lists: a queue of IRPs linked through Tail.Overlay.ListEntry
// @routines InitializeListHead IsListEmpty InsertTailList InsertHeadList RemoveHeadList RemoveTailList RemoveEntryList AppendTailList CONTAINING_RECORD FIELD_OFFSET
// @structures LIST_ENTRY
const head = k.alloc('LIST_ENTRY');
k.InitializeListHead(head);
// IsListEmpty "returns TRUE if there are currently no entries in the list".
print('empty after InitializeListHead:', k.IsListEmpty(head));

// Three IRPs, each linked into the queue through its own LIST_ENTRY field.
const link = k.FIELD_OFFSET('IRP', 'Tail.Overlay.ListEntry');
print('FIELD_OFFSET(IRP, Tail.Overlay.ListEntry) =', hex(link));
const irps = [k.alloc('IRP'), k.alloc('IRP'), k.alloc('IRP')];
const name = (entry) => `IRP${irps.indexOf(k.CONTAINING_RECORD(entry, 'IRP', 'Tail.Overlay.ListEntry'))}`;
const walk = () => {
  const names = [];
  for (let e = k.read(head, 'PVOID'); e !== head; e = k.read(e, 'PVOID')) names.push(name(e));
  return names.join(' ');
};

k.InsertTailList(head, irps[0] + link);
k.InsertTailList(head, irps[1] + link);
// InsertHeadList "inserts an entry at the head of a doubly linked list".
k.InsertHeadList(head, irps[2] + link);
print('queue:', walk());

// RemoveHeadList "returns a pointer to the entry removed from the list".
print('RemoveHeadList ->', name(k.RemoveHeadList(head)));
print('RemoveTailList ->', name(k.RemoveTailList(head)));
// RemoveEntryList "returns TRUE if, after removal of the designated entry, the list is empty".
print('RemoveEntryList(IRP0) ->', k.RemoveEntryList(irps[0] + link));
// "If the list is empty, RemoveHeadList returns ListHead."
print('RemoveHeadList on an empty list returns the head:', k.RemoveHeadList(head) === head);

// AppendTailList splices a second list (headless, starting at its first entry) after the last entry.
const other = k.alloc('LIST_ENTRY');
k.InitializeListHead(other);
k.InsertTailList(other, irps[1] + link);
k.InsertTailList(other, irps[2] + link);
const firstOfOther = k.read(other, 'PVOID');
k.RemoveEntryList(other);
k.InsertTailList(head, irps[0] + link);
k.AppendTailList(head, firstOfOther);
print('after AppendTailList:', walk());
