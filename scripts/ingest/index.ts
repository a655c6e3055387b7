import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Catalog, IngestReport } from '../../schema/index.ts';
import { assemble } from './assemble.ts';
import type { CategoryFact, RoutineFact, StructureFact } from './facts.ts';
import type { LinkContext } from './extract/links.ts';
import { NameIndex } from './names.ts';
import { parseMarkdown, splitFrontMatter } from './parse/markdown.ts';
import { ReportBuilder } from './report.ts';
import { SOURCES } from './sources/index.ts';
import { type ReadContext, type SourceDeclaration, SourceDriftError } from './sources/source.ts';

export interface IngestOptions {
  contentDir: string;
  /** Called as files are read (for a progress line). */
  onProgress?: (done: number, total: number) => void;
}

export interface IngestResult {
  catalog: Catalog;
  report: IngestReport;
}

/**
 * The whole pipeline as a pure function of the content folder: read every source (pages that establish
 * names first, then the tables checked against them), merge, derive cross-references, validate.
 * Throws IngestError (with `file:line` messages) when the input cannot be ingested.
 */
export function ingest(options: IngestOptions, sources: readonly SourceDeclaration[] = SOURCES): IngestResult {
  const contentDir = options.contentDir;
  const files = listFiles(contentDir);
  const report = new ReportBuilder();
  const index = new NameIndex();
  const links: LinkContext = { index, report, headers: new Set(), linkTexts: [], deferred: [] };
  const routines: RoutineFact[] = [];
  const structures: StructureFact[] = [];
  const categories: CategoryFact[] = [];
  const ctx: ReadContext = {
    report,
    index,
    links,
    routines,
    structures,
    categories,
    headerNames: [],
    mentions: new Map(),
    readSibling: (file) => {
      try {
        return readFileSync(join(contentDir, file), 'utf8');
      } catch {
        return null;
      }
    },
  };

  const work: { source: SourceDeclaration; file: string }[] = [];
  for (const phase of [0, 1] as const) {
    for (const source of sources.filter((s) => s.phase === phase)) {
      for (const file of files) if (source.files(file)) work.push({ source, file });
    }
  }
  const read = new Set(work.map((w) => w.file));
  for (const file of files) {
    if (read.has(file)) continue;
    // A `.c` prototype is read with the page beside it.
    const page = file.replace(/\.c$/, '.md');
    if (file.endsWith('.c') && read.has(page)) continue;
    report.ignored.push({ file, reason: file.endsWith('.c') ? 'a prototype with no page beside it' : 'no source reads this kind of file' });
  }
  // Every document is read and repaired first: the identifiers they mention attest names for the checks.
  const docs = work.map(({ source, file }) => ({ source, ...prepare(source, file) }));
  const mentions = ctx.mentions;
  for (const d of docs) {
    // Only code-like tokens (a capital or `_` after the first character) can attest a routine name.
    for (const m of d.text.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*[A-Z_][A-Za-z0-9_]*/g)) mentions.set(m[0], (mentions.get(m[0]) ?? 0) + 1);
  }
  const errors: string[] = [];
  let done = 0;
  let phase = 0;
  for (let i = 0; i < docs.length; i++) {
    const { source, file, text, originalLine } = docs[i]!;
    // The text is no longer needed once read: let it go rather than hold every document to the end.
    docs[i] = undefined as unknown as (typeof docs)[number];
    if (source.phase !== phase) {
      registerRoleNames(routines, index);
      phase = source.phase;
    }
    try {
      source.read({ file, text, originalLine }, ctx);
    } catch (e) {
      // A source whose structure drifted stops the ingest (after every file was tried, so that all such
      // errors are listed); anything else a page throws quarantines that page and the ingest goes on.
      if (e instanceof SourceDriftError) errors.push(e.message);
      else if (source.phase === 0) report.quarantine({ file, line: 1 }, text.slice(0, 200), 'unparseable-page', e instanceof Error ? e.message : String(e));
      else errors.push(`${file}:1: ${e instanceof Error ? e.message : String(e)}`);
    }
    options.onProgress?.(++done, docs.length);
  }
  if (errors.length) throw new IngestError(errors);
  if (phase === 0) registerRoleNames(routines, index);

  function prepare(source: SourceDeclaration, file: string) {
    let text = readFileSync(join(contentDir, file), 'utf8').replace(/\r\n?/g, '\n');
    // lineMap[i] is the original line of line i+1 of the current text (null while no line was inserted).
    let lineMap: number[] | null = null;
    for (const pass of source.passes) {
      const r = pass.apply(text);
      for (const line of r.lines) report.pass({ file, line: lineMap?.[line - 1] ?? line }, pass.name);
      if (r.inserted?.length) lineMap = insertLines(lineMap ?? text.split('\n').map((_, i) => i + 1), r.inserted);
      text = r.text;
    }
    const map = lineMap;
    return { file, text, originalLine: map ? (n: number) => map[Math.min(n, map.length) - 1] ?? n : (n: number) => n };
  }

  const catalog = assemble({ index, links, report, routines, structures, categories, headerNames: ctx.headerNames });
  const parsed = Catalog.safeParse(catalog);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => `catalog: ${i.path.join('.')}: ${i.message}`);
    throw new IngestError(issues);
  }
  const counts = {
    files: work.length,
    routines: catalog.routines.length,
    structures: catalog.structures.length,
    headers: catalog.headers.length,
    categories: catalog.categories.length,
    replacements: catalog.replacements.length,
    quarantined: report.quarantined.length,
    repairs: report.repairs.length,
    merges: report.merges.length,
    disagreements: report.disagreements.length,
    brokenLinks: report.brokenLinks.length,
    ignoredFiles: report.ignored.length,
  };
  const built = IngestReport.safeParse(report.build(counts));
  if (!built.success) throw new IngestError(built.error.issues.slice(0, 20).map((i) => `report: ${i.path.join('.')}: ${i.message}`));
  return { catalog: parsed.data, report: built.data };
}

/**
 * Role names of callback pages (`DriverEntry`, `AddDevice`) name the callback's record, unless some page
 * documents that name itself; they are registered only once every page is known for that reason.
 */
function registerRoleNames(routines: RoutineFact[], index: NameIndex): void {
  for (const f of routines) {
    for (const role of f.roleNames ?? []) {
      if (index.has(role)) continue;
      index.add(role, index.canonical(f.name) ?? f.name);
      (f.aliases ??= []).push(role);
    }
  }
}

function insertLines(map: number[], after: number[]): number[] {
  const set = new Set(after);
  const out: number[] = [];
  map.forEach((orig, i) => {
    out.push(orig);
    if (set.has(i + 1)) out.push(orig);
  });
  return out;
}

/**
 * The parsing alone, for comparison: every file any source reads, through the same text passes and parsers
 * (YAML front matter, markdown), with no extraction, merging or validation. Returns the number of files.
 */
export function parseOnly(options: { contentDir: string }, sources: readonly SourceDeclaration[] = SOURCES): number {
  let n = 0;
  for (const file of listFiles(options.contentDir)) {
    const source = sources.find((s) => s.files(file));
    if (!source) continue;
    let text = readFileSync(join(options.contentDir, file), 'utf8').replace(/\r\n?/g, '\n');
    for (const pass of source.passes) text = pass.apply(text).text;
    parseMarkdown(splitFrontMatter(text).body);
    n++;
  }
  return n;
}

export class IngestError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
  }
}

/** Every file under `dir`, relative, POSIX separators, sorted (the order never depends on the file system). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
