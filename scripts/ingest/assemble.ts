import type { Catalog, Category, Header, Replacement, Routine, SourceRef, Structure } from '../../schema/index.ts';
import { SCHEMA_VERSION } from '../../schema/index.ts';
import type { CategoryFact, LazyProse, Origin, RoutineFact, StructureFact } from './facts.ts';
import type { LinkContext } from './extract/links.ts';
import type { NameIndex } from './names.ts';
import { cmp, type ReportBuilder } from './report.ts';

const ORIGIN_RANK: Record<Origin, number> = { 'reference-page': 0, 'seed-page': 1, table: 2, link: 3 };
const HEADER_RANK = ['wdm.h', 'ntddk.h', 'ntifs.h'];

/** Primary header precedence: the header that declares the routine for most drivers first. */
function headerRank(h: string | null | undefined): number {
  const i = HEADER_RANK.indexOf(h ?? '');
  return i === -1 ? HEADER_RANK.length : i;
}

function byStrength<T extends { origin: Origin; header?: string | null; source: SourceRef }>(a: T, b: T): number {
  return (
    ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin] ||
    headerRank(a.header) - headerRank(b.header) ||
    cmp(a.header ?? '', b.header ?? '') ||
    cmp(a.source.file, b.source.file) ||
    a.source.line - b.source.line
  );
}

export interface AssembleInput {
  index: NameIndex;
  links: LinkContext;
  report: ReportBuilder;
  routines: RoutineFact[];
  structures: StructureFact[];
  categories: CategoryFact[];
  headerNames: { name: string; at: SourceRef }[];
}

/**
 * Merges the facts of every source into one record per name and derives the cross-references
 * (structure ↔ routine, header ↔ entity, category ↔ routine, replacements).
 */
export function assemble(input: AssembleInput): Catalog {
  const { index, report } = input;
  const canon = (n: string) => index.canonical(n) ?? n;

  const structureGroups = groupBy(input.structures, (f) => canon(f.name));
  // A table or list that names a structure (the portal lists AUX_MODULE_BASIC_INFO among routines) adds
  // its source and summary to the structure rather than creating a routine.
  for (const f of input.routines) {
    const s = structureGroups.get(canon(f.name));
    if (s) s.push({ name: f.name, origin: f.origin, source: f.source, aliases: f.aliases, summary: f.summary, header: f.header });
  }
  const routineGroups = groupBy(
    input.routines.filter((f) => !structureGroups.has(canon(f.name))),
    (f) => canon(f.name),
  );

  // Category members in the portal's order: the order of the rows that place them.
  const members = new Map<string, { name: string; at: SourceRef }[]>();
  for (const f of [...input.routines]) for (const c of f.categories ?? []) push(members, c, { name: canon(f.name), at: f.source });
  const categoryOf = new Map<string, string[]>();
  for (const c of input.categories) {
    c.routines = unique((members.get(c.slug) ?? []).sort((a, b) => cmp(a.at.file, b.at.file) || a.at.line - b.at.line).map((m) => m.name));
    for (const r of c.routines) push(categoryOf, r, c.slug);
  }
  // A section that lists no routine but says they are defined in a header ("Safe Integer Library Routines …
  // defined in the Ntintsafe.h header file") holds every routine documented under that header.
  for (const c of input.categories) {
    if (c.routines.length || !c.header) continue;
    c.routines = [...routineGroups]
      .filter(([, facts]) => facts.some((f) => f.origin === 'reference-page' && f.header === c.header))
      .map(([name]) => name)
      .sort(cmp);
    for (const r of c.routines) push(categoryOf, r, c.slug);
  }

  const notes = new Map<string, string | null>();
  const routines: Routine[] = [];
  for (const [name, facts] of routineGroups) routines.push(mergeRoutine(name, facts.sort(byStrength), report, categoryOf.get(name) ?? [], notes));
  const structures: Structure[] = [];
  for (const [name, facts] of structureGroups) structures.push(mergeStructure(name, facts.sort(byStrength), report));

  // Link texts that name a page under another name become aliases, unless the text has a record of its own.
  const recordNames = new Set([...routines.map((r) => r.name), ...structures.map((s) => s.name)]);
  const byName = new Map<string, Routine | Structure>([...routines, ...structures].map((r) => [r.name, r]));
  for (const lt of input.links.linkTexts) {
    if (recordNames.has(lt.text)) continue;
    const target = byName.get(lt.name);
    if (target && !target.aliases.includes(lt.text)) target.aliases.push(lt.text);
  }

  linkStructures(structures, routines);

  routines.sort((a, b) => cmp(a.name, b.name));
  structures.sort((a, b) => cmp(a.name, b.name));
  for (const r of [...routines, ...structures]) r.aliases = unique(r.aliases.filter((a) => a !== r.name)).sort(cmp);

  const headers = buildHeaders(routines, structures, input.headerNames.map((h) => h.name));
  const categories: Category[] = input.categories.map((c) => ({
    slug: c.slug,
    title: c.title,
    parent: c.parent,
    description: c.description(),
    routines: c.routines,
    sources: [c.source],
  }));
  const replacements: Replacement[] = routines
    .filter((r) => r.status !== 'supported')
    .map((r) => ({ routine: r.name, status: r.status, replacedBy: r.replacedBy, note: notes.get(r.name) ?? null, sources: r.sources }));

  return { schemaVersion: SCHEMA_VERSION, routines, structures, headers, replacements, categories };
}

