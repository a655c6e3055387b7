/**
 * KMUTEX (a KMUTANT): KeInitializeMutex, KeReleaseMutex, KeReadStateMutex. A mutex is owned by the thread
 * whose wait it satisfied; the owner may wait on it again (recursive acquisition, SignalState goes below
 * zero) and must release it as many times. KeReleaseMutex returns the previous state; "If the mutex is not
 * owned by the caller" Windows raises STATUS_MUTANT_NOT_OWNED, which surfaces here as an NtStatusError.
 * Layout (wdm.h, x64): Header, MutantListEntry, OwnerThread, Abandoned, ApcDisable — 0x38 bytes. The
 * initialiser leaves MutantListEntry alone (it links the mutex into its owner's list only while owned,
 * which the emulator keeps to itself), as ReactOS's kmtests observe. Acquiring once more when SignalState
 * is already MINLONG raises STATUS_MUTANT_LIMIT_EXCEEDED.
 */
import { KOBJECTS, initHeader, setSignalState, signalState } from './dispatcher.ts';
import { defineModule } from './module.ts';

export default defineModule({
  name: 'kmutex',
  layouts: {
    KMUTANT: [['Header', 'DISPATCHER_HEADER'], ['MutantListEntry', 'LIST_ENTRY'], ['OwnerThread', 'PKTHREAD'],
      ['Abandoned', 'BOOLEAN'], ['ApcDisable', 'UCHAR']],
    KMUTEX: 'KMUTANT',
  },
  routines: (sys) => {
    const ctx = sys.ctx;
    const owner = (p: number) => sys.get(p, 'KMUTANT', 'OwnerThread') as number;
    return {
      KeInitializeMutex(Mutex: number, _Level: number) {
        sys.set(Mutex, 'KMUTANT', 'OwnerThread', 0);
        sys.set(Mutex, 'KMUTANT', 'Abandoned', 0);
        sys.set(Mutex, 'KMUTANT', 'ApcDisable', 1);
        initHeader(sys, Mutex, {
          type: 'KMUTEX', headerType: KOBJECTS.MutantObject, size: sys.layouts.get('KMUTANT').size, state: 1,
          signaled: (t) => signalState(sys, Mutex) > 0 || owner(Mutex) === t.address,
          acquire: (t) => {
            const state = signalState(sys, Mutex);
            // Recursion is counted down in a LONG: one more acquisition at MINLONG raises, state unchanged.
            if (state === -0x80000000) ctx.raise(0xc0000191, 'KeWaitForSingleObject', 'the mutex was acquired recursively too many times (STATUS_MUTANT_LIMIT_EXCEEDED)');
            setSignalState(sys, Mutex, state - 1);
            if (owner(Mutex) !== t.address) {
              sys.set(Mutex, 'KMUTANT', 'OwnerThread', t.address);
              t.criticalRegion++;
            }
          },
          describe: () => {
            const o = owner(Mutex);
            const state = signalState(sys, Mutex);
            return { owner: o ? (ctx.threadByAddress(o)?.name ?? o) : null, recursion: o ? 1 - state : 0 };
          },
        });
      },
      KeReleaseMutex(Mutex: number, _Wait: number) {
        ctx.object(Mutex, 'KMUTEX', 'KeReleaseMutex');
        const t = ctx.current;
        if (owner(Mutex) !== t.address) ctx.raise(0xc0000046, 'KeReleaseMutex', `KeReleaseMutex: ${t.name} does not own the mutex at 0x${Mutex.toString(16)} (STATUS_MUTANT_NOT_OWNED)`);
        const prev = signalState(sys, Mutex);
        setSignalState(sys, Mutex, prev + 1);
        if (prev + 1 === 1) {
          sys.set(Mutex, 'KMUTANT', 'OwnerThread', 0);
          t.criticalRegion--;
          ctx.signal(Mutex);
        }
        return prev;
      },
      KeReadStateMutex(Mutex: number) {
        ctx.object(Mutex, 'KMUTEX', 'KeReadStateMutex');
        return signalState(sys, Mutex);
      },
    };
  },
  unload: (sys) => {
    for (const o of sys.ctx.objects.values()) {
      if (o.type !== 'KMUTEX') continue;
      const ownerAddress = sys.get(o.address, 'KMUTANT', 'OwnerThread') as number;
      if (ownerAddress) {
        sys.ctx.bugcheck('SYSTEM_EXIT_OWNED_MUTEX', [0, o.address, ownerAddress, 0],
          `The driver unloaded while ${sys.ctx.threadByAddress(ownerAddress)?.name ?? 'a thread'} still owns the KMUTEX at 0x${o.address.toString(16)}; every acquisition needs a KeReleaseMutex.`, 'unload');
      }
    }
  },
});
