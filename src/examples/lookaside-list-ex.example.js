// @title LOOKASIDE_LIST_EX with allocate and free callbacks
// @routines ExInitializeLookasideListEx ExAllocateFromLookasideListEx ExFreeToLookasideListEx ExFlushLookasideListEx ExDeleteLookasideListEx
// @structures LOOKASIDE_LIST_EX
const list = k.alloc('LOOKASIDE_LIST_EX');
function AllocateEntry(PoolType, NumberOfBytes, Tag, Lookaside) {
  print('  allocate callback:', NumberOfBytes, 'bytes for list', Lookaside === list);
  return k.ExAllocatePoolWithTag(PoolType, NumberOfBytes, Tag);
}
function FreeEntry(Buffer, Lookaside) {
  print('  free callback');
  k.ExFreePool(Buffer);
}
// "ExInitializeLookasideListEx returns STATUS_SUCCESS if the call is successful."
print('init:', hex(k.ExInitializeLookasideListEx(list, AllocateEntry, FreeEntry, k.NonPagedPoolNx, 0, 128n, k.tag('LkEx'), 0)));
const e = k.ExAllocateFromLookasideListEx(list);
k.ExFreeToLookasideListEx(list, e);
print('cached entries:', k.snapshot().objects.find((o) => o.type === 'LOOKASIDE_LIST_EX').cached);
// ExFlushLookasideListEx frees every entry the list holds.
k.ExFlushLookasideListEx(list);
print('cached after flush:', k.snapshot().objects.find((o) => o.type === 'LOOKASIDE_LIST_EX').cached);
k.ExDeleteLookasideListEx(list);
k.unload();
