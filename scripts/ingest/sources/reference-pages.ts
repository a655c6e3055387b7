import { readReferencePage } from '../extract/reference-page.ts';
import { linksOf } from '../extract/prose.ts';
import { ddiPageOf, IDENT_RE } from '../names.ts';
import { countLines, parseMarkdown, splitFrontMatter } from '../parse/markdown.ts';
import { mojibake } from '../passes/mojibake.ts';
import { whitespace } from '../passes/whitespace.ts';
import type { ReadContext, SourceDeclaration, SourceDocument } from './source.ts';

/**
 * Official reference pages: every `ddi/<header>/<page>.md` (with its `.c` prototype beside it) and the seed
 * that is one such page. These establish the canonical names, so they are read first.
 */
export const referencePages: SourceDeclaration = {
  id: 'reference-pages',
  phase: 0,
  files: (f) => /^ddi\/[^/]+\/[^/]+\.md$/i.test(f) && !/\/index\.md$/i.test(f),
  passes: [mojibake, whitespace],
  read: readPage,
};

export function readPage(doc: SourceDocument, ctx: ReadContext): void {
  const fm = splitFrontMatter(doc.text);
  // Without its front matter a page has no name or requirements to read: it is quarantined whole.
  if (fm.error || !fm.data) {
    const line = fm.error?.line ?? 1;
    ctx.report.quarantine({ file: doc.file, line }, firstLines(doc.text, line), 'unparseable-page', fm.error?.message ?? 'page has no YAML front matter');
    return;
  }
  const inTree = /^ddi\//.test(doc.file);
  const page = inTree ? doc.file.split('/').at(-1)!.replace(/\.md$/i, '').toLowerCase() : null;
  const protoFile = doc.file.replace(/\.md$/i, '.c');
  const protoText = inTree ? ctx.readSibling(protoFile) : null;
  const result = readReferencePage(
    {
      file: doc.file,
      text: doc.text,
      data: fm.data,
      body: parseMarkdown(fm.body),
      bodyOffset: fm.bodyOffset,
      prototype: protoText == null ? null : { file: protoFile, text: protoText.replace(/\r\n?/g, '\n') },
      page,
    },
    ctx.links,
  );
  if (result.entity === 'error') {
    ctx.report.quarantine({ file: doc.file, line: result.line }, firstLines(doc.text, result.line), 'unparseable-page', result.reason);
    return;
  }
  if (!inTree) mentionedRoutines(doc, fm.body, fm.bodyOffset, ctx);
  const canonical = result.fact.name;
  for (const n of result.names) ctx.index.add(n, canonical);
  if (page) ctx.index.addPage(page, canonical);
  if (result.entity === 'routine') ctx.routines.push(result.fact);
  else ctx.structures.push(result.fact);
}

/**
 * A seed page names routines in its links (see-also, remarks); each link to an official routine page makes
 * sure that routine is in the catalog, with this page among its sources, even when no page documents it.
 */
function mentionedRoutines(doc: SourceDocument, body: string, offset: number, ctx: ReadContext): void {
  const tree = parseMarkdown(body);
  for (const { href, text } of linksOf(tree.children)) {
    const page = ddiPageOf(href);
    if (!page || !/^n[fc]-/.test(page)) continue;
    const name = ctx.index.page(page) ?? (IDENT_RE.test(text) ? text : null);
    if (!name) continue;
    const index = body.indexOf(href);
    ctx.routines.push({ name, origin: 'link', source: { file: doc.file, line: offset + (index < 0 ? 1 : countLines(body, index) + 1) } });
  }
}

function firstLines(text: string, line: number): string {
  return text.split('\n').slice(line - 1, line + 2).join('\n').slice(0, 500);
}
