// @title Misuse: removing a list entry twice
// @routines RemoveEntryList
// @structures LIST_ENTRY
const head = k.alloc('LIST_ENTRY');
const a = k.alloc('LIST_ENTRY');
const b = k.alloc('LIST_ENTRY');
k.InitializeListHead(head);
k.InsertTailList(head, a);
k.InsertTailList(head, b);
print('removed a, list empty:', k.RemoveEntryList(a));
// a's links still point at its old neighbours, which no longer point back at it. The WDK's list
// routines check Flink->Blink == Entry && Blink->Flink == Entry and fail fast: bug check 0x139
// KERNEL_SECURITY_CHECK_FAILURE with parameter 1 = 3 (FAST_FAIL_CORRUPT_LIST_ENTRY).
k.RemoveEntryList(a);
print('never printed');
