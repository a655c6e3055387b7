// Specification: content/ddi/wdm/nf-wdm-{keinitializecallbackrecord,keregisterbugcheckcallback,
// kederegisterbugcheckcallback,keregisterbugcheckreasoncallback,kederegisterbugcheckreasoncallback}.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('KBUGCHECK_CALLBACK_RECORD', () => {
  it('is 0x40 bytes on x64 (State at 0x38); the reason record 0x30', () => {
    const k = createKernel();
    expect(k.sizeof('KBUGCHECK_CALLBACK_RECORD')).toBe(0x40);
    expect(k.offsetof('KBUGCHECK_CALLBACK_RECORD', 'State')).toBe(0x38);
    expect(k.sizeof('KBUGCHECK_REASON_CALLBACK_RECORD')).toBe(0x30);
  });

  it('registered callbacks run, most recent first, when a routine bugchecks', () => {
    const k = createKernel();
    const calls: string[] = [];
    const buffer = k.alloc(16);
    const first = k.alloc('KBUGCHECK_CALLBACK_RECORD');
    const second = k.alloc('KBUGCHECK_REASON_CALLBACK_RECORD');
    k.KeInitializeCallbackRecord(first);
    expect(k.KeRegisterBugCheckCallback(first, (b: number, n: number) => { calls.push(`callback ${b === buffer} ${n}`); }, buffer, 16, k.astr('demo'))).toBe(k.TRUE);
    expect(k.KeRegisterBugCheckReasonCallback(second, (reason: number, record: number) => { calls.push(`reason ${reason} ${record === second}`); }, k.KbCallbackSecondaryDumpData, k.astr('demo'))).toBe(k.TRUE);
    const p = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 8, k.tag('Demo'));
    k.ExFreePoolWithTag(p, k.tag('Demo'));
    expect(() => k.ExFreePoolWithTag(p, k.tag('Demo'))).toThrow(expect.objectContaining({ name: 'BugCheck' }));
    expect(calls).toEqual([`reason ${k.KbCallbackSecondaryDumpData} true`, 'callback true 16']);
    expect(k.get(first, 'KBUGCHECK_CALLBACK_RECORD', 'State')).toBe(k.BufferFinished);
  });

  it('registering a record twice fails; deregistering one not registered fails', () => {
    const k = createKernel();
    const r = k.alloc('KBUGCHECK_CALLBACK_RECORD');
    k.KeInitializeCallbackRecord(r);
    expect(k.KeRegisterBugCheckCallback(r, () => undefined, 0, 0, 0)).toBe(1);
    expect(k.KeRegisterBugCheckCallback(r, () => undefined, 0, 0, 0)).toBe(0);
    expect(k.KeDeregisterBugCheckCallback(r)).toBe(1);
    expect(k.KeDeregisterBugCheckCallback(r)).toBe(0);
    expect(() => k.unload()).not.toThrow();
  });

  it('a deregistered callback does not run; one still registered at unload bugchecks', () => {
    const k = createKernel();
    const r = k.alloc('KBUGCHECK_CALLBACK_RECORD');
    k.KeInitializeCallbackRecord(r);
    k.KeRegisterBugCheckCallback(r, () => undefined, 0, 0, 0);
    expect(() => k.unload()).toThrow(expect.objectContaining({ code: 0xce }));
  });
});

describe('KeBugCheckEx / KeBugCheck', () => {
  it('stop the machine with the given code and parameters after running the registered callbacks', () => {
    const k = createKernel();
    const r = k.alloc('KBUGCHECK_CALLBACK_RECORD');
    const seen: number[] = [];
    k.KeInitializeCallbackRecord(r);
    k.KeRegisterBugCheckCallback(r, (_b: number, length: number) => { seen.push(length); }, 0, 5, 0);
    expect(() => k.KeBugCheckEx(0xe0000001, 1, 2, 3, 4)).toThrow(expect.objectContaining({ code: 0xe0000001, parameters: [1, 2, 3, 4], routine: 'KeBugCheckEx' }));
    expect(seen).toEqual([5]);
    expect(() => k.KeBugCheck(0x1234)).toThrow(expect.objectContaining({ code: 0x1234, parameters: [0, 0, 0, 0] }));
  });
});

describe('bug checks found at unload', () => {
  it('run the registered callbacks too (a work item still queued)', () => {
    const k = createKernel();
    const r = k.alloc('KBUGCHECK_CALLBACK_RECORD');
    let called = 0;
    k.KeInitializeCallbackRecord(r);
    k.KeRegisterBugCheckCallback(r, () => { called++; }, 0, 0, 0);
    const item = k.IoAllocateWorkItem(k.alloc('DEVICE_OBJECT'));
    k.IoQueueWorkItem(item, () => undefined, k.DelayedWorkQueue, 0);
    expect(() => k.unload()).toThrow(expect.objectContaining({ code: 0xce, parameters: [item, 0, 0, 0] }));
    expect(called).toBe(1);
  });

  it('callbacks left registered at unload are reported, not called', () => {
    const k = createKernel();
    const r = k.alloc('KBUGCHECK_CALLBACK_RECORD');
    let called = 0;
    k.KeInitializeCallbackRecord(r);
    k.KeRegisterBugCheckCallback(r, () => { called++; }, 0, 0, 0);
    expect(() => k.unload()).toThrow(expect.objectContaining({ code: 0xce, parameters: [r, 0, 0, 0] }));
    expect(called).toBe(0);
  });
});
