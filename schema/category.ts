import { z } from 'zod';
import { Prose, SourceRef } from './source.ts';

export const Category = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/).describe("Unique, from the portal's section path, e.g. initialization-and-unload/registry"),
    title: z.string().min(1),
    parent: z.string().nullable(),
    description: Prose.nullable(),
    routines: z.array(z.string()).describe("In the portal's order"),
    sources: z.array(SourceRef).min(1),
  })
  .strict()
  .meta({ id: 'Category' });
export type Category = z.infer<typeof Category>;
