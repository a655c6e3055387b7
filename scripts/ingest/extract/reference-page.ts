import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RoutineKind } from '../../../schema/index.ts';
import type { LazyProse, RoutineFact, StructureFact } from '../facts.ts';
import { headerDirOfPage, officialUrlOf } from '../names.ts';
import { fmList, fmString } from '../parse/markdown.ts';
import { readDeprecation } from './deprecation.ts';
import { parseIrql } from './irql.ts';
import { finaliseProse, type LinkContext, makeResolver } from './links.ts';
import { normaliseMinimumOs } from './minimum-os.ts';
import { mdastToProse } from './prose.ts';
import { parsePrototype, readAnnotation } from './prototype.ts';

export interface ReferencePageInput {
  /** Path relative to content/. */
  file: string;
  /** Document text after the text passes. */
  text: string;
  data: Record<string, unknown>;
  body: Root;
  bodyOffset: number;
  /** The page's `.c` prototype, when one lies beside it. */
  prototype: { file: string; text: string } | null;
  /** Official page name (`nf-wdm-foo`) when the file sits in the reference tree, else null. */
  page: string | null;
}

export type ReferencePage =
  | { entity: 'routine'; fact: RoutineFact; names: string[] }
  | { entity: 'structure'; fact: StructureFact; names: string[] }
  | { entity: 'error'; line: number; reason: string };

interface Section {
  heading: string;
  line: number;
  nodes: RootContent[];
}

/**
 * Reads one page in the official reference format: YAML front matter (`api_name`, `req.*`), then
 * `## -description`, `## -parameters` with `### -param NAME [in, out]`, `## -returns`, `## -remarks`,
 * `## -see-also`. Prose fields are lazy (links resolve against the final name index).
 */
export function readReferencePage(input: ReferencePageInput, ctx: LinkContext): ReferencePage {
  const { data, file } = input;
  const uid = fmString(data, 'UID') ?? '';
  const apiNames = fmList(data, 'api_name');
  const title = fmString(data, 'title') ?? '';
  const titleName = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(title)?.[1] ?? null;
  const prefix = (input.page?.slice(0, 2) ?? /^([A-Z]{2}):/.exec(uid)?.[1] ?? '').toLowerCase();
  const sections = splitSections(input.body, input.bodyOffset);
  const line1 = (s: Section | undefined) => s?.line ?? 1;

  if (apiNames.length === 0 && !titleName) return { entity: 'error', line: 1, reason: 'page has neither api_name nor a title naming the entity' };
  if (!sections.has('description') && !fmString(data, 'description')) {
    return { entity: 'error', line: input.bodyOffset + 1, reason: 'page has no "## -description" section and no description in its front matter' };
  }

  // Prose is rendered now, so the page's syntax tree can be dropped; links are decided when it is finalised.
  // Every thunk a fact keeps is made by a module-level helper, so that it holds its rendered text and not
  // this function's scope (which would keep the whole page tree alive until the end of the ingest).
  const text = input.text;
  const render = (s: { nodes: RootContent[]; line: number } | undefined) => renderSection(ctx, file, text, s);
  const prose = (s: Section | undefined): LazyProse => lazyProse(ctx, render(s));
  const description = sections.get('description');
  const descriptionProse = prose(description);
  const fmDescription = fmString(data, 'description');
  const summary: LazyProse = fmDescription
    ? lazyProse(ctx, render({ nodes: parseInlineSummary(fmDescription), line: line1(description) }))
    : firstParagraphOf(descriptionProse);
  const seeAlso = seeAlsoOf(ctx, render(sections.get('see-also')));
  const header = headerOf(fmString(data, 'req.header'), input.page);
  const source = { file, line: 1 };
  const headerDir = input.page ? (input.file.split('/').at(-2) ?? headerDirOfPage(input.page)) : null;
  const officialUrl = input.page && headerDir ? officialUrlOf(headerDir, input.page) : null;

  if (prefix === 'ns' || /^_?[A-Z0-9_]+$/.test(titleName ?? '') && /\bstruct(ure)?\b/i.test(uid + ' ' + title) ) {
    const name = structureName(apiNames, titleName);
    const fields = sections.get('struct-fields');
    return {
      entity: 'structure',
      names: [name, ...apiNames],
      fact: {
        name,
        origin: input.page ? 'reference-page' : 'seed-page',
        source,
        page: input.page ?? undefined,
        aliases: apiNames.filter((n) => n !== name),
        header,
        includeHeaders: splitHeaders(fmString(data, 'req.include-header')),
        summary,
        description: fields ? joinLazy(descriptionProse, prose(fields)) : descriptionProse,
        typedef: input.prototype?.text.trim() || null,
        notes: [],
        minimumOs: normaliseMinimumOs(fmString(data, 'req.target-min-winverclnt')),
        routines: seeAlso,
      },
    };
  }

  const name = apiNames[0] ?? titleName!;
  const protoParams = input.prototype ? parsePrototype(input.prototype.text) : null;
  const params = sections.params.map((p) => {
    const a = readAnnotation(p.annotation);
    const proto = protoParams?.find((q) => q.name === p.name);
    return {
      name: p.name,
      type: proto?.type ?? null,
      direction: a.direction ?? proto?.direction ?? null,
      optional: a.optional || (proto?.optional ?? false),
      description: prose(p.section),
    };
  });
  const remarks = prose(sections.get('remarks'));
  for (const q of protoParams ?? []) {
    if (q.name !== '...' && !params.some((p) => p.name === q.name)) params.push({ ...q, description: () => null });
  }

  return {
    entity: 'routine',
    names: [name, ...apiNames],
    fact: {
      name,
      origin: input.page ? 'reference-page' : 'seed-page',
      source,
      page: input.page ?? undefined,
      headerDir: headerDir ?? undefined,
      aliases: apiNames.filter((n) => n !== name),
      ...(prefix === 'nc' ? { roleNames: roleNamesOf(data, apiNames) } : {}),
      kind: kindOf(prefix, data, title),
      header,
      includeHeader: fmString(data, 'req.include-header'),
      library: fmString(data, 'req.lib'),
      dll: fmString(data, 'req.dll'),
      irql: parseIrql(fmString(data, 'req.irql')),
      minimumOs: normaliseMinimumOs(fmString(data, 'req.target-min-winverclnt')),
      summary,
      description: descriptionProse,
      parameters: params,
      returns: prose(sections.get('returns')),
      remarks,
      signature: input.prototype?.text.trim() || null,
      seeAlso,
      officialUrl,
      deprecation: deprecationOf(name, [summary, descriptionProse, remarks]),
    },
  };
}

