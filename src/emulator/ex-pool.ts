/**
 * Pool: every ExAllocatePool… / ExFreePool… routine, on the emulated memory's bounded pool.
 *
 * Rules the pages state and Verifier enforces (0xC4 parameter 1 in brackets): a zero-byte request [0x00];
 * paged pool above APC_LEVEL [0x01]; nonpaged pool above DISPATCH_LEVEL [0x02]; freeing an address no
 * allocation returned [0x10]; freeing paged pool above APC_LEVEL [0x11]; freeing twice [0x13]; freeing
 * pool that still holds a queued timer [0x15] or a live ERESOURCE [0x17]. ExFreePoolWithTag with a tag
 * other than the allocation's is BAD_POOL_CALLER 0x0A. When the pool is exhausted the routines return NULL,
 * or raise STATUS_INSUFFICIENT_RESOURCES where their page says they raise (the quota routines,
 * POOL_FLAG_RAISE_ON_FAILURE, POOL_RAISE_IF_ALLOCATION_FAILURE). ExAllocatePool2/3 and the …Zero routines
 * zero the memory; the others leave it uninitialised, which is shown here as the fill byte 0xCD so that
 * code relying on zeroed memory from them visibly misbehaves. An untagged routine uses the tag 'None'.
 */
import type { Block } from './memory.ts';
import { defineModule, type Sys } from './module.ts';

export const POOL_TYPES = {
  NonPagedPool: 0, NonPagedPoolExecute: 0, PagedPool: 1, NonPagedPoolMustSucceed: 2, DontUseThisType: 3,
  NonPagedPoolCacheAligned: 4, PagedPoolCacheAligned: 5, NonPagedPoolCacheAlignedMustS: 6, NonPagedPoolSession: 32,
  PagedPoolSession: 33, NonPagedPoolNx: 512, NonPagedPoolNxCacheAligned: 516, NonPagedPoolSessionNx: 544,
  POOL_QUOTA_FAIL_INSTEAD_OF_RAISE: 8, POOL_RAISE_IF_ALLOCATION_FAILURE: 16, POOL_COLD_ALLOCATION: 256,
  POOL_NX_ALLOCATION: 512, POOL_ZERO_ALLOCATION: 1024,
  LowPoolPriority: 0, LowPoolPrioritySpecialPoolOverrun: 8, LowPoolPrioritySpecialPoolUnderrun: 9,
  NormalPoolPriority: 16, NormalPoolPrioritySpecialPoolOverrun: 24, NormalPoolPrioritySpecialPoolUnderrun: 25,
  HighPoolPriority: 32, HighPoolPrioritySpecialPoolOverrun: 40, HighPoolPrioritySpecialPoolUnderrun: 41,
};

export const POOL_FLAGS = {
  POOL_FLAG_REQUIRED_START: 0x1n, POOL_FLAG_USE_QUOTA: 0x1n, POOL_FLAG_UNINITIALIZED: 0x2n, POOL_FLAG_SESSION: 0x4n,
  POOL_FLAG_CACHE_ALIGNED: 0x8n, POOL_FLAG_RAISE_ON_FAILURE: 0x20n, POOL_FLAG_NON_PAGED: 0x40n,
  POOL_FLAG_NON_PAGED_EXECUTE: 0x80n, POOL_FLAG_PAGED: 0x100n, POOL_FLAG_REQUIRED_END: 0x80000000n,
  POOL_FLAG_OPTIONAL_START: 0x100000000n, POOL_FLAG_SPECIAL_POOL: 0x100000000n, POOL_FLAG_OPTIONAL_END: 0x8000000000000000n,
};

const NONE_TAG = 0x656e6f4e; // 'None' as it reads in a pool dump
const KNOWN_REQUIRED = 0x1n | 0x2n | 0x4n | 0x8n | 0x20n | 0x40n | 0x80n | 0x100n;
const UNINITIALIZED_FILL = 0xcd;

/** `'Fred'` as a C multi-character literal: the value a driver passes as a pool tag. */
export function tag(text: string): number {
  if (text.length < 1 || text.length > 4) throw new RangeError('a pool tag has one to four characters');
  let v = 0;
  for (const c of text) v = ((v << 8) | (c.charCodeAt(0) & 0xff)) >>> 0;
  return v;
}

interface Request {
  routine: string;
  paged: boolean;
  poolType: number;
  bytes: number | bigint;
  tag: number;
  zero: boolean;
  raise: boolean;
  align?: number;
}

