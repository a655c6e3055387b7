// @title Saving floating-point and extended processor state around kernel floating-point code
// @routines KeSaveFloatingPointState KeRestoreFloatingPointState KeSaveExtendedProcessorState KeRestoreExtendedProcessorState
// @structures KFLOATING_SAVE XSTATE_SAVE
const save = k.alloc('KFLOATING_SAVE');
// "A successful call to KeSaveFloatingPointState allows the caller to carry out floating-point operations of its
// own, but such a caller must restore the previous nonvolatile floating-point context as soon as its
// floating-point operations are done."
print('save:', k.KeSaveFloatingPointState(save));
print('3.0 / 4.0 =', 3.0 / 4.0);
print('restore:', k.KeRestoreFloatingPointState(save));

const xsave = k.alloc('XSTATE_SAVE');
print('save AVX state:', k.KeSaveExtendedProcessorState(k.XSTATE_MASK_AVX, xsave), 'mask', k.get(xsave, 'XSTATE_SAVE', 'XStateContext.Mask'));
k.KeRestoreExtendedProcessorState(xsave);

// Saves nest; restoring the outer one while the inner one is still saved breaks the pairing:
// INVALID_FLOATING_POINT_STATE (0xE7).
const outer = k.alloc('KFLOATING_SAVE');
const inner = k.alloc('KFLOATING_SAVE');
k.KeSaveFloatingPointState(outer);
k.KeSaveFloatingPointState(inner);
k.KeRestoreFloatingPointState(outer);
print('never printed');
