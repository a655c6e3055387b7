// @title RTL_BITMAP runs: first, next, previous, longest and all clear runs
// @routines RtlFindFirstRunClear RtlFindNextForwardRunClear RtlFindLastBackwardRunClear RtlFindLongestRunClear RtlFindClearRuns RtlFindMostSignificantBit RtlFindLeastSignificantBit RtlNumberOfSetBitsUlongPtr
// @structures RTL_BITMAP RTL_BITMAP_RUN
const buffer = k.alloc(4);
const header = k.alloc('RTL_BITMAP');
// Bits 0..31 of 0x060F874D: clear runs at 1, 4-5, 7, 11-14, 20-24 and 27-31.
k.write(buffer, 'ULONG', 0x060f874d);
k.RtlInitializeBitMap(header, buffer, 32);
const start = k.alloc('ULONG');

// RtlFindFirstRunClear "returns either the number of bits in the run beginning at StartingIndex, or zero".
print('first run: length', k.RtlFindFirstRunClear(header, start), 'at', k.read(start, 'ULONG'));
print('next run from 8: length', k.RtlFindNextForwardRunClear(header, 8, start), 'at', k.read(start, 'ULONG'));
print('previous run before 17: length', k.RtlFindLastBackwardRunClear(header, 17, start), 'at', k.read(start, 'ULONG'));
print('longest run: length', k.RtlFindLongestRunClear(header, start), 'at', k.read(start, 'ULONG'));

// "If LocateLongestRuns is TRUE, the clear runs indicated at RunArray are sorted from longest to shortest."
const runs = k.alloc('RTL_BITMAP_RUN', { count: 3 });
const show = (n) => Array.from({ length: n }, (_, i) => {
  const r = runs + i * k.sizeof('RTL_BITMAP_RUN');
  return `${k.get(r, 'RTL_BITMAP_RUN', 'StartingIndex')}+${k.get(r, 'RTL_BITMAP_RUN', 'NumberOfBits')}`;
}).join(' ');
print('three longest runs:', show(k.RtlFindClearRuns(header, runs, 3, k.TRUE)));
print('first three runs:', show(k.RtlFindClearRuns(header, runs, 3, k.FALSE)));

// The single-word scans return -1 when no bit is set.
print('most significant bit of 0x8000000000000001:', k.RtlFindMostSignificantBit(0x8000000000000001n));
print('least significant bit of 0x1000:', k.RtlFindLeastSignificantBit(0x1000n), 'of 0:', k.RtlFindLeastSignificantBit(0n));
print('set bits in 0xF0F0:', k.RtlNumberOfSetBitsUlongPtr(0xf0f0n));
