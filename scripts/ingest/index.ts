import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { Catalog, Category, Header, IngestReport, Replacement, Routine, Structure } from '../../schema/index.ts';
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
  // A first pass counts the identifiers every document mentions (a name mentioned anywhere is attested);
  // documents are read again for the second, so that no more than one is held in memory at a time.
  const mentions = ctx.mentions;
  for (const { source, file } of work) {
    // Only code-like tokens (a capital or `_` after the first character) can attest a routine name.
    for (const m of prepare(source, file, false).text.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*[A-Z_][A-Za-z0-9_]*/g)) mentions.set(m[0], (mentions.get(m[0]) ?? 0) + 1);
  }
  const errors: string[] = [];
  let done = 0;
  let phase = 0;
  for (const { source, file: path } of work) {
    const { file, text, originalLine } = prepare(source, path, true);
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
    options.onProgress?.(++done, work.length);
  }
  if (errors.length) throw new IngestError(errors);
  if (phase === 0) registerRoleNames(routines, index);

  function prepare(source: SourceDeclaration, file: string, record: boolean) {
    let text = readFileSync(join(contentDir, file), 'utf8').replace(/\r\n?/g, '\n');
    // lineMap[i] is the original line of line i+1 of the current text (null while no line was inserted).
    let lineMap: number[] | null = null;
    for (const pass of source.passes) {
      const r = pass.apply(text);
      if (record) for (const line of r.lines) report.pass({ file, line: lineMap?.[line - 1] ?? line }, pass.name);
      if (r.inserted?.length) lineMap = insertLines(lineMap ?? text.split('\n').map((_, i) => i + 1), r.inserted);
      text = r.text;
    }
    const map = lineMap;
    return { file, text, originalLine: map ? (n: number) => map[Math.min(n, map.length) - 1] ?? n : (n: number) => n };
  }

  const catalog = assemble({ index, links, report, routines, structures, categories, headerNames: ctx.headerNames });
  const issues = validateCatalog(catalog);
  if (issues.length) throw new IngestError(issues.slice(0, 20));
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
  return { catalog, report: built.data };
}

/**
 * Validates the catalog with the zod schemas record by record: the same checks as `Catalog.parse`, without
 * holding a second copy of the whole catalog (the schemas have no defaults or transforms, so a valid record
 * is its own parse result).
 */
function validateCatalog(catalog: Catalog): string[] {
  const issues: string[] = [];
  const check = (schema: z.ZodType, value: unknown, path: (string | number)[]) => {
    const r = schema.safeParse(value);
    if (!r.success) for (const i of r.error.issues) issues.push(`catalog: ${[...path, ...i.path].join('.')}: ${i.message}`);
  };
  check(Catalog, { ...catalog, routines: [], structures: [], headers: [], replacements: [], categories: [] }, []);
  catalog.routines.forEach((r, i) => check(Routine, r, ['routines', i]));
  catalog.structures.forEach((r, i) => check(Structure, r, ['structures', i]));
  catalog.headers.forEach((r, i) => check(Header, r, ['headers', i]));
  catalog.replacements.forEach((r, i) => check(Replacement, r, ['replacements', i]));
  catalog.categories.forEach((r, i) => check(Category, r, ['categories', i]));
  return issues;
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
