import { z } from 'zod';
import { Category } from './category.ts';
import { Header } from './header.ts';
import { Replacement } from './replacement.ts';
import { Routine } from './routine.ts';
import { Structure } from './structure.ts';

export const SCHEMA_VERSION = 1;

export const Catalog = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    routines: z.array(Routine),
    structures: z.array(Structure),
    headers: z.array(Header),
    replacements: z.array(Replacement),
    categories: z.array(Category),
  })
  .strict()
  .meta({ id: 'Catalog', title: 'DDI Atlas catalog' });
export type Catalog = z.infer<typeof Catalog>;
