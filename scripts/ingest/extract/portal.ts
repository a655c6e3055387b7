import type { Link, List, ListItem, Paragraph, Root, RootContent, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RoutineKind, RoutineStatus, SourceRef } from '../../../schema/index.ts';
import type { CategoryFact, LazyProse } from '../facts.ts';
import { ddiPageOf, IDENT_RE } from '../names.ts';
import type { NameRow } from '../passes/name-rows.ts';
import { finaliseProse, type LinkContext, makeResolver } from './links.ts';
import { mdastToProse } from './prose.ts';

/** A name the portal places somewhere, with what the place says about it. */
export interface PortalEntry {
  row: NameRow;
  category: string | null;
  status?: RoutineStatus;
  replacedBy?: string[];
  statusNote?: LazyProse;
  kind?: RoutineKind;
  header?: string;
  /** The name was given by a link (its target decides the entity), not typed into a cell. */
  linked?: boolean;
}

export interface PortalRead {
  categories: CategoryFact[];
  entries: PortalEntry[];
  headers: { name: string; at: SourceRef }[];
}

interface Doc {
  file: string;
  text: string;
  offset: number;
  originalLine(n: number): number;
}

/**
 * Reads the kernel portal: `##`/`###` headings become categories (slug from the section path); routine
 * tables (Function/Routine/Callback | Description), replacement tables (Routine | Replacement), bullet lists
 * of names and one-name paragraphs become entries of the current category, with the status the preceding
 * sentence gives them ("reserved for system use", "obsolete", "not supported"); the list of header links
 * becomes headers. Names are returned raw: the caller checks and repairs their spelling.
 */
