// Specification: content/ddi/ntddk/nf-ntddk-rtlrunonce{initialize,begininitialize,complete,executeonce}.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function setup() {
  const k = createKernel({ arch: 'x64', cpus: 2, seed: 1 });
  const once = k.alloc('RTL_RUN_ONCE');
  k.RtlRunOnceInitialize(once);
  const context = k.alloc('PVOID');
  return { k, once, context };
}

describe('RtlRunOnceBeginInitialize / RtlRunOnceComplete (synchronous)', () => {
  it('the first caller gets STATUS_PENDING; after Complete every caller gets STATUS_SUCCESS and the Context', async () => {
    const { k, once, context } = setup();
    expect(await k.RtlRunOnceBeginInitialize(once, 0, context)).toBe(k.STATUS_PENDING);
    const data = k.alloc(32);
    expect(k.RtlRunOnceComplete(once, 0, data)).toBe(k.STATUS_SUCCESS);
    expect(await k.RtlRunOnceBeginInitialize(once, 0, context)).toBe(k.STATUS_SUCCESS);
    expect(k.read(context, 'PVOID')).toBe(data);
  });

  it('a second thread blocks until the first completes, then receives the initialised data', async () => {
    const { k, once, context } = setup();
    expect(await k.RtlRunOnceBeginInitialize(once, 0, context)).toBe(k.STATUS_PENDING);
    const seen: number[] = [];
    k.startThread('T2', async () => {
      const ctx2 = k.alloc('PVOID');
      seen.push(await k.RtlRunOnceBeginInitialize(once, 0, ctx2));
      seen.push(k.read(ctx2, 'PVOID') as number);
    });
    await k.settle();
    expect(seen).toEqual([]);
    const data = k.alloc(16);
    k.RtlRunOnceComplete(once, 0, data);
    await k.settle();
    expect(seen).toEqual([k.STATUS_SUCCESS, data]);
  });

  it('RTL_RUN_ONCE_INIT_FAILED lets a waiting thread begin the initialisation itself', async () => {
    const { k, once, context } = setup();
    await k.RtlRunOnceBeginInitialize(once, 0, context);
    let second = -1;
    k.startThread('T2', async () => { second = await k.RtlRunOnceBeginInitialize(once, 0, k.alloc('PVOID')); });
    await k.settle();
    expect(k.RtlRunOnceComplete(once, k.RTL_RUN_ONCE_INIT_FAILED, 0)).toBe(k.STATUS_SUCCESS);
    await k.settle();
    expect(second).toBe(k.STATUS_PENDING);
  });

  it('RTL_RUN_ONCE_CHECK_ONLY returns STATUS_UNSUCCESSFUL until the initialisation is done', async () => {
    const { k, once, context } = setup();
    expect(await k.RtlRunOnceBeginInitialize(once, k.RTL_RUN_ONCE_CHECK_ONLY, context)).toBe(k.STATUS_UNSUCCESSFUL);
    await k.RtlRunOnceBeginInitialize(once, 0, context);
    k.RtlRunOnceComplete(once, 0, 0x1000);
    expect(await k.RtlRunOnceBeginInitialize(once, k.RTL_RUN_ONCE_CHECK_ONLY, context)).toBe(k.STATUS_SUCCESS);
    expect(k.read(context, 'PVOID')).toBe(0x1000);
  });

  it('a Context with its reserved low bits set is STATUS_INVALID_PARAMETER', async () => {
    const { k, once, context } = setup();
    await k.RtlRunOnceBeginInitialize(once, 0, context);
    expect(k.RtlRunOnceComplete(once, 0, 0x1001)).toBe(k.STATUS_INVALID_PARAMETER);
  });
});

describe('RTL_RUN_ONCE_ASYNC', () => {
  it('several threads may begin; the first to complete wins and later completions get STATUS_UNSUCCESSFUL', async () => {
    const { k, once, context } = setup();
    expect(await k.RtlRunOnceBeginInitialize(once, k.RTL_RUN_ONCE_ASYNC, context)).toBe(k.STATUS_PENDING);
    expect(await k.RtlRunOnceBeginInitialize(once, k.RTL_RUN_ONCE_ASYNC, context)).toBe(k.STATUS_PENDING);
    expect(await k.RtlRunOnceBeginInitialize(once, 0, context)).toBe(k.STATUS_INVALID_PARAMETER);
    expect(k.RtlRunOnceComplete(once, k.RTL_RUN_ONCE_ASYNC, 0x2000)).toBe(k.STATUS_SUCCESS);
    expect(k.RtlRunOnceComplete(once, k.RTL_RUN_ONCE_ASYNC, 0x3000)).toBe(k.STATUS_UNSUCCESSFUL);
    expect(await k.RtlRunOnceBeginInitialize(once, k.RTL_RUN_ONCE_ASYNC, context)).toBe(k.STATUS_SUCCESS);
    expect(k.read(context, 'PVOID')).toBe(0x2000);
  });
});

describe('RtlRunOnceExecuteOnce', () => {
  it('calls the RunOnceInitialization routine once and hands every caller its Context', async () => {
    const { k, once } = setup();
    let calls = 0;
    const init = (runOnce: number, parameter: number, ctx: number) => {
      calls++;
      k.write(ctx, 'PVOID', parameter);
      return k.TRUE;
    };
    const c1 = k.alloc('PVOID');
    const c2 = k.alloc('PVOID');
    expect(await k.RtlRunOnceExecuteOnce(once, init, 0x4000, c1)).toBe(k.STATUS_SUCCESS);
    expect(await k.RtlRunOnceExecuteOnce(once, init, 0x8000, c2)).toBe(k.STATUS_SUCCESS);
    expect(calls).toBe(1);
    expect([k.read(c1, 'PVOID'), k.read(c2, 'PVOID')]).toEqual([0x4000, 0x4000]);
  });

  it('a routine that fails leaves the structure ready for another attempt', async () => {
    const { k, once, context } = setup();
    expect(await k.RtlRunOnceExecuteOnce(once, () => k.FALSE, 0, context)).toBe(k.STATUS_UNSUCCESSFUL);
    expect(await k.RtlRunOnceExecuteOnce(once, (_o: number, _p: number, c: number) => { k.write(c, 'PVOID', 0x10); return 1; }, 0, context)).toBe(k.STATUS_SUCCESS);
    expect(k.read(context, 'PVOID')).toBe(0x10);
  });
});
