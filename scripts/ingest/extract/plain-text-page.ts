import type { SourceRef } from '../../../schema/index.ts';
import type { RoutineFact } from '../facts.ts';
import { IDENT_RE } from '../names.ts';
import { parsePrototype, readAnnotation } from './prototype.ts';

const HEADINGS = ['Description', 'Parameters', 'Return value', 'Remarks', 'See also'] as const;
type Heading = (typeof HEADINGS)[number];

/**
 * Reads a plain-text reference page (no markup): a title line `Name - Site`, a `// header.h` comment and
 * the C prototype, then paragraphs under the headings Description, Parameters (`Name [in, out]` lines
 * followed by their text), Return value, Remarks, See also (one name a line). Returns null when the page
 * has no title naming a routine or no Description.
 */
export function readPlainTextPage(text: string, file: string): { fact: RoutineFact } | { error: { line: number; message: string } } {
  const lines = text.split('\n');
  const titleLine = lines.findIndex((l) => l.trim() !== '');
  const name = /^([A-Za-z_][A-Za-z0-9_]*)\b/.exec(lines[titleLine]?.trim() ?? '')?.[1];
  if (!name) return { error: { line: titleLine + 1, message: 'expected a title line starting with the routine name' } };
  const at = (i: number): SourceRef => ({ file, line: i + 1 });

  const sections = new Map<Heading, { start: number; lines: string[] }>();
  let current: { start: number; lines: string[] } | null = null;
  let header: string | null = null;
  let protoStart = -1;
  let protoEnd = -1;
  for (let i = titleLine + 1; i < lines.length; i++) {
    const l = lines[i]!.trim();
    const h = HEADINGS.find((x) => x.toLowerCase() === l.toLowerCase());
    if (h && !sections.has(h)) {
      current = { start: i + 1, lines: [] };
      sections.set(h, current);
      continue;
    }
    if (!current) {
      const hm = /^\/\/\s*([A-Za-z0-9_]+\.h)\s*$/i.exec(l);
      if (hm) header = hm[1]!.toLowerCase();
      if (protoStart < 0 && new RegExp(`\\b${name}\\s*\\(`).test(l)) protoStart = i;
      if (protoStart >= 0 && protoEnd < 0 && /\)\s*;/.test(l)) protoEnd = i;
      continue;
    }
    current.lines.push(lines[i]!);
  }
  const description = sections.get('Description');
  if (!description) return { error: { line: titleLine + 1, message: 'expected a "Description" heading' } };
  const signature = protoStart >= 0 && protoEnd >= protoStart ? lines.slice(protoStart, protoEnd + 1).join('\n').trim() : null;
  const proto = signature ? parsePrototype(signature) : null;

  const paragraphs = (s: { lines: string[] } | undefined) =>
    (s?.lines.join('\n') ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const prose = (s: { lines: string[] } | undefined) => {
    const p = paragraphs(s);
    return p.length ? p.map(escapeMarkdown).join('\n\n') : null;
  };

  const params: RoutineFact['parameters'] = [];
  const paramParas = paragraphs(sections.get('Parameters'));
  for (let i = 0; i < paramParas.length; i++) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[([^\]]*)\])?$/.exec(paramParas[i]!);
    if (!m) continue;
    const a = readAnnotation(m[2] ?? '');
    const q = proto?.find((p) => p.name === m[1]);
    const next = paramParas[i + 1];
    const desc = next && !/^([A-Za-z_][A-Za-z0-9_]*)\s*\[[^\]]*\]$/.test(next) ? escapeMarkdown(next) : null;
    if (desc) i++;
    params.push({ name: m[1]!, type: q?.type ?? null, direction: a.direction ?? q?.direction ?? null, optional: a.optional || (q?.optional ?? false), description: () => desc });
  }
  const seeAlso = paragraphs(sections.get('See also')).filter((p) => IDENT_RE.test(p));
  const desc = prose(description);
  return {
    fact: {
      name,
      origin: 'seed-page',
      source: at(titleLine),
      header,
      signature,
      summary: () => paragraphs(description).map(escapeMarkdown)[0] ?? null,
      description: () => desc,
      parameters: params,
      returns: () => prose(sections.get('Return value')),
      remarks: () => prose(sections.get('Remarks')),
      seeAlso: () => seeAlso,
    },
  };
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*[\]]/g, '\\$&').replace(/<(?=[A-Za-z/!?])/g, '\\<');
}
