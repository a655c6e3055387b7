import { z } from 'zod';

/** The IRQL levels, lowest first. The order is the contract: `min <= level <= max` means callable at `level`. */
export const IRQL_LEVELS = [
  'PASSIVE_LEVEL',
  'APC_LEVEL',
  'DISPATCH_LEVEL',
  'DIRQL',
  'PROFILE_LEVEL',
  'CLOCK_LEVEL',
  'IPI_LEVEL',
  'POWER_LEVEL',
  'HIGH_LEVEL',
] as const;

export const IrqlLevel = z.enum(IRQL_LEVELS).meta({ id: 'IrqlLevel', description: 'An IRQL, ordered PASSIVE_LEVEL < … < HIGH_LEVEL' });
export type IrqlLevel = z.infer<typeof IrqlLevel>;

/**
 * An IRQL requirement as a source states it (`raw`) and the range it allows.
 * `PASSIVE_LEVEL` → PASSIVE..PASSIVE; `<= X` → PASSIVE..X; `< X` → PASSIVE..(level below X);
 * `>= X` → X..HIGH; `Any level` → PASSIVE..HIGH; a bare `DISPATCH_LEVEL` → DISPATCH..DISPATCH.
 * Text that names no level ("See Remarks") keeps its words in `raw` with `min` and `max` null.
 */
export const Irql = z
  .object({
    raw: z.string().describe('The requirement exactly as the source words it (whitespace and quotes normalised)'),
    min: IrqlLevel.nullable().describe('Lowest level the routine may be called at, or null when the text names none'),
    max: IrqlLevel.nullable().describe('Highest level the routine may be called at, or null when the text names none'),
  })
  .strict()
  .meta({ id: 'Irql' });
export type Irql = z.infer<typeof Irql>;

/** Rank of a level in IRQL_LEVELS, for comparisons. */
export function irqlRank(level: IrqlLevel): number {
  return IRQL_LEVELS.indexOf(level);
}
