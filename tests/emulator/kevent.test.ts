// content/ddi/wdm/nf-wdm-keinitializeevent.md, nf-wdm-kesetevent.md, nf-wdm-keresetevent.md, nf-wdm-keclearevent.md,
// nf-wdm-kepulseevent.md, nf-wdm-kereadstateevent.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function event(type: 'NotificationEvent' | 'SynchronizationEvent', state = 0) {
  const k = createKernel();
  const e = k.alloc('KEVENT');
  k.KeInitializeEvent(e, k[type], state);
  return { k, e };
}

describe('KEVENT', () => {
  it('KeInitializeEvent sets the dispatcher header: type, size in dwords and initial state', () => {
    const { k, e } = event('SynchronizationEvent', 1);
    expect(k.get(e, 'KEVENT', 'Header.Type')).toBe(1);
    expect(k.get(e, 'KEVENT', 'Header.Size')).toBe(6);
    expect(k.KeReadStateEvent(e)).toBe(1);
  });

  it('KeSetEvent returns the previous state: zero when it was not signaled', () => {
    const { k, e } = event('NotificationEvent');
    expect(k.KeSetEvent(e, 0, k.FALSE)).toBe(0);
    expect(k.KeSetEvent(e, 0, k.FALSE)).not.toBe(0);
  });

  it('a notification event releases every waiter and stays signaled', async () => {
    const { k, e } = event('NotificationEvent');
    const woke: string[] = [];
    for (const n of ['A', 'B', 'C']) k.startThread(n, async () => {
      await k.KeWaitForSingleObject(e, 0, 0, 0, null);
      woke.push(n);
    });
    await k.settle();
    expect(woke).toEqual([]);
    k.KeSetEvent(e, 0, 0);
    await k.settle();
    expect(woke.sort()).toEqual(['A', 'B', 'C']);
    expect(k.KeReadStateEvent(e)).toBe(1);
  });

  it('a synchronization event releases a single waiter and resets, the first waiter first', async () => {
    const { k, e } = event('SynchronizationEvent');
    const woke: string[] = [];
    for (const n of ['A', 'B']) {
      k.startThread(n, async () => {
        await k.KeWaitForSingleObject(e, 0, 0, 0, null);
        woke.push(n);
      });
      await k.settle();
    }
    k.KeSetEvent(e, 0, 0);
    await k.settle();
    expect(woke).toEqual(['A']);
    expect(k.KeReadStateEvent(e)).toBe(0);
    k.KeSetEvent(e, 0, 0);
    await k.settle();
    expect(woke).toEqual(['A', 'B']);
  });

  it('KeResetEvent returns the previous state and KeClearEvent just clears', () => {
    const { k, e } = event('NotificationEvent', 1);
    expect(k.KeResetEvent(e)).toBe(1);
    expect(k.KeResetEvent(e)).toBe(0);
    k.KeSetEvent(e, 0, 0);
    k.KeClearEvent(e);
    expect(k.KeReadStateEvent(e)).toBe(0);
  });

  it('KePulseEvent satisfies current waiters and leaves the event not signaled', async () => {
    const { k, e } = event('NotificationEvent');
    let woke = false;
    k.startThread('W', async () => {
      await k.KeWaitForSingleObject(e, 0, 0, 0, null);
      woke = true;
    });
    await k.settle();
    expect(k.KePulseEvent(e, 0, 0)).toBe(0);
    expect(k.KeReadStateEvent(e)).toBe(0);
    await k.settle();
    expect(woke).toBe(true);
  });

  it('using an event that was never initialised is reported', () => {
    const k = createKernel();
    expect(() => k.KeSetEvent(k.alloc('KEVENT'), 0, 0)).toThrow(expect.objectContaining({ code: 0xc4, routine: 'KeSetEvent' }));
  });
});
