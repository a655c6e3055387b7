import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveName, type Site } from './catalog.ts';

/** C identifiers, optionally a header file name (`wdm.h`): the only shapes an entity name takes. */
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\.[hH](?![A-Za-z0-9_]))?/g;

interface LinkOptions {
  site: Site;
  /** URL of the page being rendered: a page does not link to itself. */
  self?: string;
}

/**
 * Splits text into text and entity links: every known name becomes a link to its page.
 * One regex pass and one map lookup per word, so the cost is linear in the text.
 */
export function linkNames(text: string, { site, self }: LinkOptions): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(NAME)) {
    const target = resolveName(site, match[0]);
    if (!target || target.url === self) continue;
    if (isOrdinaryWordAtSentenceStart(match[0], target.name, text, match.index)) continue;
    if (match.index > last) out.push({ type: 'text', value: text.slice(last, match.index) });
    out.push({
      type: 'element',
      tagName: 'a',
      properties: { href: target.url, className: ['entity-link'] },
      children: [{ type: 'text', value: match[0] }],
    });
    last = match.index + match[0].length;
  }
  if (last === 0) return [{ type: 'text', value: text }];
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

/**
 * Role names such as `Cancel` or `Unload` are aliases spelled like ordinary words: mid-sentence and
 * capitalised they name the routine ("… or Unload routines"), but at the start of a sentence
 * ("Cancel the IRP") they are just words.
 */
function isOrdinaryWordAtSentenceStart(word: string, canonical: string, text: string, index: number): boolean {
  if (word === canonical || !/^[A-Z][a-z]+$/.test(word)) return false;
  const before = text.slice(0, index).trimEnd();
  return before === '' || /[.!?:]$/.test(before);
}

/**
 * A C prototype or typedef as HTML, names linked.
 * @example linkCode('VOID F(PEX_RUNDOWN_REF r);', { site }) // 'VOID F(<a href="/structures/EX_RUNDOWN_REF/" …>PEX_RUNDOWN_REF</a> r);'
 */
export function linkCode(code: string, options: LinkOptions): string {
  return toHtml({ type: 'root', children: linkNames(code, options) });
}

/** Links entity names in every text node outside existing links. Runs after sanitising: it only adds our own URLs. */
function rehypeEntityLinks() {
  return (tree: Root, file: VFile) => linkChildren(tree, file.data.linkOptions as LinkOptions);
}

function linkChildren(parent: Root | Element, options: LinkOptions): void {
  const children: (typeof parent.children)[number][] = [];
  for (const child of parent.children) {
    if (child.type === 'text') children.push(...linkNames(child.value, options));
    else {
      if (child.type === 'element' && child.tagName !== 'a') linkChildren(child, options);
      children.push(child);
    }
  }
  parent.children = children as typeof parent.children;
}

/**
 * Links are https only: anything else (file:, http:, javascript:, relative paths into the sources'
 * own site, anchors into text we re-render) is kept as its text, never as a link. External links get
 * `rel="noopener noreferrer"` so the opened page cannot reach back into this one.
 */
function rehypeSafeLinks() {
  return (tree: Root, file: VFile) => {
    const { site, self } = file.data.linkOptions as LinkOptions;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'a' || !parent || index === undefined) return;
      const href = typeof node.properties.href === 'string' ? node.properties.href : '';
      // A link whose whole text names a known entity points at that entity's page here: the sources
      // link some names to overview pages elsewhere, but the reader wants the record.
      const only = node.children.length === 1 ? node.children[0] : undefined;
      const text = only?.type === 'text' ? only.value.trim() : only?.type === 'element' && only.tagName === 'code' && only.children[0]?.type === 'text' ? only.children[0].value.trim() : '';
      const entity = text ? resolveName(site, text) : undefined;
      if (entity) {
        if (entity.url === self) {
          parent.children.splice(index, 1, ...node.children);
          return [SKIP, index];
        }
        node.properties = { href: entity.url, className: ['entity-link'] };
        return SKIP;
      }
      if (isHttps(href)) {
        node.properties = { href, rel: ['noopener', 'noreferrer'], className: ['external-link'] };
        return;
      }
      parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    });
  };
}

export function isHttps(href: string): boolean {
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

/*
 * Raw HTML in the markdown is dropped by remark-rehype (no allowDangerousHtml), and what markdown itself
 * can express is filtered by rehype-sanitize's GitHub schema: no script, style, iframe, event handler or
 * srcdoc survives. The order matters: sanitise the untrusted tree, then add our own links.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeSafeLinks)
  .use(rehypeEntityLinks)
  .use(rehypeStringify)
  .freeze();

/** Renders a prose field (markdown) to sanitised HTML with entity names linked. */
export function renderProse(markdown: string, options: LinkOptions): string {
  const file = processor.processSync({ value: markdown, data: { linkOptions: options } });
  return String(file);
}

const inlineCache = new WeakMap<Site, Map<string, string>>();

/**
 * The same, for short text that should stay inline (a table cell): a single paragraph loses its `<p>`.
 * A routine's summary appears in the table of its header, of each category and of each structure it
 * takes: rendered once per build and reused (the cache key includes the page it must not link to).
 */
export function renderInlineProse(markdown: string, options: LinkOptions): string {
  let cache = inlineCache.get(options.site);
  if (!cache) inlineCache.set(options.site, (cache = new Map()));
  const key = `${options.self ?? ''}\n${markdown}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = renderProse(markdown, options);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html.trim());
  const out = single && !single[1].includes('<p>') ? single[1] : html;
  cache.set(key, out);
  return out;
}

/** Plain text of a prose field, for meta descriptions and search snippets. */
export function proseText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