export function readPortal(tree: Root, doc: Doc, ctx: LinkContext): PortalRead {
  const out: PortalRead = { categories: [], entries: [], headers: [] };
  const at = (node: { position?: { start: { line: number } } }): SourceRef => ({ file: doc.file, line: doc.originalLine((node.position?.start.line ?? 1) + doc.offset) });
  // Category descriptions grow as their paragraphs are read, so they are rendered when asked for.
  const prose = (nodes: RootContent[], line: number): LazyProse => () => finaliseProse(ctx, mdastToProse(nodes, makeResolver(ctx, doc.file, doc.text, line)));
  const slugs = new Set<string>();
  let h2: CategoryFact | null = null;
  let category: CategoryFact | null = null;
  let intro = false;
  let context: { status?: RoutineStatus; header?: string } = {};
  let descriptionNodes: RootContent[] | null = null;
  let lastTableEntries: PortalEntry[] = [];
  let pendingHeader: string | undefined;

  const add = (e: PortalEntry) => out.entries.push(e);

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const title = toString(node).replace(/\s+/g, ' ').trim();
      context = {};
      lastTableEntries = [];
      pendingHeader = undefined;
      if (node.depth === 1) continue;
      if (node.depth === 2) intro = title.startsWith('-');
      if (intro || node.depth > 3) continue;
      const parentSlug: string | null = node.depth === 3 ? ((h2 as CategoryFact | null)?.slug ?? null) : null;
      let slug: string = (parentSlug ? `${parentSlug}/` : '') + slugify(title);
      for (let n = 2; slugs.has(slug); n++) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
      slugs.add(slug);
      const nodes: RootContent[] = [];
      descriptionNodes = nodes;
      category = { slug, title, parent: parentSlug, description: prose(nodes, at(node).line), routines: [], source: at(node) };
      if (node.depth === 2) h2 = category;
      out.categories.push(category);
      continue;
    }
    if (node.type === 'paragraph') {
      const text = toString(node).replace(/\s+/g, ' ').trim();
      const lines = toString(node).split('\n').map((l) => l.trim()).filter(Boolean);
      if (lines.length > 0 && lines.every((l) => isNameLike(l))) {
        lines.forEach((l, i) => add({ row: row(l, { file: doc.file, line: at(node).line + i }), category: category?.slug ?? null, ...context }));
        continue;
      }
      const header = /\b(?:included|declared|defined)\b[^.]*?\bin (?:the )?([A-Za-z0-9_]+\.h)\b/i.exec(text)?.[1]?.toLowerCase();
      if (header && lastTableEntries.length) for (const e of lastTableEntries) e.header ??= header;
      else if (header) pendingHeader = header;
      if (header && category && descriptionNodes) category.header ??= header;
      const status = statusOf(text);
      if (status) context = { status };
      else if (/\bfollowing\b/i.test(text)) context = {};
      if (descriptionNodes) descriptionNodes.push(node);
      lastTableEntries = [];
      continue;
    }
    // A status sentence ("The following routines are reserved…") governs the one list or table after it.
    if (node.type === 'list') {
      descriptionNodes = null;
      readList(node, (e) => add(e));
      lastTableEntries = [];
      context = {};
      continue;
    }
    if (node.type === 'table') {
      descriptionNodes = null;
      lastTableEntries = readTable(node);
      if (pendingHeader) for (const e of lastTableEntries) e.header ??= pendingHeader;
      for (const e of lastTableEntries) add(e);
      context = {};
      continue;
    }
    if (descriptionNodes && node.type !== 'html') descriptionNodes.push(node);
  }
  return out;

  function row(name: string, where: SourceRef, description: LazyProse = () => null): NameRow {
    return { name, description, at: where, aliases: [] };
  }

  function readList(list: List, emit: (e: PortalEntry) => void): void {
    for (const item of list.children) readItem(item, emit);
  }

  function readItem(item: ListItem, emit: (e: PortalEntry) => void): void {
    for (const child of item.children) {
      if (child.type === 'list') {
        readList(child, emit);
        continue;
      }
      if (child.type !== 'paragraph') continue;
      const where = at(child);
      const links = linksIn(child);
      const headerLinks = links.filter((l) => /\.h$/i.test(toString(l).trim()));
      if (headerLinks.length && headerLinks.length === links.length) {
        for (const l of headerLinks) out.headers.push({ name: toString(l).trim().toLowerCase(), at: at(l) });
        continue;
      }
      const first = toString(child).split('\n')[0]!.trim();
      const named = links.filter((l) => ddiPageOf(l.url) || isNameLike(toString(l).trim()));
      if (named.length && (named.length > 1 || first === toString(named[0]!).trim())) {
        for (const l of named) emit({ row: row(linkName(l), at(l)), category: category?.slug ?? null, ...context, linked: true });
        continue;
      }
      const m = /^([A-Za-z_][A-Za-z0-9_|]*)\s*\.?\s*(.*)$/.exec(first);
      if (!m || !isNameLike(m[1]!) && !m[1]!.includes('|')) continue;
      const rest = m[2]!.trim();
      if (rest && !/^(?:use|see)\b/i.test(rest)) continue;
      const replacedBy = rest ? replacementsIn(rest, links) : [];
      emit({
        row: row(m[1]!, where),
        category: category?.slug ?? null,
        ...context,
        ...(replacedBy.length ? { replacedBy } : {}),
        ...(rest ? { statusNote: () => rest } : {}),
      });
    }
  }

  function readTable(table: Table): PortalEntry[] {
    const [head, ...rows] = table.children;
    const headers = (head?.children ?? []).map((c) => toString(c).replace(/\s+/g, ' ').trim().toLowerCase());
    const entries: PortalEntry[] = [];
    const replacementCol = headers.findIndex((h) => /replacement/.test(h));
    const purposeTable = headers.length === 2 && /routines for/.test(headers[0]!) && /routine/.test(headers[1]!);
    const kind: RoutineKind | undefined = /callback/.test(headers[0] ?? '') ? 'callback' : undefined;
    const status: RoutineStatus | undefined = replacementCol >= 0 ? (/obsolete/.test(headers[0]!) ? 'obsolete' : (context.status ?? 'reserved')) : context.status;
    for (const r of rows) {
      const where = at(r);
      const cells = r.children;
      if (purposeTable) {
        for (const l of linksIn(cells[1])) entries.push({ row: row(linkName(l), at(l)), category: category?.slug ?? null, ...context, linked: true });
        continue;
      }
      const width = headers.length || 2;
      // More cells than columns: the name cell held a stray pipe; the reader hands both halves on as one name.
      const nameCells = cells.length > width ? 2 : 1;
      const nameText = cells.slice(0, nameCells).map((c) => cellText(c)).join('|');
      const link = linksIn(cells[0]).find((l) => ddiPageOf(l.url));
      const descCells = cells.slice(nameCells);
      const descNodes = descCells.flatMap((c) => c.children) as RootContent[];
      const description: LazyProse = descNodes.length ? prose([{ type: 'paragraph', children: descNodes } as Paragraph], where.line) : () => null;
      const entry: PortalEntry = { row: row(link ? linkName(link) : nameText, where, description), category: category?.slug ?? null, ...(kind ? { kind } : {}), ...(link ? { linked: true } : {}) };
      if (replacementCol >= 0) {
        entry.status = status;
        const noteText = descNodes.length ? toString({ type: 'paragraph', children: descNodes } as Paragraph).trim() : '';
        entry.replacedBy = replacementsIn(noteText, descCells.flatMap((c) => linksIn(c)));
        entry.statusNote = description;
        entry.row.description = () => null;
      } else if (status) entry.status = status;
      entries.push(entry);
    }
    return entries;
  }

  function linkName(l: Link): string {
    const page = ddiPageOf(l.url);
    const text = toString(l).replace(/\s+/g, ' ').trim();
    const name = page ? ctx.index.page(page) : undefined;
    if (name && text !== name && IDENT_RE.test(text)) ctx.linkTexts.push({ text, name, at: at(l) });
    if (/file:/i.test(l.url)) ctx.report.brokenLink(at(l), text, l.url, 'file-url');
    return name ?? text;
  }
}

