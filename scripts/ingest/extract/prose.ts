import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const toHastProcessor = unified().use(remarkRehype, { allowDangerousHtml: true }).freeze();
const htmlParser = unified().use(rehypeParse, { fragment: true }).freeze();
const fromHtml = (html: string) => htmlParser.parse(html) as HastRoot;
const toHast = (root: MdastRoot) => toHastProcessor.runSync(root) as HastRoot;

/** What a link in prose turns into: an entity of the catalog (plain text), an external https link, or plain text. */
export type LinkResolution = { kind: 'entity'; name: string } | { kind: 'external'; url: string } | { kind: 'text' } | { kind: 'deferred'; id: number };

/** Decides what each link of a prose field becomes; also the place where links are recorded (see-also, aliases, broken). */
export type LinkResolver = (href: string, text: string) => LinkResolution;

const BLOCK = new Set(['p', 'div', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dl', 'dt', 'dd', 'hr', 'section', 'colgroup']);

/**
 * mdast nodes of a section (markdown with inline HTML) → normalised markdown. Inline HTML is parsed by a
 * real HTML parser (the section is rendered to HTML, then read back) so `<b>`, `<a>`, `<p>`, `<ul>`, tables
 * and entities all come out as markdown. Returns null for a section with no text.
 */
export function mdastToProse(nodes: RootContent[], resolve: LinkResolver): string | null {
  if (nodes.length === 0) return null;
  let hast = toHast({ type: 'root', children: nodes });
  let hasRaw = false;
  visit(hast, 'raw', () => {
    hasRaw = true;
    return false;
  });
  if (hasRaw) hast = fromHtml(toHtml(hast, { allowDangerousHtml: true }));
  return hastToProse(hast, resolve);
}

/** Every link (href and text) in mdast nodes, inline HTML anchors included. */
export function linksOf(nodes: RootContent[]): { href: string; text: string }[] {
  const links: { href: string; text: string }[] = [];
  mdastToProse(nodes, (href, text) => {
    links.push({ href, text });
    return { kind: 'text' };
  });
  return links;
}

/** hast → normalised markdown (no raw HTML survives). */
export function hastToProse(tree: HastRoot | Element, resolve: LinkResolver): string | null {
  const out = blocks(tree.children as HastContent[], resolve).join('\n\n').trim();
  return out === '' ? null : out;
}

function blocks(children: HastContent[], resolve: LinkResolver): string[] {
  const result: string[] = [];
  let inline: HastContent[] = [];
  const flush = () => {
    const text = inlineText(inline, resolve).trim();
    if (text) result.push(text);
    inline = [];
  };
  for (const child of children) {
    if (child.type === 'element' && BLOCK.has(child.tagName)) {
      flush();
      const b = block(child, resolve);
      if (b) result.push(b);
    } else if (child.type !== 'comment' && child.type !== 'doctype') {
      inline.push(child);
    }
  }
  flush();
  return result;
}

function block(el: Element, resolve: LinkResolver): string | null {
  const kids = el.children as HastContent[];
  switch (el.tagName) {
    case 'p':
    case 'dt':
    case 'dd':
    case 'div':
    case 'section':
    case 'li':
      return blocks(kids, resolve).join('\n\n') || null;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const text = inlineText(kids, resolve).trim();
      return text ? `${'#'.repeat(Math.max(3, Number(el.tagName[1])))} ${text}` : null;
    }
    case 'ul':
    case 'ol': {
      const items = kids.filter((k): k is Element => k.type === 'element' && k.tagName === 'li');
      const lines = items.map((li, i) => {
        const marker = el.tagName === 'ol' ? `${i + 1}. ` : '- ';
        const body = (blocks(li.children as HastContent[], resolve).join('\n\n') || '').trim();
        return marker + body.replace(/\n/g, '\n' + ' '.repeat(marker.length));
      });
      return lines.length ? lines.join('\n') : null;
    }
    case 'pre': {
      const code = textOf(el).replace(/\n+$/, '');
      if (!code.trim()) return null;
      const fence = code.includes('```') ? '~~~' : '```';
      const lang = languageOf(el);
      return `${fence}${lang}\n${code}\n${fence}`;
    }
    case 'blockquote': {
      const inner = blocks(kids, resolve).join('\n\n');
      return inner ? inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n') : null;
    }
    case 'table':
      return table(el, resolve);
    case 'hr':
      return '---';
    default:
      return blocks(kids, resolve).join('\n\n') || null;
  }
}

function languageOf(pre: Element): string {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const cls = code?.properties?.className;
  const list = Array.isArray(cls) ? cls.map(String) : [];
  const lang = list.find((c) => c.startsWith('language-'));
  return lang ? lang.slice('language-'.length) : '';
}

function table(el: Element, resolve: LinkResolver): string | null {
  const rows: Element[] = [];
  visit(el, 'element', (n: Element) => {
    if (n.tagName === 'tr') {
      rows.push(n);
      return 'skip';
    }
    return undefined;
  });
  if (rows.length === 0) return null;
  const cells = rows.map((r) =>
    r.children
      .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
      .map((c) => blocks(c.children as HastContent[], resolve).join(' ').replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim()),
  );
  const width = Math.max(...cells.map((c) => c.length), 1);
  const line = (c: string[]) => `| ${Array.from({ length: width }, (_, i) => c[i] ?? '').join(' | ')} |`;
  const [head, ...body] = cells;
  return [line(head!), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

function inlineText(nodes: HastContent[] | ElementContent[], resolve: LinkResolver): string {
  let s = '';
  for (const n of nodes) s += inline(n as HastContent, resolve);
  return s.replace(/[ \t]*\n[ \t]*/g, (m) => (m.includes('\\') ? m : ' ')).replace(/ {2,}/g, ' ');
}

function inline(node: HastContent, resolve: LinkResolver): string {
  if (node.type === 'text') return textWithMarkdownLinks(node.value.replace(/\s+/g, ' '), resolve);
  if (node.type !== 'element') return '';
  const kids = node.children as HastContent[];
  switch (node.tagName) {
    case 'b':
    case 'strong':
      return wrap('**', inlineText(kids, resolve));
    case 'i':
    case 'em':
      return wrap('*', inlineText(kids, resolve));
    case 'code':
    case 'kbd':
    case 'tt': {
      const t = textOf(node).replace(/\s+/g, ' ');
      if (!t.trim()) return '';
      const tick = t.includes('`') ? '``' : '`';
      return `${tick}${t}${tick}`;
    }
    case 'br':
      return ' ';
    case 'img':
      return escapeText(String(node.properties?.alt ?? ''));
    case 'a': {
      const text = inlineText(kids, resolve);
      const href = String(node.properties?.href ?? '');
      const plain = textOf(node).replace(/\s+/g, ' ').trim();
      if (!href) return text;
      const r = resolve(href, plain);
      if (r.kind === 'external' && text.trim()) return `[${text.trim()}](${r.url})`;
      if (r.kind === 'deferred') return deferredMark(r.id, text);
      return text;
    }
    default:
      if (BLOCK.has(node.tagName)) return ' ' + blocks(kids, resolve).join(' ') + ' ';
      return inlineText(kids, resolve);
  }
}

/**
 * Markdown written inside an HTML block is not parsed by CommonMark, so `[**Name**](page.md)` reaches us as
 * text; its links go through the resolver like any other, the rest is escaped text.
 */
function textWithMarkdownLinks(value: string, resolve: LinkResolver): string {
  let out = '';
  let last = 0;
  for (const m of value.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) {
    out += escapeText(value.slice(last, m.index));
    const label = m[1]!.replace(/^\*+|\*+$/g, '').trim();
    const r = resolve(m[2]!, label);
    out += r.kind === 'external' ? `[${escapeText(label)}](${r.url})` : r.kind === 'deferred' ? deferredMark(r.id, escapeText(label)) : escapeText(label);
    last = m.index + m[0].length;
  }
  return out + escapeText(value.slice(last));
}

/** A link decided later (see finaliseProse): its id and its rendered text, between control characters. */
function deferredMark(id: number, inner: string): string {
  return `\u0001${id}\u0003${inner.replace(/[\u0001-\u0003]/g, '')}\u0002`;
}

function wrap(mark: string, inner: string): string {
  const t = inner.trim();
  if (!t) return inner;
  const lead = inner.startsWith(' ') ? ' ' : '';
  const trail = inner.endsWith(' ') ? ' ' : '';
  return `${lead}${mark}${t}${mark}${trail}`;
}

/** Escapes what would otherwise start markdown syntax; `_` is left alone since names are full of it. */
function escapeText(s: string): string {
  return s.replace(/[\u0001-\u0003]/g, '').replace(/[\\`*[\]]/g, '\\$&').replace(/<(?=[A-Za-z/!?])/g, '\\<');
}

/** The text content of a hast node. */
export function textOf(node: HastContent | Element | HastRoot): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') {
    let s = '';
    for (const c of node.children) s += textOf(c as HastContent);
    return s;
  }
  return '';
}
