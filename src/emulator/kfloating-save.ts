/**
 * Floating-point and extended processor state: KeSaveFloatingPointState / KeRestoreFloatingPointState
 * (KFLOATING_SAVE) and KeSaveExtendedProcessorState / KeRestoreExtendedProcessorState (XSTATE_SAVE)
 * (content/ddi/wdm/nf-wdm-kesavefloatingpointstate.md, nf-wdm-kerestorefloatingpointstate.md).
 *
 * The emulator has no floating-point registers to save; what it checks is the pairing the pages require:
 * "Any routine that calls KeSaveFloatingPointState must call KeRestoreFloatingPointState before that
 * routine returns control". Saves nest per thread; a restore must name the thread's innermost save, on
 * the same thread and at the IRQL of the save, or the machine stops with INVALID_FLOATING_POINT_STATE
 * (0xE7: parameter 1 is 0 for a save area that is not the current one, 1 for an IRQL that differs, 2 for
 * another thread's save). A save still open, on any thread, when the driver unloads is reported the
 * same way. KFLOATING_SAVE is x64's `ULONG Dummy`; XSTATE_SAVE is wdm.h's x64 layout (Prev, Thread, Level,
 * XStateContext), filled in as Windows fills it.
 */
import { defineModule, type Sys } from './module.ts';

const STATUS_SUCCESS = 0;
const STATUS_INVALID_PARAMETER = 0xc000000d;
/** Features this machine reports: x87, SSE and AVX (XSTATE_MASK_LEGACY | XSTATE_MASK_AVX). */
const SUPPORTED_FEATURES = 0x7n;

interface Save { address: number; thread: number; irql: number; kind: 'KFLOATING_SAVE' | 'XSTATE_SAVE' }

export default defineModule({
  name: 'kfloating-save',
  layouts: {
    KFLOATING_SAVE: [['Dummy', 'ULONG']],
    XSTATE_CONTEXT: [['Mask', 'ULONG64'], ['Length', 'ULONG'], ['Reserved1', 'ULONG'], ['Area', 'PVOID'], ['Buffer', 'PVOID']],
    XSTATE_SAVE: [['Prev', 'PVOID'], ['Thread', 'PVOID'], ['Level', 'UCHAR'], ['XStateContext', 'XSTATE_CONTEXT']],
  },
  constants: { XSTATE_MASK_LEGACY_FLOATING_POINT: 1n, XSTATE_MASK_LEGACY_SSE: 2n, XSTATE_MASK_LEGACY: 3n, XSTATE_MASK_AVX: 4n },
  bugChecks: { INVALID_FLOATING_POINT_STATE: 0xe7 },
  ...(() => {
    const stacks = new WeakMap<Sys, Map<number, Save[]>>();
    const of = (sys: Sys) => {
      let s = stacks.get(sys);
      if (!s) { s = new Map(); stacks.set(sys, s); }
      return s;
    };
    return {
      routines: (sys: Sys) => {
        const ctx = sys.ctx;
        const saves = of(sys);
        const stack = () => {
          const t = ctx.current.address;
          let s = saves.get(t);
          if (!s) { s = []; saves.set(t, s); }
          return s;
        };
        const invalid = (routine: string, code: number, address: number, why: string): never =>
          ctx.bugcheck('INVALID_FLOATING_POINT_STATE', [code, address, 0, 0], `${routine}: ${why}`, routine);
        const save = (address: number, kind: Save['kind']) => {
          stack().push({ address, thread: ctx.current.address, irql: ctx.irql, kind });
        };
        const restore = (address: number, kind: Save['kind'], routine: string) => {
          for (const [thread, list] of saves) {
            if (thread !== ctx.current.address && list.some((s) => s.address === address)) {
              invalid(routine, 2, address, `the save area at 0x${address.toString(16)} belongs to another thread; restore on the thread that saved.`);
            }
          }
          const s = stack();
          const top = s[s.length - 1];
          if (!top || top.address !== address || top.kind !== kind) {
            invalid(routine, 0, address, s.some((x) => x.address === address)
              ? `the save area at 0x${address.toString(16)} is not the innermost one; restore saves in the reverse order of saving.`
              : `the save area at 0x${address.toString(16)} holds no saved state (never saved, or already restored).`);
          }
          if (top.irql !== ctx.irql) {
            invalid(routine, 1, address, `the state was saved at IRQL ${top.irql} but is restored at IRQL ${ctx.irql}.`);
          }
          s.pop();
        };
        return {
          KeSaveFloatingPointState(FloatSave: number) {
            sys.set(FloatSave, 'KFLOATING_SAVE', 'Dummy', 0);
            save(FloatSave, 'KFLOATING_SAVE');
            return STATUS_SUCCESS;
          },
          KeRestoreFloatingPointState(FloatSave: number) {
            restore(FloatSave, 'KFLOATING_SAVE', 'KeRestoreFloatingPointState');
            return STATUS_SUCCESS;
          },
          KeSaveExtendedProcessorState(Mask: bigint | number, XStateSave: number) {
            const mask = BigInt.asUintN(64, BigInt(Mask)) & SUPPORTED_FEATURES;
            if (mask === 0n && BigInt(Mask) !== 0n) return STATUS_INVALID_PARAMETER;
            const s = stack();
            sys.set(XStateSave, 'XSTATE_SAVE', 'Prev', s.filter((x) => x.kind === 'XSTATE_SAVE').at(-1)?.address ?? 0);
            sys.set(XStateSave, 'XSTATE_SAVE', 'Thread', ctx.current.address);
            sys.set(XStateSave, 'XSTATE_SAVE', 'Level', ctx.irql);
            sys.set(XStateSave, 'XSTATE_SAVE', 'XStateContext.Mask', mask);
            save(XStateSave, 'XSTATE_SAVE');
            return STATUS_SUCCESS;
          },
          KeRestoreExtendedProcessorState(XStateSave: number) {
            restore(XStateSave, 'XSTATE_SAVE', 'KeRestoreExtendedProcessorState');
          },
        };
      },
      unload: (sys: Sys) => {
        for (const list of of(sys).values()) {
          const open = list[list.length - 1];
          if (open) {
            sys.ctx.bugcheck('INVALID_FLOATING_POINT_STATE', [0, open.address, 0, 0],
              `The driver unloaded with the ${open.kind === 'XSTATE_SAVE' ? 'extended processor' : 'floating-point'} state saved at 0x${open.address.toString(16)} never restored; `
              + 'every save must be restored before the routine that saved returns.', 'unload');
          }
        }
        return [];
      },
    };
  })(),
});
