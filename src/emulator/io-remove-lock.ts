/**
 * Remove locks (IO_REMOVE_LOCK): IoInitializeRemoveLock(Ex), IoAcquireRemoveLock(Ex),
 * IoReleaseRemoveLock(Ex), IoReleaseRemoveLockAndWait(Ex) (content/ddi/wdm/nf-wdm-io*removelock*.md).
 *
 * The structure is the free-build layout of wdm.h (x64, 0x20 bytes): Removed, IoCount, and a KEVENT that
 * the last release signals. The count starts at 1 (the lock's own bias); each acquisition adds one;
 * IoReleaseRemoveLockAndWait marks the lock removed, drops the caller's acquisition and the bias, and
 * blocks until every other holder has released (it returns a Promise then). After that, acquisitions
 * fail with STATUS_DELETE_PENDING. As checked builds and Verifier do, the emulator tracks each
 * acquisition's Tag: releasing a tag that holds no acquisition, releasing more often than acquiring,
 * exceeding HighWatermark, or using a lock never initialised stops with DRIVER_VERIFIER_DETECTED_VIOLATION.
 */
import { defineModule } from './module.ts';

const STATUS_SUCCESS = 0;
const STATUS_DELETE_PENDING = 0xc0000056;
const SYNCHRONIZATION_EVENT = 1;

interface RemoveLock {
  tag: number;
  highWatermark: number;
  /** Outstanding acquisitions per Tag. */
  tags: Map<number, number>;
}

