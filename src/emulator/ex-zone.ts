/**
 * Zones (ZONE_HEADER), the legacy fixed-size block allocator of the "Temporary Buffers and Zone Entries"
 * list: ExInitializeZone, ExExtendZone, ExInterlockedExtendZone, ExAllocateFromZone, ExFreeToZone,
 * ExIsFullZone, ExInterlockedAllocateFromZone, ExInterlockedFreeToZone, ExIsObjectInFirstZoneSegment.
 * The zone routines have no current reference page; the prototypes and macro definitions are those the
 * Windows NT 4.0 / Windows 2000 DDK's ntddk.h declared:
 *   typedef struct _ZONE_SEGMENT_HEADER { SINGLE_LIST_ENTRY SegmentList; PVOID Reserved; } ZONE_SEGMENT_HEADER;
 *   typedef struct _ZONE_HEADER { SINGLE_LIST_ENTRY FreeList; SINGLE_LIST_ENTRY SegmentList;
 *                                 ULONG BlockSize; ULONG TotalSegmentSize; } ZONE_HEADER;
 *   NTSTATUS ExInitializeZone(PZONE_HEADER Zone, ULONG BlockSize, PVOID InitialSegment, ULONG InitialSegmentSize);
 *   NTSTATUS ExExtendZone(PZONE_HEADER Zone, PVOID Segment, ULONG SegmentSize);
 *   NTSTATUS ExInterlockedExtendZone(PZONE_HEADER Zone, PVOID Segment, ULONG SegmentSize, PKSPIN_LOCK Lock);
 *   ExAllocateFromZone(Zone), ExFreeToZone(Zone, Block), ExIsFullZone(Zone) — macros on FreeList;
 *   ExInterlockedAllocateFromZone(Zone, Lock), ExInterlockedFreeToZone(Zone, Block, Lock) — the same under Lock;
 *   ExIsObjectInFirstZoneSegment(Zone, Object).
 * A segment begins with a ZONE_SEGMENT_HEADER; the blocks follow it. BlockSize and the segment size must be
 * multiples of 8 and a segment must hold at least one block, else STATUS_INVALID_PARAMETER.
 * ExFreeToZone evaluates to the previous head of the free list, as the macro's comma expression does.
 */
import { dropSpinLock, takeSpinLock } from './kspin-lock.ts';
import { defineModule } from './module.ts';

const HEADER = 16; // sizeof(ZONE_SEGMENT_HEADER) on x64

export default defineModule({
  name: 'ex-zone',
  layouts: {
    ZONE_SEGMENT_HEADER: [['SegmentList', 'SINGLE_LIST_ENTRY'], ['Reserved', 'PVOID']],
    ZONE_HEADER: [['FreeList', 'SINGLE_LIST_ENTRY'], ['SegmentList', 'SINGLE_LIST_ENTRY'], ['BlockSize', 'ULONG'], ['TotalSegmentSize', 'ULONG']],
  },
  routines: (sys) => {
    const m = sys.mem;
    const get = (z: number, f: string) => sys.get(z, 'ZONE_HEADER', f) as number;
    const carve = (z: number, segment: number, size: number) => {
      const block = get(z, 'BlockSize');
      if (block === 0 || block % 8 !== 0 || size % 8 !== 0 || size < HEADER + block) return 0xc000000d;
      // Link the new segment at the head of the segment list.
      m.write(segment, 'PVOID', get(z, 'SegmentList.Next'));
      m.write(segment + 8, 'PVOID', 0);
      sys.set(z, 'ZONE_HEADER', 'SegmentList.Next', segment);
      let p = segment + HEADER;
      let used = HEADER;
      while (used + block <= size) {
        m.write(p, 'PVOID', get(z, 'FreeList.Next'));
        sys.set(z, 'ZONE_HEADER', 'FreeList.Next', p);
        p += block;
        used += block;
      }
      sys.set(z, 'ZONE_HEADER', 'TotalSegmentSize', get(z, 'TotalSegmentSize') + used);
      return 0;
    };
    const pop = (z: number) => {
      const head = get(z, 'FreeList.Next');
      if (head) sys.set(z, 'ZONE_HEADER', 'FreeList.Next', m.read(head, 'PVOID') as number);
      return head;
    };
    const push = (z: number, block: number) => {
      const prev = get(z, 'FreeList.Next');
      m.write(block, 'PVOID', prev);
      sys.set(z, 'ZONE_HEADER', 'FreeList.Next', block);
      return prev;
    };
    const locked = <T>(lock: number, routine: string, fn: () => T): T => {
      const old = sys.ctx.irql;
      sys.ctx.setIrql(Math.max(old, 2));
      takeSpinLock(sys, lock, routine);
      try {
        return fn();
      } finally {
        dropSpinLock(sys, lock, routine);
        sys.ctx.setIrql(old);
      }
    };
    return {
      ExInitializeZone(Zone: number, BlockSize: number, InitialSegment: number, InitialSegmentSize: number) {
        sys.set(Zone, 'ZONE_HEADER', 'FreeList.Next', 0);
        sys.set(Zone, 'ZONE_HEADER', 'SegmentList.Next', 0);
        sys.set(Zone, 'ZONE_HEADER', 'BlockSize', BlockSize);
        sys.set(Zone, 'ZONE_HEADER', 'TotalSegmentSize', 0);
        return carve(Zone, InitialSegment, InitialSegmentSize);
      },
      ExExtendZone: (Zone: number, Segment: number, SegmentSize: number) => carve(Zone, Segment, SegmentSize),
      ExInterlockedExtendZone: (Zone: number, Segment: number, SegmentSize: number, Lock: number) =>
        locked(Lock, 'ExInterlockedExtendZone', () => carve(Zone, Segment, SegmentSize)),
      ExAllocateFromZone: (Zone: number) => pop(Zone),
      ExFreeToZone: (Zone: number, Block: number) => push(Zone, Block),
      ExIsFullZone: (Zone: number) => (get(Zone, 'FreeList.Next') === 0 ? 1 : 0),
      ExInterlockedAllocateFromZone: (Zone: number, Lock: number) => locked(Lock, 'ExInterlockedAllocateFromZone', () => pop(Zone)),
      ExInterlockedFreeToZone: (Zone: number, Block: number, Lock: number) => locked(Lock, 'ExInterlockedFreeToZone', () => push(Zone, Block)),
      /** The macro's test, literally: Object within TotalSegmentSize bytes of SegmentList.Next. */
      ExIsObjectInFirstZoneSegment(Zone: number, Object: number) {
        const seg = get(Zone, 'SegmentList.Next');
        return Object >= seg && Object < seg + get(Zone, 'TotalSegmentSize') ? 1 : 0;
      },
    };
  },
});
