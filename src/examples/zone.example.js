// @title Zones: the legacy fixed-size block allocator
// @routines ExInitializeZone ExAllocateFromZone ExFreeToZone ExIsFullZone ExExtendZone ExInterlockedExtendZone ExInterlockedAllocateFromZone ExInterlockedFreeToZone ExIsObjectInFirstZoneSegment
// @structures ZONE_HEADER
// Prototypes from the NT DDK's ntddk.h (the zone routines have no current reference page).
const zone = k.alloc('ZONE_HEADER');
const segment = k.alloc(16 + 2 * 64);
// "Initializes a zone buffer header, setting up the fixed size for every block to be allocated from the zone."
print('init:', hex(k.ExInitializeZone(zone, 64, segment, 16 + 2 * 64)));
const a = k.ExAllocateFromZone(zone);
const b = k.ExAllocateFromZone(zone);
// "Determines whether all fixed-size blocks have been allocated from a given zone buffer."
print('full after two blocks:', k.ExIsFullZone(zone));
print('in first segment:', k.ExIsObjectInFirstZoneSegment(zone, a));
k.ExFreeToZone(zone, b);
print('full after a free:', k.ExIsFullZone(zone));

const lock = k.alloc('KSPIN_LOCK');
k.KeInitializeSpinLock(lock);
k.ExExtendZone(zone, k.alloc(16 + 64), 16 + 64);
k.ExInterlockedExtendZone(zone, k.alloc(16 + 64), 16 + 64, lock);
let n = 0;
for (let p = k.ExInterlockedAllocateFromZone(zone, lock); p; p = k.ExInterlockedAllocateFromZone(zone, lock)) n++;
print('blocks handed out after extending twice:', n);
k.ExInterlockedFreeToZone(zone, a, lock);
print('full after an interlocked free:', k.ExIsFullZone(zone));
k.unload();
