import { z } from 'zod';

/**
 * Where a fact comes from. `file` is relative to `content/` (POSIX separators), `line` is 1-based.
 * Every record keeps every source it was built from, so a reader can check a fact against its origin.
 */
export const SourceRef = z
  .object({
    file: z.string().min(1).describe('Path of the source document, relative to content/'),
    line: z.number().int().min(1).describe('1-based line of the fact in that document'),
  })
  .strict()
  .meta({ id: 'SourceRef', description: 'A file and line of content/ that states a fact' });
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * Prose fields are CommonMark (GFM) normalised from the sources' markdown and inline HTML.
 * Mentions of entities are left as plain text (`ExAcquireRundownProtection`, `EX_RUNDOWN_REF`):
 * consumers link them to records by name; the site does so for every known name.
 * Links to pages outside the catalog are kept as markdown links with https URLs only.
 */
export const Prose = z
  .string()
  .meta({ id: 'Prose', description: 'Markdown (GFM). Entity names appear as plain text; consumers link known names.' });
