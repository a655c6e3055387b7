import type { Irql, Parameter, RoutineKind, RoutineStatus, SourceRef } from '../../schema/index.ts';

/**
 * A prose field as a source states it. Prose is rendered lazily: links in it are resolved against the
 * complete name index, which exists only once every source has been read.
 */
export type LazyProse = () => string | null;

/** Where a fact comes from, strongest first when sources disagree. */
export type Origin = 'reference-page' | 'seed-page' | 'table' | 'link';

/** What one source says about one routine. Absent fields: the source says nothing. */
export interface RoutineFact {
  name: string;
  origin: Origin;
  source: SourceRef;
  /** Official page name (`nf-wdm-foo`) and its header directory, for reference pages. */
  page?: string;
  headerDir?: string;
  aliases?: string[];
  /** Names a callback page gives the routine a driver implements (`DriverEntry` for DRIVER_INITIALIZE). */
  roleNames?: string[];
  kind?: RoutineKind;
  header?: string | null;
  includeHeader?: string | null;
  library?: string | null;
  dll?: string | null;
  irql?: Irql | null;
  minimumOs?: string | null;
  status?: RoutineStatus;
  replacedBy?: string[];
  statusNote?: LazyProse;
  /** A deprecation note of a reference page, read once its prose is rendered. */
  deprecation?: () => { note: string; replacedBy: string[] } | null;
  summary?: LazyProse;
  description?: LazyProse;
  parameters?: (Omit<Parameter, 'description'> & { description: LazyProse })[];
  returns?: LazyProse;
  remarks?: LazyProse;
  signature?: string | null;
  categories?: string[];
  seeAlso?: () => string[];
  officialUrl?: string | null;
}

export interface StructureFact {
  name: string;
  origin: Origin;
  source: SourceRef;
  page?: string;
  aliases?: string[];
  header?: string | null;
  includeHeaders?: string[];
  summary?: LazyProse;
  description?: LazyProse;
  typedef?: string | null;
  notes?: LazyProse[];
  minimumOs?: string | null;
  routines?: () => string[];
}

/** A category of the portal, as read. */
export interface CategoryFact {
  slug: string;
  title: string;
  parent: string | null;
  description: LazyProse;
  /** Filled when the catalog is assembled, from the categories of the routines (in source order). */
  routines: string[];
  /** The header the section says its routines are defined in ("defined … in the Ntintsafe.h header file"). */
  header?: string;
  source: SourceRef;
}

export const text = (s: string | null): LazyProse => () => s;
