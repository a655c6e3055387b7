import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml, YAMLParseError } from 'yaml';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Markdown (CommonMark + GFM tables) to mdast; positions are lines of `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

export interface FrontMatter {
  /** The YAML mapping, or null when the document has no front matter. */
  data: Record<string, unknown> | null;
  /** The text after the closing `---`. */
  body: string;
  /** Number of lines before `body` starts, to turn body lines into document lines. */
  bodyOffset: number;
  /** Set when the YAML is malformed: message and document line. */
  error: { line: number; message: string } | null;
}

/**
 * Splits `---` YAML front matter from a document and parses it with a real YAML parser. A document whose
 * front matter never closes is treated as having none (its text stays in the body, nothing is dropped).
 */
export function splitFrontMatter(text: string): FrontMatter {
  if (!/^---[ \t]*\r?\n/.test(text)) return { data: null, body: text, bodyOffset: 0, error: null };
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  if (!close) return { data: null, body: text, bodyOffset: 0, error: { line: 1, message: 'front matter opened by --- is never closed' } };
  const yamlText = text.slice(text.indexOf('\n') + 1, 3 + close.index + 1);
  const bodyStart = 3 + close.index + close[0].length;
  const bodyOffset = countLines(text, bodyStart);
  try {
    const data = parseYaml(yamlText, { uniqueKeys: false, prettyErrors: true, strict: false });
    if (data == null) return { data: {}, body: text.slice(bodyStart), bodyOffset, error: null };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, body: text.slice(bodyStart), bodyOffset, error: { line: 2, message: 'front matter is not a YAML mapping' } };
    }
    return { data: data as Record<string, unknown>, body: text.slice(bodyStart), bodyOffset, error: null };
  } catch (e) {
    const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line + 1 : 2;
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return { data: {}, body: text.slice(bodyStart), bodyOffset, error: { line, message: `front matter is not valid YAML: ${message}` } };
  }
}

/** Number of line breaks before `index`. */
export function countLines(text: string, index: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A front-matter value as one string: lists joined by ", ", empty and missing → null. */
export function fmString(data: Record<string, unknown> | null, key: string): string | null {
  const v = data?.[key];
  if (v == null) return null;
  if (Array.isArray(v)) {
    const parts = v.filter((x) => x != null).map((x) => String(x).trim()).filter(Boolean);
    return parts.length ? parts.join(', ') : null;
  }
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** A front-matter value as a list of strings. */
export function fmList(data: Record<string, unknown> | null, key: string): string[] {
  const v = data?.[key];
  if (v == null) return [];
  const arr = Array.isArray(v) ? v : [v];
  return arr.map((x) => String(x ?? '').trim()).filter(Boolean);
}
