import { z } from 'zod';
import { Catalog } from './catalog.ts';

/** The published JSON Schema of the catalog, generated from the zod schema (never written by hand). */
export function catalogJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Catalog, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
