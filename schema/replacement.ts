import { z } from 'zod';
import { RoutineStatus } from './routine.ts';
import { Prose, SourceRef } from './source.ts';

export const Replacement = z
  .object({
    routine: z.string().min(1),
    status: RoutineStatus,
    replacedBy: z.array(z.string()),
    note: Prose.nullable(),
    sources: z.array(SourceRef).min(1),
  })
  .strict()
  .meta({ id: 'Replacement' });
export type Replacement = z.infer<typeof Replacement>;
