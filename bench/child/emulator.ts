// Calls per second of the emulator's hot primitives, in this process (the emulator is a library: no process
// start-up belongs in these figures). Each figure runs its loop for a fixed time slice, several times.
import { createKernel } from '../../src/emulator/index.ts';

type Kernel = ReturnType<typeof createKernel> & Record<string, (...args: never[]) => unknown>;

interface Case {
  id: string;
  label: string;
  /** Calls of emulated routines per iteration. */
  calls: number;
  setup(k: Kernel): () => void;
}

const CASES: Case[] = [
  {
    id: 'floor-read-write',
    label: 'floor: k.read + k.write of one ULONG (the memory traffic every primitive needs)',
    calls: 2,
    setup(k) {
      const cell = k.alloc('ULONG' as never);
      return () => {
        k.write(cell, 'ULONG', ((k.read(cell, 'ULONG') as number) + 1) >>> 0);
      };
    },
  },
  {
    id: 'spin-lock',
    label: 'KeAcquireSpinLock + KeReleaseSpinLock',
    calls: 2,
    setup(k) {
      const lock = k.alloc('KSPIN_LOCK');
      const old = k.alloc('KIRQL');
      k.KeInitializeSpinLock(lock as never);
      return () => {
        k.KeAcquireSpinLock(lock as never, old as never);
        k.KeReleaseSpinLock(lock as never, k.read(old, 'KIRQL') as never);
      };
    },
  },
  {
    id: 'rundown',
    label: 'ExAcquireRundownProtection + ExReleaseRundownProtection',
    calls: 2,
    setup(k) {
      const ref = k.alloc('EX_RUNDOWN_REF');
      k.ExInitializeRundownProtection(ref as never);
      return () => {
        k.ExAcquireRundownProtection(ref as never);
        k.ExReleaseRundownProtection(ref as never);
      };
    },
  },
  {
    id: 'lookaside',
    label: 'ExAllocateFromNPagedLookasideList + ExFreeToNPagedLookasideList',
    calls: 2,
    setup(k) {
      const list = k.alloc('NPAGED_LOOKASIDE_LIST');
      k.ExInitializeNPagedLookasideList(list as never, null as never, null as never, 0 as never, 64n as never, 0x6b6e6542 as never, 0 as never);
      return () => {
        const entry = k.ExAllocateFromNPagedLookasideList(list as never);
        k.ExFreeToNPagedLookasideList(list as never, entry as never);
      };
    },
  },
  {
    id: 'list',
    label: 'InsertHeadList + RemoveHeadList',
    calls: 2,
    setup(k) {
      const head = k.alloc('LIST_ENTRY');
      const entry = k.alloc('LIST_ENTRY');
      k.InitializeListHead(head as never);
      return () => {
        k.InsertHeadList(head as never, entry as never);
        k.RemoveHeadList(head as never);
      };
    },
  },
  {
    id: 'bitmap-find',
    label: 'RtlFindClearBits (8 bits in a 4,096-bit map, half set)',
    calls: 1,
    setup(k) {
      const bits = 4096;
      const header = k.alloc('RTL_BITMAP');
      const buffer = k.alloc(bits / 8, { align: 8 });
      k.RtlInitializeBitMap(header as never, buffer as never, bits as never);
      for (let i = 0; i < bits / 8; i += 2) k.write(buffer + i, 'UCHAR', 0xff);
      let hint = 0;
      return () => {
        hint = ((k.RtlFindClearBits(header as never, 8 as never, hint as never) as number) + 1) % bits;
      };
    },
  },
];

const sliceMs = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 5);
const results: { id: string; label: string; callsPerSecond: number[] }[] = [];
for (const entry of CASES) {
  const k = createKernel({ arch: 'x64', cpus: 2, seed: 1 }) as Kernel;
  const step = entry.setup(k);
  for (let i = 0; i < 2000; i++) step();
  const perSecond: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let iterations = 0;
    const started = performance.now();
    let now = started;
    while (now - started < sliceMs) {
      for (let i = 0; i < 256; i++) step();
      iterations += 256;
      now = performance.now();
    }
    perSecond.push((iterations * entry.calls * 1000) / (now - started));
  }
  results.push({ id: entry.id, label: entry.label, callsPerSecond: perSecond });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
