// content/ddi/wdm/nf-wdm-keacquireinterruptspinlock.md, nf-wdm-kereleaseinterruptspinlock.md, nf-wdm-kesynchronizeexecution.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

function connect() {
  const k = createKernel();
  const slot = k.alloc('PVOID');
  const log: string[] = [];
  const isr = (_i: number, context: number) => {
    log.push(`isr at ${k.KeGetCurrentIrql()} ctx ${context}`);
    return 1;
  };
  expect(k.IoConnectInterrupt(slot, isr, 9, 0, 0, 5, 6, k.LevelSensitive, 0, 1n, 0)).toBe(0);
  return { k, i: k.read(slot, 'PVOID') as number, log };
}

describe('interrupt spin locks', () => {
  it('the service routine runs at the interrupt\'s SynchronizeIrql', () => {
    const { k, i, log } = connect();
    expect(k.raiseInterrupt(i)).toBe(1);
    expect(log).toEqual(['isr at 6 ctx 9']);
    expect(k.KeGetCurrentIrql()).toBe(0);
  });

  it('KeAcquireInterruptSpinLock masks the interrupt until KeReleaseInterruptSpinLock', () => {
    const { k, i, log } = connect();
    const old = k.KeAcquireInterruptSpinLock(i);
    expect(k.KeGetCurrentIrql()).toBe(6);
    expect(k.raiseInterrupt(i)).toBe(0);
    expect(log).toEqual([]);
    k.KeReleaseInterruptSpinLock(i, old);
    expect(log).toEqual(['isr at 6 ctx 9']);
  });

  it('KeSynchronizeExecution returns the SynchronizeRoutine\'s result, run at SynchronizeIrql', () => {
    const { k, i } = connect();
    let at = -1;
    expect(k.KeSynchronizeExecution(i, (c: number) => { at = k.KeGetCurrentIrql(); return c === 3; }, 3)).toBe(1);
    expect(at).toBe(6);
  });
});
