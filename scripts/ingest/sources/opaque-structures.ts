import { readOpaqueStructures } from '../extract/opaque-structures.ts';
import { parseMarkdown, splitFrontMatter } from '../parse/markdown.ts';
import { IDENT_RE } from '../names.ts';
import { mojibake } from '../passes/mojibake.ts';
import { whitespace } from '../passes/whitespace.ts';
import { type SourceDeclaration, SourceDriftError } from './source.ts';

/** The table of opaque structures (`seeds/000_…`) and its "Related topics" routine list. */
export const opaqueStructures: SourceDeclaration = {
  id: 'opaque-structures',
  phase: 1,
  files: (f) => /^seeds\/000_[^/]*\.txt$/.test(f),
  passes: [mojibake, whitespace],
  read(doc, ctx) {
    const fm = splitFrontMatter(doc.text);
    const read = readOpaqueStructures(parseMarkdown(fm.body), { file: doc.file, text: doc.text, offset: fm.bodyOffset }, ctx.links);
    if (read.structures.length === 0) throw new SourceDriftError(doc.file, fm.bodyOffset + 1, 'expected an HTML <table> of structures with the name in the first cell');
    for (const s of read.structures) {
      for (const n of [s.name, ...(s.aliases ?? [])]) if (!ctx.index.has(n)) ctx.index.add(n, ctx.index.canonical(s.name) ?? s.name);
      ctx.structures.push(s);
    }
    for (const b of read.badRows) ctx.report.quarantine(b.at, b.raw, 'not-a-name', 'the first cell of a structure row names no structure');
    // A link text that is not an identifier ("Run-Down Protection") names a guide, not a routine.
    for (const r of [...read.linkedRoutines, ...read.related]) if (IDENT_RE.test(r.name)) ctx.routines.push({ name: r.name, origin: 'link', source: r.at });
  },
};
