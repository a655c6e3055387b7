import type { SourceRef } from '../../../schema/index.ts';
import { ddiPageOf, headerDirOfPage, IDENT_RE, officialUrlOf, type NameIndex } from '../names.ts';
import type { ReportBuilder } from '../report.ts';
import type { LinkResolution, LinkResolver } from './prose.ts';

/** A link whose meaning depends on names not all read yet: decided when the prose is finalised. */
export interface DeferredLink {
  href: string;
  text: string;
  at: SourceRef;
  base: string;
}

/** Shared state that link resolution reads and feeds. */
export interface LinkContext {
  index: NameIndex;
  report: ReportBuilder;
  /** Header names (`wdm.h`): link texts naming a header are entity mentions too. */
  headers: Set<string>;
  /** Link texts that differ from the entity they point at: alias candidates, decided at merge time. */
  linkTexts: { text: string; name: string; at: SourceRef }[];
  deferred: DeferredLink[];
}

const KERNEL_DDI_BASE = 'https://learn.microsoft.com/windows-hardware/drivers/ddi/kernel/';

/**
 * The link resolver for prose read from `file`, starting at document line `fromLine`. Prose is rendered as
 * soon as a page is read (so its syntax tree can be dropped), but whether a link names an entity depends on
 * every source: such links are deferred, and `finaliseProse` decides them once the name index is complete.
 * `file:` links and other schemes are decided at once: plain text, recorded as broken links.
 */
export function makeResolver(
  ctx: LinkContext,
  file: string,
  fileText: string,
  fromLine: number,
  /** Address of the document, against which its relative links resolve. */
  base = KERNEL_DDI_BASE,
): LinkResolver {
  return (href, text) => {
    const h = href.trim();
    if (/file:/i.test(h)) {
      ctx.report.brokenLink({ file, line: lineOf(fileText, h, fromLine) }, text, h, 'file-url');
      return { kind: 'text' };
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(h) && !/^https?:/i.test(h)) {
      ctx.report.brokenLink({ file, line: lineOf(fileText, h, fromLine) }, text, h, 'unsupported-scheme');
      return { kind: 'text' };
    }
    ctx.deferred.push({ href: h, text, at: { file, line: fromLine }, base });
    return { kind: 'deferred', id: ctx.deferred.length - 1 };
  };
}

/**
 * What a deferred link is, now that every name is known: a link to an official page or whose text is a
 * known name becomes that name as plain text; https links stay links; relative links resolve against the
 * document's address.
 */
export function resolveDeferred(ctx: LinkContext, link: DeferredLink): LinkResolution {
  const { href: h, text } = link;
  const page = ddiPageOf(h);
  if (page) {
    const name = ctx.index.page(page) ?? (IDENT_RE.test(text) ? ctx.index.canonical(text) : undefined);
    if (name) return { kind: 'entity', name };
    return { kind: 'external', url: officialUrlOf(headerDirOfPage(page) ?? 'kernel', page) };
  }
  const known = IDENT_RE.test(text) ? ctx.index.canonical(text) : undefined;
  if (known && known.toLowerCase() === text.toLowerCase()) return { kind: 'entity', name: known };
  if (ctx.headers.has(text.toLowerCase())) return { kind: 'text' };
  if (h.startsWith('#') || h === '') return { kind: 'text' };
  if (/^https:\/\//i.test(h)) return { kind: 'external', url: h };
  if (/^http:\/\//i.test(h)) return { kind: 'external', url: 'https://' + h.slice('http://'.length) };
  if (h.startsWith('//')) return { kind: 'external', url: 'https:' + h };
  if (h.startsWith('/')) return { kind: 'external', url: 'https://learn.microsoft.com' + h };
  try {
    return { kind: 'external', url: new URL(h.replace(/\.md(?=$|[#?])/, ''), link.base).href };
  } catch {
    ctx.report.brokenLink(link.at, text, h, 'unresolvable');
    return { kind: 'text' };
  }
}

// Deferred links sit in rendered prose as \u0001<id>\u0003<link text>\u0002.
const DEFERRED = /\u0001(\d+)\u0003([^\u0002]*)\u0002/g;

/** Decides the deferred links of rendered prose; `onEntity` sees each entity a link names. */
export function finaliseProse(ctx: LinkContext, md: string | null, onEntity?: (name: string) => void): string | null {
  if (md == null || !md.includes('\u0001')) return md;
  return md.replace(DEFERRED, (_, id: string, inner: string) => {
    const link = ctx.deferred[Number(id)]!;
    const r = resolveDeferred(ctx, link);
    if (r.kind === 'entity') {
      if (link.text && link.text !== r.name && IDENT_RE.test(link.text)) ctx.linkTexts.push({ text: link.text, name: r.name, at: link.at });
      onEntity?.(r.name);
      return inner;
    }
    if (r.kind === 'external' && inner.trim()) return `[${inner.trim()}](${r.url})`;
    return inner;
  });
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