export function allocatePool(sys: Sys, r: Request): number {
  const ctx = sys.ctx;
  const size = Number(r.bytes);
  if (!Number.isFinite(size) || size < 0) throw new TypeError(`${r.routine}: NumberOfBytes must be a non-negative size`);
  if (size === 0) {
    ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x00, ctx.irql, r.poolType, 0], `${r.routine} was asked for zero bytes; a pool allocation must request at least one byte.`);
  }
  if (r.paged && ctx.irql > 1) {
    ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x01, ctx.irql, r.poolType, size], `${r.routine} was asked for paged pool at IRQL ${ctx.irql}; paged pool may be allocated only at IRQL <= APC_LEVEL.`);
  }
  if (!r.paged && ctx.irql > 2) {
    ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x02, ctx.irql, r.poolType, size], `${r.routine} was asked for nonpaged pool at IRQL ${ctx.irql}; pool may be allocated only at IRQL <= DISPATCH_LEVEL.`);
  }
  const b = sys.mem.reserve(size, { paged: r.paged, origin: 'pool', tag: r.tag >>> 0, poolType: r.poolType, allocator: r.routine, align: r.align });
  if (!b) {
    if (r.raise) ctx.raise(0xc000009a, r.routine, `${r.routine}: the pool is exhausted (STATUS_INSUFFICIENT_RESOURCES)`);
    return 0;
  }
  if (!r.zero) b.bytes!.fill(UNINITIALIZED_FILL);
  ctx.note('note', `${r.routine} → 0x${b.base.toString(16)} (${size} bytes, '${tagText(b.tag)}')`);
  return b.base;
}

function tagText(t: number): string {
  let s = '';
  for (let i = 0; i < 4; i++) {
    const c = (t >>> (8 * i)) & 0xff;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.';
  }
  return s;
}

export function freePool(sys: Sys, p: number, routine: string, expectedTag: number | null): void {
  const ctx = sys.ctx;
  const b: Block | null = sys.mem.blockAt(p);
  if (!b || b.origin !== 'pool') {
    return ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x10, p, 0, 0], `${routine} was passed 0x${p.toString(16)}, which no pool allocation returned.`);
  }
  if (b.freed) {
    ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x13, 0, p, b.tag], `${routine} freed 0x${p.toString(16)} a second time; it was already freed by ${b.freedBy}.`);
  }
  if (b.paged && ctx.irql > 1) {
    ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x11, ctx.irql, b.poolType, p], `${routine} freed paged pool at IRQL ${ctx.irql}; paged pool may be freed only at IRQL <= APC_LEVEL.`);
  }
  if (expectedTag !== null && ((expectedTag ^ b.tag) & 0x7fffffff) !== 0) {
    ctx.bugcheck('BAD_POOL_CALLER', [0x0a, p, expectedTag >>> 0, b.tag], `${routine} freed 0x${p.toString(16)} with tag '${tagText(expectedTag)}', but it was allocated with tag '${tagText(b.tag)}'.`);
  }
  for (const o of ctx.objects.values()) {
    if (o.address < b.base || o.address >= b.base + b.size) continue;
    if (o.type === 'ERESOURCE') {
      ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x17, o.address, b.poolType, p], `${routine} freed pool at 0x${p.toString(16)} that still holds the live ERESOURCE at 0x${o.address.toString(16)}; call ExDeleteResourceLite first.`);
    }
    if ((o.type === 'KTIMER' || o.type === 'EX_TIMER') && o.describe().queued) {
      ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x15, o.address, b.poolType, p], `${routine} freed pool at 0x${p.toString(16)} that holds the ${o.type} at 0x${o.address.toString(16)}, which is still set; cancel it first.`);
    }
  }
  for (const o of [...ctx.objects.values()]) if (o.address >= b.base && o.address < b.base + b.size) ctx.unregister(o.address);
  sys.mem.release(b, routine);
  ctx.note('note', `${routine} 0x${p.toString(16)}`);
}