/** `ms.keywords` of a callback page name the implementing routine as `<header>/<Role>` (`wdm/DriverEntry`). */
function roleNamesOf(data: Record<string, unknown>, apiNames: string[]): string[] {
  const keywords = (fmString(data, 'ms.keywords') ?? '').split(',').map((k) => k.trim());
  const roles = keywords.map((k) => /^[a-z0-9_]+\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(k)?.[1]).filter((k): k is string => !!k && !apiNames.includes(k));
  return [...new Set(roles)];
}

function kindOf(prefix: string, data: Record<string, unknown>, title: string): RoutineKind {
  const topic = (fmString(data, 'ms.topic') ?? '').toLowerCase();
  if (prefix === 'nc' || topic === 'callback') return 'callback';
  if (topic === 'macro' || /\bmacro\b/i.test(title)) return 'macro';
  return 'function';
}

/** The first `x.h` of `req.header` (`wdm.h`, `Wdm.h (include Wdm.h, Ntddk.h)`), else the page's header directory. */
function headerOf(reqHeader: string | null, page: string | null): string | null {
  const m = reqHeader ? /[A-Za-z0-9_]+\.h\b/i.exec(reqHeader) : null;
  if (m) return m[0].toLowerCase();
  const dir = page ? headerDirOfPage(page) : null;
  return dir ? `${dir}.h` : null;
}

export function splitHeaders(s: string | null): string[] {
  if (!s) return [];
  return [...new Set([...s.matchAll(/[A-Za-z0-9_]+\.h\b/gi)].map((m) => m[0].toLowerCase()))];
}

/** Of `_X`, `PX`, `X`, the typedef name `X` (the one whose `_`-prefixed tag is also listed). */
function structureName(apiNames: string[], titleName: string | null): string {
  const tagged = apiNames.find((n) => apiNames.includes(`_${n}`));
  if (tagged) return tagged;
  const t = titleName?.replace(/^_/, '');
  return t ?? apiNames[0]!;
}

function splitSections(body: Root, offset: number) {
  const map = new Map<string, Section>();
  const params: { name: string; annotation: string; section: Section }[] = [];
  let current: Section | null = null;
  for (const node of body.children) {
    if (node.type === 'heading') {
      const text = toString(node).trim();
      const m = /^-([a-z-]+)\s*(.*)$/i.exec(text);
      if (m) {
        const kind = m[1]!.toLowerCase();
        current = { heading: kind, line: (node.position?.start.line ?? 1) + offset, nodes: [] };
        if (kind === 'param' || kind === 'field') {
          const pm = /^(\S+)\s*(?:\[([^\]]*)\])?/.exec(m[2]!.trim());
          if (pm) params.push({ name: pm[1]!.replace(/\\/g, ''), annotation: pm[2] ?? '', section: current });
          if (kind === 'field') {
            const fields = map.get('struct-fields');
            if (fields) {
              fields.nodes.push({ type: 'heading', depth: 4, children: [{ type: 'inlineCode', value: pm?.[1] ?? m[2]! }] });
              current = fields;
            }
          }
        } else if (!map.has(kind)) {
          map.set(kind, current);
        }
        continue;
      }
    }
    current?.nodes.push(node);
  }
  return Object.assign(map, { params: params.filter((p) => p.section.heading === 'param') });
}

/** The front-matter description is a one-line markdown/HTML string. */
function parseInlineSummary(s: string): RootContent[] {
  return [{ type: 'paragraph', children: [{ type: 'html', value: s }] }];
}

function firstParagraph(s: string | null): string | null {
  if (!s) return null;
  return s.split(/\n\n/)[0] ?? null;
}

function renderSection(ctx: LinkContext, file: string, text: string, s: { nodes: RootContent[]; line: number } | undefined): string | null {
  return s ? mdastToProse(s.nodes, makeResolver(ctx, file, text, s.line)) : null;
}

function lazyProse(ctx: LinkContext, md: string | null): LazyProse {
  return once(() => finaliseProse(ctx, md));
}

function firstParagraphOf(prose: LazyProse): LazyProse {
  return once(() => firstParagraph(prose()));
}

function seeAlsoOf(ctx: LinkContext, md: string | null): () => string[] {
  return once(() => {
    const names: string[] = [];
    finaliseProse(ctx, md, (n) => names.push(n));
    return names;
  });
}

function deprecationOf(name: string, fields: LazyProse[]): () => ReturnType<typeof readDeprecation> {
  return () => readDeprecation(name, fields.map((f) => f()));
}

/** A thunk that computes its value the first time only (finalising prose records link aliases once). */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

function joinLazy(...parts: LazyProse[]): LazyProse {
  return () => {
    const p = parts.map((x) => x()).filter((x): x is string => !!x);
    return p.length ? p.join('\n\n') : null;
  };
}
