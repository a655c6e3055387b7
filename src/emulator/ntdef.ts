/**
 * ntdef.h / wdm.h basics several modules share: the list links and the dispatcher header (x64 layouts
 * from the public headers), and the NTSTATUS test macros (severity in the top two bits).
 */
import { defineModule } from './module.ts';

export default defineModule({
  name: 'ntdef',
  layouts: {
    LIST_ENTRY: [['Flink', 'PLIST_ENTRY'], ['Blink', 'PLIST_ENTRY']],
    SINGLE_LIST_ENTRY: [['Next', 'PSINGLE_LIST_ENTRY']],
    // x64 SLIST_ENTRY is 16-byte aligned (DECLSPEC_ALIGN(16)); SLIST_HEADER is two ULONGLONGs, 16-byte aligned.
    SLIST_ENTRY: [['Next', 'PSLIST_ENTRY'], ['', { struct: [['Reserved', 'ULONGLONG']] }]],
    SLIST_HEADER: [['Alignment', 'ULONGLONG'], ['Region', 'ULONGLONG']],
    // wdm.h: a union of Type/Signalling/Size/Reserved1 bytes with LONG Lock, then SignalState and the wait list.
    DISPATCHER_HEADER: [
      ['', { union: [['Lock', 'LONG'], ['', { struct: [['Type', 'UCHAR'], ['Signalling', 'UCHAR'], ['Size', 'UCHAR'], ['Reserved1', 'UCHAR']] }]] }],
      ['SignalState', 'LONG'],
      ['WaitListHead', 'LIST_ENTRY'],
    ],
  },
  routines: () => ({
    NT_SUCCESS: (Status: number) => (((Status | 0) >= 0) ? 1 : 0),
    NT_INFORMATION: (Status: number) => ((Status >>> 30) === 1 ? 1 : 0),
    NT_WARNING: (Status: number) => ((Status >>> 30) === 2 ? 1 : 0),
    NT_ERROR: (Status: number) => ((Status >>> 30) === 3 ? 1 : 0),
  }),
});
