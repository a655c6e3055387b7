// Zone routines of content/seeds/004_6d7d53b073fbb636.txt (legacy, prototypes from the NT DDK's ntddk.h).
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('ZONE_HEADER', () => {
  it('carves a segment into BlockSize blocks after its ZONE_SEGMENT_HEADER and hands them out until full', () => {
    const k = createKernel();
    const zone = k.alloc('ZONE_HEADER');
    const seg = k.alloc(16 + 3 * 32);
    expect(k.ExInitializeZone(zone, 32, seg, 16 + 3 * 32)).toBe(k.STATUS_SUCCESS);
    const blocks = [k.ExAllocateFromZone(zone), k.ExAllocateFromZone(zone), k.ExAllocateFromZone(zone)];
    expect(blocks.every((b) => b >= seg + 16 && b < seg + 112)).toBe(true);
    expect(new Set(blocks).size).toBe(3);
    expect(k.ExIsFullZone(zone)).toBe(1);
    expect(k.ExAllocateFromZone(zone)).toBe(0);
    expect(k.ExFreeToZone(zone, blocks[1])).toBe(0);
    expect(k.ExIsFullZone(zone)).toBe(0);
    expect(k.ExAllocateFromZone(zone)).toBe(blocks[1]);
  });

  it('rejects a block size that is not a multiple of 8 or a segment without room for a block', () => {
    const k = createKernel();
    const zone = k.alloc('ZONE_HEADER');
    const seg = k.alloc(64);
    expect(k.ExInitializeZone(zone, 12, seg, 64)).toBe(k.STATUS_INVALID_PARAMETER);
    expect(k.ExInitializeZone(zone, 64, seg, 64)).toBe(k.STATUS_INVALID_PARAMETER);
  });

  it('ExExtendZone adds a segment\'s blocks; the interlocked forms take the spin lock', () => {
    const k = createKernel();
    const zone = k.alloc('ZONE_HEADER');
    const lock = k.alloc('KSPIN_LOCK');
    k.KeInitializeSpinLock(lock);
    k.ExInitializeZone(zone, 16, k.alloc(32), 32);
    expect(k.ExInterlockedExtendZone(zone, k.alloc(48), 48, lock)).toBe(0);
    const got = [k.ExInterlockedAllocateFromZone(zone, lock), k.ExInterlockedAllocateFromZone(zone, lock), k.ExInterlockedAllocateFromZone(zone, lock)];
    expect(got.every((b) => b !== 0)).toBe(true);
    expect(k.ExInterlockedAllocateFromZone(zone, lock)).toBe(0);
    expect(k.KeTestSpinLock(lock)).toBe(1);
    expect(k.KeGetCurrentIrql()).toBe(0);
  });
});
