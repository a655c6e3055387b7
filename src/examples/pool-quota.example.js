// @title Pool charged to the requesting process's quota
// @routines ExAllocatePoolWithQuota ExAllocatePoolWithQuotaTag ExAllocatePoolQuotaZero ExAllocatePoolQuotaUninitialized
const TAG = k.tag('Quot');
const a = k.ExAllocatePoolWithQuotaTag(k.PagedPool, 32, TAG);
const b = k.ExAllocatePoolQuotaZero(k.NonPagedPoolNx, 32, TAG);
const c = k.ExAllocatePoolQuotaUninitialized(k.NonPagedPoolNx, 32, TAG);
const d = k.ExAllocatePoolWithQuota(k.NonPagedPoolNx, 32);
print('QuotaZero first byte:', k.read(b, 'UCHAR'));
print('allocations:', k.snapshot().pool.map((p) => p.allocator).join(', '));

// ExAllocatePoolWithQuotaTag raises an exception when the pool is exhausted, unless the pool type carries
// POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, in which case it returns NULL.
print('too big, fail instead of raise:', k.ExAllocatePoolWithQuotaTag(k.NonPagedPoolNx | k.POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, 1 << 30, TAG));
try {
  k.ExAllocatePoolWithQuotaTag(k.NonPagedPoolNx, 1 << 30, TAG);
} catch (e) {
  print('raised:', hex(e.status));
}
for (const p of [a, b, c, d]) k.ExFreePool(p);
k.unload();
