// content/ddi/wdm/nf-wdm-kewaitforsingleobject.md, nf-wdm-kewaitformultipleobjects.md, nf-wdm-kedelayexecutionthread.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function events(n: number) {
  const k = createKernel();
  const list = Array.from({ length: n }, () => {
    const e = k.alloc('KEVENT');
    k.KeInitializeEvent(e, k.NotificationEvent, 0);
    return e;
  });
  return { k, list };
}

describe('KeWaitForSingleObject', () => {
  it('a zero timeout polls: STATUS_TIMEOUT when the object is not signaled, even at DISPATCH_LEVEL', () => {
    const { k, list } = events(1);
    const zero = k.alloc('LARGE_INTEGER');
    k.KeRaiseIrqlToDpcLevel();
    expect(k.KeWaitForSingleObject(list[0], 0, 0, 0, zero)).toBe(k.STATUS_TIMEOUT);
    k.KeLowerIrql(0);
  });

  it('a relative timeout (negative, 100-ns units) expires on the virtual clock with STATUS_TIMEOUT', async () => {
    const { k, list } = events(1);
    const t = k.alloc('LARGE_INTEGER');
    k.write(t, 'LONGLONG', -1_000_000n);
    expect(await k.KeWaitForSingleObject(list[0], 0, 0, 0, t)).toBe(k.STATUS_TIMEOUT);
    expect(k.time).toBe(1_000_000n);
  });

  it('waiting with a nonzero timeout at DISPATCH_LEVEL is a bug check', () => {
    const { k, list } = events(1);
    k.KeRaiseIrqlToDpcLevel();
    expect(() => k.KeWaitForSingleObject(list[0], 0, 0, 0, null)).toThrow(expect.objectContaining({ codeName: 'IRQL_NOT_LESS_OR_EQUAL', routine: 'KeWaitForSingleObject' }));
  });

  it('a thread object is signaled when the thread ends', async () => {
    const k = createKernel();
    const t = k.startThread('Worker', () => k.KeDelayExecutionThread(0, 0, -10n));
    expect(await k.KeWaitForSingleObject(t, 0, 0, 0, null)).toBe(k.STATUS_SUCCESS);
  });
});

describe('KeWaitForMultipleObjects', () => {
  it('WaitAny returns STATUS_WAIT_0 plus the index of the object that satisfied the wait', async () => {
    const { k, list } = events(3);
    const arr = k.alloc(24);
    list.forEach((e, i) => k.write(arr + 8 * i, 'PVOID', e));
    k.startThread('Setter', () => k.KeSetEvent(list[2], 0, 0));
    expect(await k.KeWaitForMultipleObjects(3, arr, k.WaitAny, 0, 0, 0, null, 0)).toBe(k.STATUS_WAIT_0 + 2);
  });

  it('WaitAll waits until every object is signaled', async () => {
    const { k, list } = events(2);
    let done = false;
    k.startThread('W', async () => {
      await k.KeWaitForMultipleObjects(2, list, k.WaitAll, 0, 0, 0, null, 0);
      done = true;
    });
    await k.settle();
    k.KeSetEvent(list[0], 0, 0);
    await k.settle();
    expect(done).toBe(false);
    k.KeSetEvent(list[1], 0, 0);
    await k.settle();
    expect(done).toBe(true);
  });

  it('more than THREAD_WAIT_OBJECTS objects without a WaitBlockArray is MAXIMUM_WAIT_OBJECTS_EXCEEDED', () => {
    const { k, list } = events(4);
    expect(() => k.KeWaitForMultipleObjects(4, list, k.WaitAny, 0, 0, 0, null, 0)).toThrow(expect.objectContaining({ code: 0x0c }));
  });
});

describe('KeDelayExecutionThread', () => {
  it('puts the thread in an alertable or nonalertable wait state for the interval, letting others run', async () => {
    const k = createKernel();
    const order: string[] = [];
    k.startThread('T2', () => order.push(`T2@${k.time}`));
    await k.KeDelayExecutionThread(k.KernelMode, k.FALSE, -100n);
    order.push(`T1@${k.time}`);
    expect(order).toEqual(['T2@0', 'T1@100']);
  });
});

describe('timeouts given by value', () => {
  it('a bigint or a negative number is the timeout itself; a positive number is a PLARGE_INTEGER', async () => {
    const k = createKernel();
    const e = k.alloc('KEVENT');
    k.KeInitializeEvent(e, 0, 0);
    expect(await k.KeWaitForSingleObject(e, 0, 0, 0, -10n)).toBe(k.STATUS_TIMEOUT);
    expect(await k.KeWaitForSingleObject(e, 0, 0, 0, -10)).toBe(k.STATUS_TIMEOUT);
    expect(k.time).toBe(20n);
  });
});
