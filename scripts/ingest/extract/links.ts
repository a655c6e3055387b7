import type { SourceRef } from '../../../schema/index.ts';
import { ddiPageOf, headerDirOfPage, IDENT_RE, officialUrlOf, type NameIndex } from '../names.ts';
import type { ReportBuilder } from '../report.ts';
import type { LinkResolver } from './prose.ts';

/** Shared state that link resolution reads and feeds. */
export interface LinkContext {
  index: NameIndex;
  report: ReportBuilder;
  /** Header names (`wdm.h`): link texts naming a header are entity mentions too. */
  headers: Set<string>;
  /** Link texts that differ from the entity they point at: alias candidates, decided at merge time. */
  linkTexts: { text: string; name: string; at: SourceRef }[];
}

/**
 * The link resolver for prose read from `file`, starting at document line `fromLine`. A link to an official
 * page or whose text is a known name becomes that name as plain text; https links stay links; `file:` and
 * other schemes become plain text and are recorded as broken links. `onEntity` sees each entity mention.
 */
export function makeResolver(
  ctx: LinkContext,
  file: string,
  fileText: string,
  fromLine: number,
  onEntity?: (name: string) => void,
  /** Address of the document, against which its relative links resolve. */
  base = 'https://learn.microsoft.com/windows-hardware/drivers/ddi/kernel/',
): LinkResolver {
  const at = (href: string): SourceRef => ({ file, line: lineOf(fileText, href, fromLine) });
  return (href, text) => {
    const h = href.trim();
    if (/file:/i.test(h)) {
      ctx.report.brokenLink(at(h), text, h, 'file-url');
      return { kind: 'text' };
    }
    const page = ddiPageOf(h);
    if (page) {
      const name = ctx.index.page(page) ?? (IDENT_RE.test(text) ? ctx.index.canonical(text) : undefined);
      if (name) {
        if (text && text !== name && IDENT_RE.test(text)) ctx.linkTexts.push({ text, name, at: at(h) });
        onEntity?.(name);
        return { kind: 'entity', name };
      }
      return { kind: 'external', url: officialUrlOf(headerDirOfPage(page) ?? 'kernel', page) };
    }
    const known = IDENT_RE.test(text) ? ctx.index.canonical(text) : undefined;
    if (known && known.toLowerCase() === text.toLowerCase()) {
      onEntity?.(known);
      return { kind: 'entity', name: known };
    }
    if (ctx.headers.has(text.toLowerCase())) return { kind: 'text' };
    if (h.startsWith('#') || h === '') return { kind: 'text' };
    if (/^https:\/\//i.test(h)) return { kind: 'external', url: h };
    if (/^http:\/\//i.test(h)) return { kind: 'external', url: 'https://' + h.slice('http://'.length) };
    if (h.startsWith('//')) return { kind: 'external', url: 'https:' + h };
    if (h.startsWith('/')) return { kind: 'external', url: 'https://learn.microsoft.com' + h };
    if (/^[a-z][a-z0-9+.-]*:/i.test(h)) {
      ctx.report.brokenLink(at(h), text, h, 'unsupported-scheme');
      return { kind: 'text' };
    }
    // A relative link of the reference tree: resolve it against the tree's public address.
    const url = new URL(h.replace(/\.md(?=$|[#?])/, ''), base);
    return { kind: 'external', url: url.href };
  };
}

/** Line of the first occurrence of `needle` at or after `fromLine` (falls back to `fromLine`). */
function lineOf(text: string, needle: string, fromLine: number): number {
  let offset = 0;
  for (let l = 1; l < fromLine && offset !== -1; l++) offset = text.indexOf('\n', offset) + 1;
  const i = text.indexOf(needle, Math.max(0, offset));
  if (i < 0) return fromLine;
  let line = fromLine;
  for (let j = text.indexOf('\n', offset); j !== -1 && j < i; j = text.indexOf('\n', j + 1)) line++;
  return line;
}