function mergeRoutine(name: string, facts: RoutineFact[], report: ReportBuilder, categories: string[], notes: Map<string, string | null>): Routine {
  const pages = facts.filter((f) => f.origin === 'reference-page');
  const primary = facts[0]!;
  const first = <K extends keyof RoutineFact>(k: K): NonNullable<RoutineFact[K]> | null => {
    for (const f of facts) if (f[k] != null) return f[k] as NonNullable<RoutineFact[K]>;
    return null;
  };
  const prose = (k: 'summary' | 'description' | 'returns' | 'remarks'): string | null => {
    for (const f of facts) {
      const v = (f[k] as LazyProse | undefined)?.();
      if (v) return v;
    }
    return null;
  };
  const sources = uniqueSources(facts.map((f) => f.source));
  if (facts.length > 1) {
    const detail = describeMerge(facts);
    report.merge(name, sources, detail);
  }
  const headers = unique((pages.length ? pages : facts).map((f) => f.header).filter((h): h is string => !!h));
  // Two official pages under two headers are not a disagreement (both headers declare it); another source
  // naming a header no page names is.
  if (facts.some((f) => f.origin !== 'reference-page' && f.header && !headers.includes(f.header))) {
    disagreement(report, name, 'header', facts, (f) => f.header ?? null);
  }
  for (const field of ['minimumOs', 'library'] as const) disagreement(report, name, field, facts, (f) => f[field] ?? null);
  // Wordings of one range ("<= DISPATCH_LEVEL", "IRQL <= DISPATCH_LEVEL") agree; different ranges do not.
  const ranges = new Set(facts.filter((f) => f.irql).map((f) => `${f.irql!.min}..${f.irql!.max}`));
  if (ranges.size > 1) disagreement(report, name, 'irql', facts, (f) => f.irql?.raw ?? null);

  // A table or list that gives a status wins; else a reference page's own deprecation note makes it obsolete.
  let status = facts.find((f) => f.status && f.status !== 'supported')?.status ?? 'supported';
  const statusFact = facts.find((f) => f.status === status && f.statusNote);
  if (statusFact) notes.set(name, statusFact.statusNote!());
  let deprecatedBy: string[] = [];
  if (status === 'supported') {
    for (const f of pages) {
      const d = f.deprecation?.();
      if (!d) continue;
      status = 'obsolete';
      deprecatedBy = d.replacedBy;
      notes.set(name, d.note);
      break;
    }
  }
  const params = (pages[0] ?? facts.find((f) => f.parameters?.length) ?? primary).parameters ?? [];
  const seeAlso = unique(facts.flatMap((f) => f.seeAlso?.() ?? [])).filter((n) => n !== name);

  return {
    name,
    aliases: unique(facts.flatMap((f) => [f.name, ...(f.aliases ?? [])])),
    kind: first('kind') ?? 'function',
    header: headers[0] ?? null,
    headers,
    includeHeader: first('includeHeader'),
    library: first('library'),
    dll: first('dll'),
    irql: first('irql'),
    minimumOs: first('minimumOs'),
    status,
    replacedBy: unique([...facts.flatMap((f) => f.replacedBy ?? []), ...deprecatedBy]),
    summary: prose('summary'),
    description: prose('description'),
    parameters: params.map((p) => ({ name: p.name, type: p.type, direction: p.direction, optional: p.optional, description: p.description() })),
    returns: prose('returns'),
    remarks: prose('remarks'),
    signature: first('signature'),
    categories,
    seeAlso,
    officialUrl: first('officialUrl'),
    sources,
  };
}

