/**
 * Misuse is reported as Driver Verifier does: 0xC4 with parameter 1 = 0x30 (KeRaiseIrql) or 0x31 (KeLowerIrql).
 * IRQL: KeGetCurrentIrql, KeRaiseIrql, KeLowerIrql, KeRaiseIrqlToDpcLevel, KeRaiseIrqlToSynchLevel.
 * Raising to a lower level or lowering to a higher one is the misuse the pages forbid ("If the new IRQL
 * is less than the current IRQL, a bug check occurs" — KeRaiseIrql; KeLowerIrql: "It is a fatal error to
 * call KeLowerIrql using an input NewIrql that was not returned by the immediately preceding call to
 * KeRaiseIrql").
 */
import { IRQL, irqlName } from './irql.ts';
import { defineModule } from './module.ts';

/** x64 SYNCH_LEVEL (IPI_LEVEL - 2), the level KeRaiseIrqlToSynchLevel raises to. */
export const SYNCH_LEVEL = 12;

export default defineModule({
  name: 'kirql',
  constants: { SYNCH_LEVEL },
  routines: (sys) => {
    const ctx = sys.ctx;
    const level = (v: number, routine: string) => {
      if (!Number.isInteger(v) || v < 0 || v > IRQL.HIGH_LEVEL) ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [routine === 'KeRaiseIrql' ? 0x30 : 0x31, ctx.irql, v, 0], `${routine}: ${v} is not an x64 IRQL (0 to 15).`);
      return v;
    };
    const raise = (to: number, routine: string) => {
      const old = ctx.irql;
      if (to < old) {
        ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x30, old, to, 0], `${routine} was asked to raise to ${irqlName(to)} from ${irqlName(old)}; the new IRQL must not be lower than the current one.`);
      }
      ctx.setIrql(to);
      return old;
    };
    return {
      KeGetCurrentIrql: () => ctx.irql,
      KeRaiseIrql(NewIrql: number, OldIrql: number) {
        const old = raise(level(NewIrql, 'KeRaiseIrql'), 'KeRaiseIrql');
        sys.mem.write(OldIrql, 'KIRQL', old);
      },
      KeLowerIrql(NewIrql: number) {
        const cur = ctx.irql;
        if (level(NewIrql, 'KeLowerIrql') > cur) {
          ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x31, cur, NewIrql, 0], `KeLowerIrql was asked to lower to ${irqlName(NewIrql)} from ${irqlName(cur)}; the new IRQL must not be higher than the current one.`);
        }
        ctx.setIrql(NewIrql);
      },
      KeRaiseIrqlToDpcLevel: () => raise(IRQL.DISPATCH_LEVEL, 'KeRaiseIrqlToDpcLevel'),
      KeRaiseIrqlToSynchLevel: () => raise(SYNCH_LEVEL, 'KeRaiseIrqlToSynchLevel'),
    };
  },
});
