/**
 * IRQL numbers on x64 and the mapping from the catalog's level names (ordered as in `schema/irql.ts`) to
 * the numeric range a routine may be called in.
 */
import type { IrqlLevel } from '../../schema/index.ts';

export const IRQL = {
  PASSIVE_LEVEL: 0,
  LOW_LEVEL: 0,
  APC_LEVEL: 1,
  DISPATCH_LEVEL: 2,
  CMCI_LEVEL: 5,
  CLOCK_LEVEL: 13,
  IPI_LEVEL: 14,
  DRS_LEVEL: 14,
  POWER_LEVEL: 14,
  PROFILE_LEVEL: 15,
  HIGH_LEVEL: 15,
} as const;

/** Device IRQLs on x64 lie between DISPATCH_LEVEL and CLOCK_LEVEL. */
export const DIRQL_MIN = 3;
export const DIRQL_MAX = 12;

/** A routine's callable range as numbers; `null` bounds mean the source names no level. */
export interface IrqlRange {
  min: number;
  max: number;
}

/** The catalog's `{ min, max }` level names as an x64 numeric range, or null when the source names none. */
export function irqlRangeOf(rule: { min: IrqlLevel | null; max: IrqlLevel | null } | null | undefined): IrqlRange | null {
  if (!rule || rule.min === null || rule.max === null) return null;
  const lo = rule.min === 'DIRQL' ? DIRQL_MIN : IRQL[rule.min];
  const hi = rule.max === 'DIRQL' ? DIRQL_MAX : IRQL[rule.max];
  return { min: lo, max: hi };
}

export function irqlName(level: number): string {
  if (level === 0) return 'PASSIVE_LEVEL';
  if (level === 1) return 'APC_LEVEL';
  if (level === 2) return 'DISPATCH_LEVEL';
  if (level >= DIRQL_MIN && level <= DIRQL_MAX) return `DIRQL (${level})`;
  if (level === 13) return 'CLOCK_LEVEL';
  if (level === 14) return 'IPI_LEVEL';
  if (level === 15) return 'HIGH_LEVEL';
  return String(level);
}
