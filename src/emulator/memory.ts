/**
 * The emulated address space: byte-addressable blocks (pool allocations, driver storage from `k.alloc`,
 * strings, thread objects) at addresses below 2^53 so a pointer is an exact JavaScript number.
 *
 * Every block sits alone between unmapped guard gaps and addresses are never reused, so, as with Driver
 * Verifier's special pool, an access past the end of a block or to a freed block faults at once instead of
 * corrupting a neighbour. Memory is bounded (`limit` bytes live at once): pool allocations past it fail
 * with NULL as they would on Windows, and no example can exhaust the host's memory.
 */
import { BugCheck } from './bugcheck.ts';
import type { LayoutRegistry } from './layout.ts';

export type PoolKind = 'NonPaged' | 'Paged';

export interface Block {
  base: number;
  size: number;
  bytes: Uint8Array | null;
  view: DataView | null;
  paged: boolean;
  /** 'pool' blocks come from ExAllocatePool… and are leak-checked; the others are driver storage. */
  origin: 'pool' | 'storage' | 'string' | 'system';
  tag: number;
  poolType: number;
  /** Routine that allocated it, for leak reports. */
  allocator: string;
  freed: boolean;
  freedBy: string | null;
}

const FIRST_ADDRESS = 0x1000_0000_0000; // kernel-looking, far from NULL, exact as a double
const GUARD = 0x1000;
export const PAGE_SIZE = 4096;

export class Memory {
  private readonly blocks: Block[] = [];
  private next = FIRST_ADDRESS;
  private last: Block | null = null;
  live = 0;

  constructor(
    readonly limit: number,
    private readonly irql: () => number,
    private readonly layouts: LayoutRegistry,
  ) {}

  /** Reserves a zeroed block, or returns null when the bound on live memory would be passed. */
  reserve(size: number, opts: { align?: number; paged?: boolean; origin: Block['origin']; tag?: number; poolType?: number; allocator?: string }): Block | null {
    const n = Math.max(0, Math.floor(size));
    if (this.live + n > this.limit) return null;
    const align = Math.max(16, opts.align ?? 16, n >= PAGE_SIZE ? PAGE_SIZE : 1);
    const base = Math.ceil(this.next / align) * align;
    const bytes = new Uint8Array(Math.max(n, 1));
    const block: Block = {
      base, size: n, bytes, view: new DataView(bytes.buffer), paged: opts.paged ?? false, origin: opts.origin,
      tag: opts.tag ?? 0, poolType: opts.poolType ?? 0, allocator: opts.allocator ?? 'k.alloc', freed: false, freedBy: null,
    };
    this.next = base + Math.max(n, 1) + GUARD;
    this.blocks.push(block);
    this.live += n;
    return block;
  }

  /** Marks a block freed: its bytes go, its address range keeps faulting. */
  release(block: Block, by: string): void {
    block.freed = true;
    block.freedBy = by;
    block.bytes = null;
    block.view = null;
    this.live -= block.size;
  }

