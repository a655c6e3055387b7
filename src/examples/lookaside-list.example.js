// @title Lookaside lists: reusing fixed-size entries
// @routines ExInitializeNPagedLookasideList ExAllocateFromNPagedLookasideList ExFreeToNPagedLookasideList ExDeleteNPagedLookasideList ExInitializePagedLookasideList ExAllocateFromPagedLookasideList ExFreeToPagedLookasideList ExDeletePagedLookasideList
// @structures NPAGED_LOOKASIDE_LIST PAGED_LOOKASIDE_LIST GENERAL_LOOKASIDE
const list = k.alloc('NPAGED_LOOKASIDE_LIST');
k.ExInitializeNPagedLookasideList(list, null, null, 0, 96, k.tag('Look'), 0);
print('depth', k.get(list, 'NPAGED_LOOKASIDE_LIST', 'L.Depth'), 'maximum depth', k.get(list, 'NPAGED_LOOKASIDE_LIST', 'L.MaximumDepth'));

// "If the lookaside list is empty, an entry is allocated from nonpaged pool."
const first = k.ExAllocateFromNPagedLookasideList(list);
k.ExFreeToNPagedLookasideList(list, first);
// The freed entry stays on the list and "Removes the first entry from the specified lookaside list" returns it.
const again = k.ExAllocateFromNPagedLookasideList(list);
print('entry reused:', again === first);
print('total allocates', k.get(list, 'NPAGED_LOOKASIDE_LIST', 'L.TotalAllocates'), 'misses', k.get(list, 'NPAGED_LOOKASIDE_LIST', 'L.AllocateMisses'));
k.ExFreeToNPagedLookasideList(list, again);
k.ExDeleteNPagedLookasideList(list);

// The paged form, with a Free callback: "If the list has reached its maximum size, the entry is returned to paged pool."
const paged = k.alloc('PAGED_LOOKASIDE_LIST');
let returned = 0;
k.ExInitializePagedLookasideList(paged, null, function FreeEntry(p) { returned++; k.ExFreePool(p); }, 0, 32, k.tag('Pagd'), 0);
const entries = [];
for (let i = 0; i < 6; i++) entries.push(k.ExAllocateFromPagedLookasideList(paged));
for (const p of entries) k.ExFreeToPagedLookasideList(paged, p);
print('returned to pool while full:', returned, 'free misses:', k.get(paged, 'PAGED_LOOKASIDE_LIST', 'L.FreeMisses'));
k.ExDeletePagedLookasideList(paged);
print('returned after delete:', returned, 'pool left:', k.snapshot().pool.length);
k.unload();
