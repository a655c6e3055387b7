// @title Allocating and freeing pool with tags
// @routines ExAllocatePool2 ExAllocatePool3 ExAllocatePoolWithTag ExAllocatePoolWithTagPriority ExAllocatePoolZero ExAllocatePoolUninitialized ExAllocatePoolPriorityZero ExAllocatePoolPriorityUninitialized ExAllocatePool ExFreePool ExFreePoolWithTag ExFreePool2
const TAG = k.tag('Demo');

// ExAllocatePool2: "Memory is zero initialized unless POOL_FLAG_UNINITIALIZED is specified."
const a = k.ExAllocatePool2(k.POOL_FLAG_NON_PAGED, 16, TAG);
print('ExAllocatePool2 first byte:', k.read(a, 'UCHAR'));
// "Tags with a value of 0 are invalid": the routine returns NULL.
print('ExAllocatePool2 with tag 0:', k.ExAllocatePool2(k.POOL_FLAG_NON_PAGED, 16, 0));
// "If NumberOfBytes is PAGE_SIZE or greater, a page-aligned buffer is allocated."
const page = k.ExAllocatePool3(k.POOL_FLAG_PAGED, 4096, TAG, 0, 0);
print('page-aligned:', page % 4096 === 0);

// The older routines leave memory uninitialised (shown here as 0xCD) unless the name says Zero.
const b = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 8, TAG);
const c = k.ExAllocatePoolZero(k.NonPagedPoolNx, 8, TAG);
const d = k.ExAllocatePoolUninitialized(k.NonPagedPoolNx, 8, TAG);
const e = k.ExAllocatePoolPriorityZero(k.NonPagedPoolNx, 8, TAG, k.NormalPoolPriority);
const f = k.ExAllocatePoolPriorityUninitialized(k.NonPagedPoolNx, 8, TAG, k.NormalPoolPriority);
const g = k.ExAllocatePoolWithTagPriority(k.NonPagedPoolNx, 8, TAG, k.HighPoolPriority);
const h = k.ExAllocatePool(k.NonPagedPoolNx, 8);
print('WithTag / Zero / Uninitialized:', hex(k.read(b, 'UCHAR')), hex(k.read(c, 'UCHAR')), hex(k.read(d, 'UCHAR')));
print('PriorityZero / PriorityUninitialized / WithTagPriority:', hex(k.read(e, 'UCHAR')), hex(k.read(f, 'UCHAR')), hex(k.read(g, 'UCHAR')));

// "if a caller passes Fred as a Tag, it appears as derF in a pool dump"
print('live allocations:', k.snapshot().pool.length, 'tag in a dump:', k.snapshot().pool[0].tag);

k.ExFreePool2(a, TAG, 0, 0);
k.ExFreePoolWithTag(page, TAG);
for (const p of [b, c, d, e, f, g]) k.ExFreePoolWithTag(p, TAG);
k.ExFreePool(h);
print('live allocations after freeing:', k.snapshot().pool.length);
k.unload();