  /** The block that contains `address` (freed or not), or null. */
  find(address: number): Block | null {
    const l = this.last;
    if (l && address >= l.base && address < l.base + Math.max(l.size, 1)) return l;
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = this.blocks[mid]!;
      if (address < b.base) hi = mid - 1;
      else if (address >= b.base + Math.max(b.size, 1)) lo = mid + 1;
      else return b;
    }
    return null;
  }

  /** The last block starting at or below `address`, for telling an overrun into a guard gap from a wild pointer. */
  below(address: number): Block | null {
    let lo = 0;
    let hi = this.blocks.length - 1;
    let best: Block | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = this.blocks[mid]!;
      if (b.base <= address) {
        best = b;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Block whose base is exactly `address`. */
  blockAt(address: number): Block | null {
    const b = this.find(address);
    return b && b.base === address ? b : null;
  }

  allBlocks(): readonly Block[] {
    return this.blocks;
  }

  /** Checks an access as the processor and Verifier would, and returns the block's view and offset. */
  access(address: number, length: number, write: boolean): { view: DataView; bytes: Uint8Array; offset: number } {
    if (typeof address !== 'number' || !Number.isInteger(address)) {
      throw new TypeError(`address must be an integer number, got ${typeof address === 'bigint' ? `${address}n` : String(address)}`);
    }
    const irql = this.irql();
    const rw = write ? 1 : 0;
    if (address < 0x10000) {
      if (irql >= 2) {
        throw new BugCheck({ code: 'DRIVER_IRQL_NOT_LESS_OR_EQUAL', parameters: [address, irql, rw, 0],
          explanation: `The driver ${write ? 'wrote' : 'read'} address 0x${address.toString(16)} (a NULL pointer) at IRQL ${irql}.` });
      }
      throw new BugCheck({ code: 'KMODE_EXCEPTION_NOT_HANDLED', parameters: [0xc0000005, 0, rw, address],
        explanation: `The driver ${write ? 'wrote' : 'read'} address 0x${address.toString(16)}: a NULL pointer dereference raised an access violation no handler caught.` });
    }
    const b = this.find(address);
    const before = b ? null : this.below(address);
    if (before && address < before.base + Math.max(before.size, 1) + GUARD) {
      throw new BugCheck({ code: before.freed ? 'DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL' : 'DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION', parameters: [address, rw, 0, 0],
        explanation: `The driver ${write ? 'wrote' : 'read'} address 0x${address.toString(16)}, ${address - before.base - before.size} byte(s) past the end of a ${before.size}-byte block at 0x${before.base.toString(16)}.` });
    }
    if (!b) {
      throw new BugCheck({ code: 'PAGE_FAULT_IN_NONPAGED_AREA', parameters: [address, rw, 0, 2],
        explanation: `The driver ${write ? 'wrote' : 'read'} address 0x${address.toString(16)}, which no allocation, structure or string covers.` });
    }
    if (b.freed) {
      throw new BugCheck({ code: 'DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL', parameters: [address, rw, 0, 0],
        explanation: `The driver ${write ? 'wrote' : 'read'} address 0x${address.toString(16)} in memory already freed by ${b.freedBy}.` });
    }
    if (address + length > b.base + b.size) {
      throw new BugCheck({ code: 'DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION', parameters: [address, rw, 0, 0],
        explanation: `The driver ${write ? 'wrote' : 'read'} ${length} byte(s) at 0x${address.toString(16)}, past the end of a ${b.size}-byte block at 0x${b.base.toString(16)}.` });
    }
    if (b.paged && irql >= 2) {
      throw new BugCheck({ code: 'DRIVER_IRQL_NOT_LESS_OR_EQUAL', parameters: [address, irql, rw, 0],
        explanation: `The driver touched paged memory at 0x${address.toString(16)} at IRQL ${irql}; paged memory may be touched only below DISPATCH_LEVEL, where a page fault can be served.` });
    }
    this.last = b;
    return { view: b.view!, bytes: b.bytes!, offset: address - b.base };
  }

  read(address: number, type: string): number | bigint {
    const l = this.layouts.get(type);
    const s = l.scalar;
    if (!s) throw new TypeError(`k.read: ${type} is not a scalar type (read a field with its own type)`);
    const { view, offset } = this.access(address, s.size, false);
    switch (s.size) {
      case 1: return s.kind === 's' ? view.getInt8(offset) : view.getUint8(offset);
      case 2: return s.kind === 's' ? view.getInt16(offset, true) : view.getUint16(offset, true);
      case 4: return s.kind === 's' ? view.getInt32(offset, true) : view.getUint32(offset, true);
      default:
        if (s.kind === 'ptr') return Number(view.getBigUint64(offset, true));
        return s.kind === 's' ? view.getBigInt64(offset, true) : view.getBigUint64(offset, true);
    }
  }

  write(address: number, type: string, value: number | bigint | boolean): void {
    const l = this.layouts.get(type);
    const s = l.scalar;
    if (!s) throw new TypeError(`k.write: ${type} is not a scalar type`);
    const { view, offset } = this.access(address, s.size, true);
    const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    switch (s.size) {
      case 1: view.setUint8(offset, Number(BigInt.asUintN(8, BigInt(v)))); break;
      case 2: view.setUint16(offset, Number(BigInt.asUintN(16, BigInt(v))), true); break;
      case 4: view.setUint32(offset, Number(BigInt.asUintN(32, BigInt(v))), true); break;
      default: view.setBigUint64(offset, BigInt.asUintN(64, BigInt(v)), true);
    }
  }

  readBytes(address: number, length: number): Uint8Array {
    if (length === 0) return new Uint8Array(0);
    const { bytes, offset } = this.access(address, length, false);
    return bytes.slice(offset, offset + length);
  }

  writeBytes(address: number, data: Uint8Array): void {
    if (data.length === 0) return;
    const { bytes, offset } = this.access(address, data.length, true);
    bytes.set(data, offset);
  }

  fill(address: number, length: number, value: number): void {
    if (length === 0) return;
    const { bytes, offset } = this.access(address, length, true);
    bytes.fill(value & 0xff, offset, offset + length);
  }
}
