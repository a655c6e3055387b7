import { IRQL_LEVELS, irqlRank, type Irql, type IrqlLevel } from '../../schema/index.ts';

/**
 * A short label for an IRQL requirement.
 * @example irqlLabel({ raw: '<= DISPATCH_LEVEL', min: 'PASSIVE_LEVEL', max: 'DISPATCH_LEVEL' }) // '≤ DISPATCH_LEVEL'
 */
export function irqlLabel(irql: Irql | null): string {
  if (!irql) return 'not stated';
  const { min, max } = irql;
  // Words without a level ("See Remarks"): short enough for a badge; the full text is on the routine page.
  if (!min || !max) return !irql.raw ? 'not stated' : irql.raw.length <= 24 ? irql.raw : `${irql.raw.slice(0, 22).trimEnd()}…`;
  if (min === max) return min;
  if (min === 'PASSIVE_LEVEL' && max === 'HIGH_LEVEL') return 'any level';
  if (min === 'PASSIVE_LEVEL') return `≤ ${max}`;
  if (max === 'HIGH_LEVEL') return `≥ ${min}`;
  return `${min} – ${max}`;
}

/** Whether a routine may be called at `level`: `min <= level <= max` (the catalog's contract). */
export function callableAt(irql: Irql | null, level: IrqlLevel): boolean {
  if (!irql?.min || !irql.max) return false;
  const r = irqlRank(level);
  return irqlRank(irql.min) <= r && r <= irqlRank(irql.max);
}

/** The levels a visitor filters by on the IRQL index (the ones driver code runs at). */
export const INDEX_LEVELS: IrqlLevel[] = ['PASSIVE_LEVEL', 'APC_LEVEL', 'DISPATCH_LEVEL', 'DIRQL', 'HIGH_LEVEL'];

export { IRQL_LEVELS };
