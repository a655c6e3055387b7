import { readPortal } from '../extract/portal.ts';
import { parseMarkdown, splitFrontMatter } from '../parse/markdown.ts';
import { mojibake } from '../passes/mojibake.ts';
import { tableAfterListItem } from '../passes/table-after-list-item.ts';
import { tableDelimiterRow } from '../passes/table-delimiter-row.ts';
import { tableLeadingPipe } from '../passes/table-leading-pipe.ts';
import { whitespace } from '../passes/whitespace.ts';
import { checkNames, factFromRow } from './name-check.ts';
import { type SourceDeclaration, SourceDriftError } from './source.ts';

/** The kernel portal (`seeds/001_…`): categories, routine tables, lists of reserved/obsolete routines, headers. */
export const kernelPortal: SourceDeclaration = {
  id: 'kernel-portal',
  phase: 1,
  files: (f) => /^seeds\/001_[^/]*\.txt$/.test(f),
  passes: [mojibake, whitespace, tableLeadingPipe, tableDelimiterRow, tableAfterListItem],
  read(doc, ctx) {
    const fm = splitFrontMatter(doc.text);
    if (!fm.data || fm.error) throw new SourceDriftError(doc.file, fm.error?.line ?? 1, 'expected YAML front matter (the portal page header)');
    const tree = parseMarkdown(fm.body);
    const read = readPortal(tree, { file: doc.file, text: doc.text, offset: fm.bodyOffset, originalLine: doc.originalLine }, ctx.links);
    if (read.categories.length === 0) throw new SourceDriftError(doc.file, fm.bodyOffset + 1, 'expected "## " section headings (the portal categories)');
    for (const h of read.headers) {
      ctx.links.headers.add(h.name);
      ctx.headerNames.push(h);
    }
    const typed = read.entries.filter((e) => !e.linked).map((e) => e.row);
    // Rows keep their `at` object through the passes, which ties a checked row back to its entry.
    const checked = new Map(checkNames(typed, ctx).map((r) => [r.at, r]));
    for (const e of read.entries) {
      const final = e.linked ? e.row : checked.get(e.row.at);
      if (!final) continue;
      ctx.routines.push(
        factFromRow(final, {
          ...(e.category ? { categories: [e.category] } : {}),
          ...(e.status ? { status: e.status } : {}),
          ...(e.replacedBy ? { replacedBy: e.replacedBy } : {}),
          ...(e.statusNote ? { statusNote: e.statusNote } : {}),
          ...(e.kind ? { kind: e.kind } : {}),
          ...(e.header ? { header: e.header } : {}),
        }),
      );
    }
    ctx.categories.push(...read.categories);
  },
};