function cellText(c: TableCell): string {
  return toString(c).replace(/\s+/g, ' ').trim();
}

function linksIn(node: RootContent | TableCell | undefined): Link[] {
  const out: Link[] = [];
  const walk = (n: RootContent | TableCell) => {
    if (n.type === 'link') out.push(n);
    else if ('children' in n) for (const c of n.children) walk(c as RootContent);
  };
  if (node) walk(node);
  return out;
}

/** The names a replacement note points to: link targets, and the names right after "use"/"see" (joined by and/or/commas). */
export function replacementsIn(note: string, links: Link[]): string[] {
  const names: string[] = [];
  // Separators are required between names, so that no long name can be split in many ways (backtracking).
  for (const m of note.matchAll(/\b(?:use|see|call)\s+(?:the\s+)?([A-Za-z_]\w*(?:(?:\s*,\s*|\s+or\s+|\s+and\s+)(?:the\s+)?[A-Za-z_]\w*)*)/gi)) {
    for (const w of m[1]!.split(/\s*,\s*|\s+or\s+|\s+and\s+|\s+/)) if (isNameLike(w)) names.push(w);
  }
  for (const l of links) {
    const t = toString(l).replace(/\s+/g, ' ').trim();
    if (isNameLike(t) && !names.includes(t)) names.push(t);
  }
  return [...new Set(names)];
}

function statusOf(text: string): RoutineStatus | undefined {
  if (/\bnot supported\b/i.test(text)) return 'unsupported';
  if (/\bobsolete\b/i.test(text)) return 'obsolete';
  if (/\breserved\b|\bfor system use\b/i.test(text)) return 'reserved';
  return undefined;
}

/** A code name as the sources write them: CamelCase with two capitals, or with `_`/digits, or ALL CAPS. */
export function isNameLike(s: string): boolean {
  if (!IDENT_RE.test(s) || s.length < 3) return false;
  return /[a-z][A-Z]/.test(s) || /_/.test(s) || /^[A-Z][A-Z0-9]{3,}$/.test(s) || /[A-Z].*[A-Z]/.test(s);
}

export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, (m) => m.slice(1, -1))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'section';
}
