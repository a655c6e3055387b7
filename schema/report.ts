import { z } from 'zod';
import { SourceRef } from './source.ts';

/** The closed set of reasons a row can be quarantined for. */
export const QuarantineReason = z.enum(['not-a-name', 'ambiguous-repair', 'unparseable-row', 'unparseable-page', 'duplicate-conflict']);

export const IngestReport = z
  .object({
    quarantined: z.array(z.object({ ...SourceRef.shape, raw: z.string(), reason: QuarantineReason, detail: z.string() }).strict()),
    repairs: z.array(z.object({ ...SourceRef.shape, from: z.string(), to: z.string(), rule: z.string() }).strict()),
    merges: z.array(z.object({ name: z.string(), sources: z.array(SourceRef), detail: z.string() }).strict()),
    disagreements: z.array(z.object({ name: z.string(), field: z.string(), values: z.array(z.object({ ...SourceRef.shape, value: z.string() }).strict()), kept: z.string() }).strict()),
    brokenLinks: z.array(z.object({ ...SourceRef.shape, text: z.string(), target: z.string(), reason: z.string() }).strict()),
    /** Text passes that repaired a line before parsing (a table row's lost pipe, mojibake, …). */
    passes: z.array(z.object({ ...SourceRef.shape, pass: z.string() }).strict()),
    /** Names that only their own table row or list item states: kept in the catalog, but no other source confirms the spelling. */
    unattested: z.array(z.object({ ...SourceRef.shape, name: z.string() }).strict()),
    /** Files of content/ that no source reads (documentation, licences, a prototype without its page), so none is skipped unseen. */
    ignored: z.array(z.object({ file: z.string(), reason: z.string() }).strict()),
    counts: z.record(z.string(), z.number()),
  })
  .strict()
  .meta({ id: 'IngestReport' });
export type IngestReport = z.infer<typeof IngestReport>;
