// content/ddi/wdm/nf-wdm-keraiseirql.md, nf-wdm-kelowerirql.md, nf-wdm-kegetcurrentirql.md, nf-wdm-keraiseirqltodpclevel.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('KeRaiseIrql / KeLowerIrql', () => {
  it('KeRaiseIrql raises the hardware priority and returns the old IRQL through OldIrql', () => {
    const k = createKernel();
    const old = k.alloc('KIRQL');
    k.KeRaiseIrql(k.DISPATCH_LEVEL, old);
    expect(k.KeGetCurrentIrql()).toBe(2);
    expect(k.read(old, 'KIRQL')).toBe(0);
    k.KeLowerIrql(k.read(old, 'KIRQL'));
    expect(k.KeGetCurrentIrql()).toBe(0);
  });

  it('"If the new IRQL is less than the current IRQL, a bug check occurs" (Verifier 0xC4 / 0x30)', () => {
    const k = createKernel();
    const old = k.alloc('KIRQL');
    k.KeRaiseIrql(k.DISPATCH_LEVEL, old);
    expect(() => k.KeRaiseIrql(k.APC_LEVEL, old)).toThrow(expect.objectContaining({ code: 0xc4, parameters: [0x30, 2, 1, 0] }));
  });

  it('lowering to a level above the current one is the fatal error KeLowerIrql names (0xC4 / 0x31)', () => {
    const k = createKernel();
    expect(() => k.KeLowerIrql(k.DISPATCH_LEVEL)).toThrow(expect.objectContaining({ code: 0xc4, parameters: [0x31, 0, 2, 0] }));
  });

  it('KeRaiseIrqlToDpcLevel returns the IRQL at which the call occurred', () => {
    const k = createKernel();
    expect(k.KeRaiseIrqlToDpcLevel()).toBe(0);
    expect(k.KeGetCurrentIrql()).toBe(k.DISPATCH_LEVEL);
  });

  it('each processor has its own IRQL: a thread on processor 1 starts at PASSIVE_LEVEL', async () => {
    const k = createKernel({ cpus: 2 });
    let seen = -1;
    let cpu = -1;
    k.startThread('T2', () => {
      seen = k.KeGetCurrentIrql();
      cpu = k.KeGetCurrentProcessorNumber();
    });
    k.KeRaiseIrql(k.APC_LEVEL, k.alloc('KIRQL'));
    await k.settle();
    expect([seen, cpu]).toEqual([0, 1]);
    expect(k.snapshot().processors.map((p) => p.irql)).toEqual([1, 0]);
  });
});
