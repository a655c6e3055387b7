import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { SourceRef } from '../../../schema/index.ts';
import type { LazyProse, StructureFact } from '../facts.ts';
import { ddiPageOf, IDENT_RE } from '../names.ts';
import { finaliseProse, type LinkContext, makeResolver } from './links.ts';

// The page lives among the kernel guides, so its relative links are relative to them.
const KERNEL_BASE = 'https://learn.microsoft.com/windows-hardware/drivers/kernel/';
import { normaliseMinimumOs } from './minimum-os.ts';
import { hastToProse, textOf } from './prose.ts';
import { splitHeaders } from './reference-page.ts';

const htmlParser = unified().use(rehypeParse, { fragment: true }).freeze();

export interface OpaqueRead {
  structures: StructureFact[];
  /** Routines the rows link to (official routine pages), as link text and location. */
  linkedRoutines: { name: string; at: SourceRef }[];
  /** The "Related topics" list. */
  related: { name: string; at: SourceRef }[];
  /** Rows whose first cell names no structure. */
  badRows: { at: SourceRef; raw: string }[];
}

/**
 * Reads the table of opaque structures: an HTML `<table>` inside markdown whose rows hold the structure
 * name (bold) and a description cell of `<p>` paragraphs, an optional `<pre>` typedef, a `Header: … Include: …`
 * line, minimum-OS and alignment notes; then the markdown "Related topics" list of routine links.
 */
export function readOpaqueStructures(tree: Root, doc: { file: string; text: string; offset: number }, ctx: LinkContext): OpaqueRead {
  const out: OpaqueRead = { structures: [], linkedRoutines: [], related: [], badRows: [] };
  // Blank lines inside the table end markdown's HTML block, so the table is cut out of the text whole and
  // given to the HTML parser; the markdown tree is used for what follows it.
  for (const m of doc.text.matchAll(/<table\b[\s\S]*?<\/table>/gi)) readTable(m[0], countNewlines(doc.text, m.index) + 1);
  let inRelated = false;
  for (const node of tree.children) {
    if (node.type === 'heading') inRelated = /related topics/i.test(textOfMd(node));
    if (inRelated && (node.type === 'paragraph' || node.type === 'list')) {
      visit(node, 'link', (l) => {
        const text = textOfMd(l).trim();
        const page = ddiPageOf(l.url);
        const name = (page && ctx.index.page(page)) || text;
        out.related.push({ name, at: { file: doc.file, line: (l.position?.start.line ?? 1) + doc.offset } });
      });
    }
  }
  return out;

  function readTable(html: string, firstLine: number): void {
    const tree = htmlParser.parse(html) as HastRoot;
    visit(tree, 'element', (tr: Element) => {
      if (tr.tagName !== 'tr') return;
      const cells = tr.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'td');
      if (cells.length === 0) return;
      const at: SourceRef = { file: doc.file, line: firstLine + (tr.position?.start.line ?? 1) - 1 };
      const name = textOf(cells[0]!).replace(/\s+/g, '').trim();
      if (!IDENT_RE.test(name)) {
        out.badRows.push({ at, raw: textOf(cells[0]!).trim() });
        return;
      }
      const body = cells[1];
      const paragraphs = body ? body.children.filter((c): c is Element => c.type === 'element') : [];
      const isHeaderLine = (p: Element) => /^\s*Header:/i.test(textOf(p));
      const isOsLine = (p: Element) => /^\s*(Available|Supported)\b/i.test(textOf(p));
      const isNote = (p: Element) => isOsLine(p) || /\baligned\b|\balignment\b/i.test(textOf(p));
      const headerLine = paragraphs.find(isHeaderLine);
      const headerText = headerLine ? textOf(headerLine) : '';
      const header = /Header:\s*([A-Za-z0-9_]+\.h)/i.exec(headerText)?.[1]?.toLowerCase() ?? null;
      const include = /Include:?\s*(.*)$/i.exec(headerText)?.[1] ?? null;
      const pre = paragraphs.find((p) => p.tagName === 'pre');
      const typedef = pre ? textOf(pre).trim() : null;
      const osLine = paragraphs.find(isOsLine);
      const resolver = makeResolver(ctx, doc.file, doc.text, at.line, KERNEL_BASE);
      const prose = (nodes: Element[]): LazyProse => {
        const md = hastToProse({ type: 'root', children: nodes }, resolver);
        return () => finaliseProse(ctx, md);
      };
      const bodyMd = body ? hastToProse(body, resolver) : null;
      const collect = () => {
        const routines: string[] = [];
        finaliseProse(ctx, bodyMd, (n) => n !== name && routines.push(n));
        return routines;
      };
      visit(body ?? { type: 'root', children: [] }, 'element', (a: Element) => {
        if (a.tagName !== 'a') return;
        const href = String(a.properties?.href ?? '');
        const page = ddiPageOf(href);
        if (page && /^n[fc]-/.test(page)) {
          const text = textOf(a).replace(/\s+/g, ' ').trim();
          out.linkedRoutines.push({ name: ctx.index.page(page) ?? text, at: { file: doc.file, line: firstLine + (a.position?.start.line ?? 1) - 1 } });
        }
      });
      const first = paragraphs.find((p) => p.tagName === 'p');
      out.structures.push({
        name,
        origin: 'table',
        source: at,
        aliases: typedefNames(typedef).filter((n) => n !== name),
        header,
        includeHeaders: splitHeaders(include),
        summary: first ? prose([first]) : () => null,
        description: prose(paragraphs.filter((p) => !isHeaderLine(p) && !isNote(p) && p.tagName !== 'pre')),
        typedef,
        notes: paragraphs.filter(isNote).map((p) => prose([p])),
        minimumOs: osLine ? normaliseMinimumOs(textOf(osLine)) : null,
        routines: collect,
      });
    });
  }
}

/** `} EX_RUNDOWN_REF, *PEX_RUNDOWN_REF;` → the typedef's names. */
function typedefNames(typedef: string | null): string[] {
  if (!typedef) return [];
  const m = /}\s*([^;{}]+);\s*$/.exec(typedef);
  if (!m) return [];
  return m[1]!.split(',').map((s) => s.replace(/[*\s]/g, '')).filter((s) => IDENT_RE.test(s));
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function textOfMd(node: { type: string; value?: string; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children as (typeof node)[] | undefined)?.map(textOfMd).join('') ?? '';
}