export default defineModule({
  name: 'ex-pool',
  constants: { ...POOL_TYPES, ...POOL_FLAGS },
  helpers: () => ({ tag }),
  routines: (sys) => {
    const legacy = (routine: string, PoolType: number, bytes: number | bigint, t: number, o: { zero?: boolean; raise?: boolean } = {}) => allocatePool(sys, {
      routine, paged: (PoolType & 1) === 1, poolType: PoolType, bytes, tag: t, zero: o.zero ?? false,
      raise: o.raise ?? (PoolType & 16) !== 0, align: (PoolType & 4) ? 64 : undefined,
    });
    const quota = (routine: string, PoolType: number, bytes: number | bigint, t: number, zero = false) =>
      legacy(routine, PoolType & ~8, bytes, t, { zero, raise: (PoolType & 8) === 0 });
    const pool2 = (routine: string, Flags: number | bigint, bytes: number | bigint, t: number) => {
      const f = BigInt(Flags);
      const kinds = [0x40n, 0x80n, 0x100n].filter((k) => (f & k) !== 0n);
      const raise = (f & 0x20n) !== 0n;
      const required = f & 0xffffffffn;
      if (kinds.length !== 1 || (required & ~KNOWN_REQUIRED) !== 0n || t === 0) {
        if (raise) sys.ctx.raise(0xc000000d, routine, `${routine}: invalid POOL_FLAGS or a zero tag`);
        return 0;
      }
      const paged = kinds[0] === 0x100n;
      return allocatePool(sys, {
        routine, paged, poolType: paged ? 1 : kinds[0] === 0x80n ? 0 : 512, bytes, tag: t, zero: (f & 0x2n) === 0n, raise,
        align: (f & 0x8n) ? 64 : undefined,
      });
    };
    return {
      ExAllocatePool: (PoolType: number, NumberOfBytes: number | bigint) => legacy('ExAllocatePool', PoolType, NumberOfBytes, NONE_TAG),
      ExAllocatePoolWithTag: (PoolType: number, NumberOfBytes: number | bigint, Tag: number) => legacy('ExAllocatePoolWithTag', PoolType, NumberOfBytes, Tag),
      ExAllocatePoolWithTagPriority: (PoolType: number, NumberOfBytes: number | bigint, Tag: number, _Priority: number) =>
        legacy('ExAllocatePoolWithTagPriority', PoolType, NumberOfBytes, Tag),
      ExAllocatePoolWithQuota: (PoolType: number, NumberOfBytes: number | bigint) => quota('ExAllocatePoolWithQuota', PoolType, NumberOfBytes, NONE_TAG),
      ExAllocatePoolWithQuotaTag: (PoolType: number, NumberOfBytes: number | bigint, Tag: number) => quota('ExAllocatePoolWithQuotaTag', PoolType, NumberOfBytes, Tag),
      ExAllocatePoolZero: (PoolType: number, NumberOfBytes: number | bigint, Tag: number) => legacy('ExAllocatePoolZero', PoolType, NumberOfBytes, Tag, { zero: true }),
      ExAllocatePoolUninitialized: (PoolType: number, NumberOfBytes: number | bigint, Tag: number) => legacy('ExAllocatePoolUninitialized', PoolType, NumberOfBytes, Tag),
      ExAllocatePoolPriorityZero: (PoolType: number, NumberOfBytes: number | bigint, Tag: number, _Priority: number) =>
        legacy('ExAllocatePoolPriorityZero', PoolType, NumberOfBytes, Tag, { zero: true }),
      ExAllocatePoolPriorityUninitialized: (PoolType: number, NumberOfBytes: number | bigint, Tag: number, _Priority: number) =>
        legacy('ExAllocatePoolPriorityUninitialized', PoolType, NumberOfBytes, Tag),
      ExAllocatePoolQuotaZero: (PoolType: number, NumberOfBytes: number | bigint, Tag: number) => quota('ExAllocatePoolQuotaZero', PoolType, NumberOfBytes, Tag, true),
      ExAllocatePoolQuotaUninitialized: (PoolType: number, NumberOfBytes: number | bigint, Tag: number) => quota('ExAllocatePoolQuotaUninitialized', PoolType, NumberOfBytes, Tag),
      ExAllocatePool2: (Flags: number | bigint, NumberOfBytes: number | bigint, Tag: number) => pool2('ExAllocatePool2', Flags, NumberOfBytes, Tag),
      ExAllocatePool3: (Flags: number | bigint, NumberOfBytes: number | bigint, Tag: number, _ExtendedParameters: number, _ExtendedParametersCount: number) =>
        pool2('ExAllocatePool3', Flags, NumberOfBytes, Tag),
      ExFreePool(P: number) {
        freePool(sys, P, 'ExFreePool', null);
      },
      ExFreePoolWithTag(P: number, Tag: number) {
        freePool(sys, P, 'ExFreePoolWithTag', Tag);
      },
      ExFreePool2(P: number, Tag: number, _ExtendedParameters: number, _ExtendedParametersCount: number) {
        freePool(sys, P, 'ExFreePool2', Tag);
      },
    };
  },
});