export default defineModule({
  name: 'io-remove-lock',
  layouts: {
    IO_REMOVE_LOCK_COMMON_BLOCK: [['Removed', 'BOOLEAN'], ['Reserved', 'BOOLEAN[3]'], ['IoCount', 'LONG'], ['RemoveEvent', 'KEVENT']],
    IO_REMOVE_LOCK: [['Common', 'IO_REMOVE_LOCK_COMMON_BLOCK']],
  },
  routines: (sys) => {
    const ctx = sys.ctx;
    const locks = new Map<number, RemoveLock>();
    const count = (lock: number) => Number(sys.get(lock, 'IO_REMOVE_LOCK', 'Common.IoCount'));
    const setCount = (lock: number, v: number) => sys.set(lock, 'IO_REMOVE_LOCK', 'Common.IoCount', v);
    const removed = (lock: number) => Number(sys.get(lock, 'IO_REMOVE_LOCK', 'Common.Removed')) !== 0;
    const event = (lock: number) => sys.at(lock, 'IO_REMOVE_LOCK', 'Common.RemoveEvent');
    const violation = (routine: string, lock: number, code: number, why: string): never =>
      ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [code, lock, count(lock), 0], `${routine}: ${why}`, routine);
    const state = (lock: number, routine: string): RemoveLock => {
      const s = locks.get(lock);
      if (!s) {
        return ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1001, lock, 0, 0],
          `${routine} was passed 0x${lock.toString(16)}, which IoInitializeRemoveLock has not initialised.`, routine);
      }
      return s;
    };
    const tagKey = (tag: unknown) => Number(tag ?? 0);

    const initialize = (Lock: number, AllocateTag: number, _MaxLockedMinutes: number, HighWatermark: number) => {
      sys.set(Lock, 'IO_REMOVE_LOCK', 'Common.Removed', 0);
      setCount(Lock, 1);
      sys.k.KeInitializeEvent(event(Lock), SYNCHRONIZATION_EVENT, 0);
      locks.set(Lock, { tag: AllocateTag >>> 0, highWatermark: HighWatermark >>> 0, tags: new Map() });
      ctx.register({ type: 'IO_REMOVE_LOCK', address: Lock, describe: () => ({
        removed: removed(Lock), ioCount: count(Lock),
        holders: [...(locks.get(Lock)?.tags ?? new Map()).entries()].map(([t, n]) => `0x${t.toString(16)}×${n}`),
      }) });
    };

    const acquire = (Lock: number, Tag: unknown, routine: string) => {
      const s = state(Lock, routine);
      setCount(Lock, count(Lock) + 1);
      if (removed(Lock)) {
        setCount(Lock, count(Lock) - 1);
        if (count(Lock) === 0) sys.k.KeSetEvent(event(Lock), 0, 0);
        return STATUS_DELETE_PENDING;
      }
      if (s.highWatermark && count(Lock) - 1 > s.highWatermark) {
        violation(routine, Lock, 0x1011, `${count(Lock) - 1} acquisitions exceed the lock's HighWatermark of ${s.highWatermark}.`);
      }
      const key = tagKey(Tag);
      s.tags.set(key, (s.tags.get(key) ?? 0) + 1);
      return STATUS_SUCCESS;
    };

    const dropTag = (s: RemoveLock, Lock: number, Tag: unknown, routine: string) => {
      const key = tagKey(Tag);
      const held = s.tags.get(key) ?? 0;
      if (held === 0) {
        violation(routine, Lock, 0x1012, `Tag 0x${key.toString(16)} holds no acquisition of the remove lock at 0x${Lock.toString(16)} `
          + '(a release without a matching IoAcquireRemoveLock, or with a different Tag).');
      }
      if (held === 1) s.tags.delete(key);
      else s.tags.set(key, held - 1);
    };

    const release = (Lock: number, Tag: unknown, routine: string) => {
      const s = state(Lock, routine);
      dropTag(s, Lock, Tag, routine);
      setCount(Lock, count(Lock) - 1);
      if (count(Lock) === 0) sys.k.KeSetEvent(event(Lock), 0, 0);
    };

    const releaseAndWait = (Lock: number, Tag: unknown, routine: string): void | Promise<void> => {
      const s = state(Lock, routine);
      if (removed(Lock)) violation(routine, Lock, 0x1013, 'the remove lock was already released for removal; IoReleaseRemoveLockAndWait is called once.');
      dropTag(s, Lock, Tag, routine);
      sys.set(Lock, 'IO_REMOVE_LOCK', 'Common.Removed', 1);
      // The caller's acquisition, then the lock's own bias.
      setCount(Lock, count(Lock) - 2);
      if (count(Lock) > 0) {
        ctx.note('note', `${routine}: waiting for ${count(Lock)} outstanding acquisition(s) to be released`);
        const status = sys.k.KeWaitForSingleObject(event(Lock), 0, 0, 0, 0);
        return Promise.resolve(status).then(() => undefined);
      }
    };

    return {
      IoInitializeRemoveLock(Lock: number, AllocateTag: number, MaxLockedMinutes: number, HighWatermark: number) {
        initialize(Lock, AllocateTag, MaxLockedMinutes, HighWatermark);
      },
      IoInitializeRemoveLockEx(Lock: number, AllocateTag: number, MaxLockedMinutes: number, HighWatermark: number, _RemlockSize: number) {
        initialize(Lock, AllocateTag, MaxLockedMinutes, HighWatermark);
      },
      IoAcquireRemoveLock: (RemoveLock: number, Tag: number) => acquire(RemoveLock, Tag, 'IoAcquireRemoveLock'),
      IoAcquireRemoveLockEx: (RemoveLock: number, Tag: number, _File: unknown, _Line: number, _RemlockSize: number) =>
        acquire(RemoveLock, Tag, 'IoAcquireRemoveLockEx'),
      IoReleaseRemoveLock(RemoveLock: number, Tag: number) { release(RemoveLock, Tag, 'IoReleaseRemoveLock'); },
      IoReleaseRemoveLockEx(RemoveLock: number, Tag: number, _RemlockSize: number) { release(RemoveLock, Tag, 'IoReleaseRemoveLockEx'); },
      IoReleaseRemoveLockAndWait: (RemoveLock: number, Tag: number) => releaseAndWait(RemoveLock, Tag, 'IoReleaseRemoveLockAndWait'),
      IoReleaseRemoveLockAndWaitEx: (RemoveLock: number, Tag: number, _RemlockSize: number) =>
        releaseAndWait(RemoveLock, Tag, 'IoReleaseRemoveLockAndWaitEx'),
    };
  },
});
