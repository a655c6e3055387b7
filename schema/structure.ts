import { z } from 'zod';
import { Prose, SourceRef } from './source.ts';

export const Structure = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string()).describe('Other spellings, e.g. the pointer typedef PEX_RUNDOWN_REF'),
    header: z.string().nullable().describe('Lower-case'),
    includeHeaders: z.array(z.string()),
    summary: Prose.nullable(),
    description: Prose.nullable(),
    typedef: z.string().nullable().describe('C typedef as the source gives it, or null'),
    notes: z.array(Prose).describe('Alignment, allocation and minimum-OS notes as stated'),
    minimumOs: z.string().nullable(),
    routines: z.array(z.string()).describe('Routines that take or initialise it'),
    sources: z.array(SourceRef).min(1),
  })
  .strict()
  .meta({ id: 'Structure' });
export type Structure = z.infer<typeof Structure>;
