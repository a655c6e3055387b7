import type { SourceRef } from '../../../schema/index.ts';
import type { CategoryFact, RoutineFact, StructureFact } from '../facts.ts';
import type { LinkContext } from '../extract/links.ts';
import type { NameIndex } from '../names.ts';
import type { TextPass } from '../passes/text-pass.ts';
import type { ReportBuilder } from '../report.ts';

/** A file of content/ after its text passes. */
export interface SourceDocument {
  /** Path relative to content/, POSIX separators. */
  file: string;
  text: string;
  /** Line of the file as received for a line of `text` (text passes may have inserted lines). */
  originalLine(line: number): number;
}

/** What readers push facts into, and the shared name index they read from. */
export interface ReadContext {
  report: ReportBuilder;
  index: NameIndex;
  links: LinkContext;
  routines: RoutineFact[];
  structures: StructureFact[];
  categories: CategoryFact[];
  /** Headers a source lists (the portal's list of public headers). */
  headerNames: { name: string; at: SourceRef }[];
  /** How often each identifier occurs across every document: a name mentioned anywhere is attested. */
  mentions: Map<string, number>;
  /** Reads another file of content/ (e.g. the `.c` prototype beside a page), or null when it is absent. */
  readSibling(file: string): string | null;
}

/**
 * A source is a declaration: which files it reads, the text passes that repair their quirks before a real
 * parser reads them, and the reader that turns a document into facts. `phase` orders sources: pages that
 * establish names (phase 0) are read before the tables whose names are checked against them (phase 1).
 */
export interface SourceDeclaration {
  id: string;
  phase: 0 | 1;
  files: (file: string) => boolean;
  passes: readonly TextPass[];
  read(doc: SourceDocument, ctx: ReadContext): void;
}

/** Raised when a source no longer has the structure its reader expects. */
export class SourceDriftError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}
