// Specification: content/ddi/wdm/nf-wdm-kesavefloatingpointstate.md, nf-wdm-kerestorefloatingpointstate.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('KeSaveFloatingPointState / KeRestoreFloatingPointState', () => {
  it('a save and its restore pair up', () => {
    const k = createKernel();
    const save = k.alloc('KFLOATING_SAVE');
    expect(k.sizeof('KFLOATING_SAVE')).toBe(4);
    expect(k.KeSaveFloatingPointState(save)).toBe(k.STATUS_SUCCESS);
    expect(k.KeRestoreFloatingPointState(save)).toBe(k.STATUS_SUCCESS);
    expect(() => k.unload()).not.toThrow();
  });

  it('restoring out of order, twice, or at another IRQL bugchecks INVALID_FLOATING_POINT_STATE', () => {
    const k = createKernel();
    const a = k.alloc('KFLOATING_SAVE');
    const b = k.alloc('KFLOATING_SAVE');
    k.KeSaveFloatingPointState(a);
    k.KeSaveFloatingPointState(b);
    expect(() => k.KeRestoreFloatingPointState(a)).toThrow(expect.objectContaining({ code: 0xe7 }));
    const k2 = createKernel();
    const c = k2.alloc('KFLOATING_SAVE');
    k2.KeSaveFloatingPointState(c);
    k2.KeRestoreFloatingPointState(c);
    expect(() => k2.KeRestoreFloatingPointState(c)).toThrow(expect.objectContaining({ code: 0xe7, parameters: [0, c, 0, 0] }));
    const k3 = createKernel();
    const d = k3.alloc('KFLOATING_SAVE');
    k3.KeSaveFloatingPointState(d);
    k3.KeRaiseIrql(k3.DISPATCH_LEVEL, k3.alloc('KIRQL'));
    expect(() => k3.KeRestoreFloatingPointState(d)).toThrow(expect.objectContaining({ code: 0xe7, parameters: [1, d, 0, 0] }));
  });

  it('a save never restored is reported at unload', () => {
    const k = createKernel();
    k.KeSaveFloatingPointState(k.alloc('KFLOATING_SAVE'));
    expect(() => k.unload()).toThrow(expect.objectContaining({ code: 0xe7 }));
  });

  it('KeSaveExtendedProcessorState fills XSTATE_SAVE as Windows does and pairs with its restore', () => {
    const k = createKernel();
    const x = k.alloc('XSTATE_SAVE');
    expect(k.sizeof('XSTATE_SAVE')).toBe(0x38);
    expect(k.KeSaveExtendedProcessorState(k.XSTATE_MASK_AVX, x)).toBe(k.STATUS_SUCCESS);
    expect(k.get(x, 'XSTATE_SAVE', 'Thread')).toBe(k.KeGetCurrentThread());
    expect(k.get(x, 'XSTATE_SAVE', 'XStateContext.Mask')).toBe(4n);
    k.KeRestoreExtendedProcessorState(x);
    expect(() => k.unload()).not.toThrow();
  });
});