function mergeStructure(name: string, facts: StructureFact[], report: ReportBuilder): Structure {
  const first = <K extends keyof StructureFact>(k: K): NonNullable<StructureFact[K]> | null => {
    for (const f of facts) if (f[k] != null && !(Array.isArray(f[k]) && (f[k] as unknown[]).length === 0)) return f[k] as NonNullable<StructureFact[K]>;
    return null;
  };
  const prose = (k: 'summary' | 'description'): string | null => {
    for (const f of facts) {
      const v = f[k]?.();
      if (v) return v;
    }
    return null;
  };
  const sources = uniqueSources(facts.map((f) => f.source));
  if (facts.length > 1) report.merge(name, sources, describeMerge(facts));
  disagreement(report, name, 'header', facts, (f) => f.header ?? null);
  return {
    name,
    aliases: unique(facts.flatMap((f) => [f.name, ...(f.aliases ?? [])])),
    header: first('header'),
    includeHeaders: unique(facts.flatMap((f) => f.includeHeaders ?? [])),
    summary: prose('summary'),
    description: prose('description'),
    typedef: first('typedef'),
    notes: unique(facts.flatMap((f) => (f.notes ?? []).map((n) => n()).filter((n): n is string => !!n))),
    minimumOs: first('minimumOs'),
    routines: unique(facts.flatMap((f) => f.routines?.() ?? [])),
    sources,
  };
}

/** Structure ↔ routine: the structure's own lists plus every routine with a parameter of that type. */
function linkStructures(structures: Structure[], routines: Routine[]): void {
  const byType = new Map<string, Structure>();
  for (const s of structures) {
    for (const n of [s.name, ...s.aliases]) {
      byType.set(n, s);
      if (!n.startsWith('P')) byType.set(`P${n.replace(/^_/, '')}`, s);
    }
  }
  const routineNames = new Set(routines.map((r) => r.name));
  for (const s of structures) s.routines = s.routines.filter((r) => routineNames.has(r));
  for (const r of routines) {
    // Parameter types, and the return type of the prototype (ExAllocateTimer returns a PEX_TIMER).
    const types = r.parameters.flatMap((p) => (p.type ? [p.type] : []));
    const declarator = r.signature ? new RegExp(`([^;{}()]*)\\b${r.name}\\s*\\(`).exec(r.signature) : null;
    if (declarator) types.push(declarator[1]!);
    for (const type of types) {
      for (const word of type.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
        const s = byType.get(word);
        if (s && !s.routines.includes(r.name)) s.routines.push(r.name);
      }
    }
  }
  for (const s of structures) s.routines.sort(cmp);
}

function buildHeaders(routines: Routine[], structures: Structure[], listed: string[]): Header[] {
  const map = new Map<string, Header>();
  const get = (h: string) => {
    let x = map.get(h);
    if (!x) map.set(h, (x = { name: h, routines: [], structures: [] }));
    return x;
  };
  for (const h of listed) get(h);
  for (const r of routines) for (const h of r.headers) get(h).routines.push(r.name);
  for (const s of structures) if (s.header) get(s.header).structures.push(s.name);
  return [...map.values()].sort((a, b) => cmp(a.name, b.name));
}

function disagreement<T extends { source: SourceRef }>(report: ReportBuilder, name: string, field: string, facts: T[], get: (f: T) => string | null): void {
  const values = facts.map((f) => ({ ...f.source, value: get(f) })).filter((v): v is SourceRef & { value: string } => v.value != null);
  const distinct = new Set(values.map((v) => v.value.toLowerCase()));
  if (distinct.size > 1) report.disagree(name, field, values, values[0]!.value);
}

function describeMerge(facts: { origin: Origin; source: SourceRef }[]): string {
  const counts: Record<string, number> = {};
  for (const f of facts) counts[f.origin] = (counts[f.origin] ?? 0) + 1;
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${k}${v > 1 ? 's' : ''}`)
    .join(', ');
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) push(m, key(it), it);
  return m;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function uniqueSources(xs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const s of xs) {
    const k = `${s.file}:${s.line}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out.sort((a, b) => cmp(a.file, b.file) || a.line - b.line);
}
