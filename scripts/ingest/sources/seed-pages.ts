import { readPlainTextPage } from '../extract/plain-text-page.ts';
import { readSummaryList } from '../extract/summary-list.ts';
import { mojibake } from '../passes/mojibake.ts';
import { whitespace } from '../passes/whitespace.ts';
import { checkNames, factFromRow } from './name-check.ts';
import { readPage } from './reference-pages.ts';
import { type SourceDeclaration, SourceDriftError } from './source.ts';

/** `seeds/003_…`: one page in the official reference format, kept as a seed (the corpus page is newer). */
export const seedReferencePage: SourceDeclaration = {
  id: 'seed-reference-page',
  phase: 0,
  files: (f) => /^seeds\/003_[^/]*\.txt$/.test(f),
  passes: [mojibake, whitespace],
  read: readPage,
};

/** `seeds/002_…`: a plain-text page of another reference site (prototype, description, parameters…). */
export const plainTextPage: SourceDeclaration = {
  id: 'plain-text-page',
  phase: 1,
  files: (f) => /^seeds\/002_[^/]*\.txt$/.test(f),
  passes: [mojibake, whitespace],
  read(doc, ctx) {
    const r = readPlainTextPage(doc.text, doc.file);
    if ('error' in r) throw new SourceDriftError(doc.file, r.error.line, r.error.message);
    ctx.routines.push(r.fact);
  },
};

/** `seeds/004_…`: a legacy summary list of pool, lookaside-list and zone routines. */
export const summaryList: SourceDeclaration = {
  id: 'summary-list',
  phase: 1,
  files: (f) => /^seeds\/004_[^/]*\.txt$/.test(f),
  passes: [mojibake, whitespace],
  read(doc, ctx) {
    const r = readSummaryList(doc.text, doc.file);
    if ('error' in r) throw new SourceDriftError(doc.file, r.error.line, r.error.message);
    ctx.categories.push({ slug: r.slug, title: r.title, parent: null, description: () => null, routines: [], source: r.at });
    for (const row of checkNames(r.rows, ctx)) ctx.routines.push(factFromRow(row, { categories: [r.slug] }));
  },
};
