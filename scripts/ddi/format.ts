import type { Irql, Routine, Structure } from '../../schema/index.ts';
import type { Entity } from './catalog.ts';

/** ANSI styles, or identity functions when the output is not a terminal (or NO_COLOR is set). */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
  warn(text: string): string;
}

const identity = (text: string) => text;
export const PLAIN: Style = { bold: identity, dim: identity, accent: identity, warn: identity };
export const ANSI: Style = {
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
  accent: (text) => `\u001b[36m${text}\u001b[39m`,
  warn: (text) => `\u001b[33m${text}\u001b[39m`,
};

function shortLevel(level: string): string {
  return level.replace(/_LEVEL$/, '');
}

/**
 * An IRQL requirement in a few characters: `DISPATCH` for exactly one level, `PASSIVE..DISPATCH` for a range,
 * `?` when the source states one without naming a level, `-` when no source states any.
 *
 * @example irqlRange({ raw: '<= DISPATCH_LEVEL', min: 'PASSIVE_LEVEL', max: 'DISPATCH_LEVEL' }) // 'PASSIVE..DISPATCH'
 */
export function irqlRange(irql: Irql | null): string {
  if (irql === null) return '-';
  if (irql.min === null || irql.max === null) return '?';
  if (irql.min === irql.max) return shortLevel(irql.min);
  return `${shortLevel(irql.min)}..${shortLevel(irql.max)}`;
}

/** A markdown summary as one line of plain text, for a table cell. */
export function plainSummary(markdown: string | null): string {
  if (markdown === null) return '';
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*+|`+/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

function statusText(status: Routine['status'], style: Style): string {
  return status === 'supported' ? status : style.warn(status);
}

/**
 * A table of records, one line each: name, kind, header, IRQL range, status, summary. Columns are padded to the
 * widest cell; with `width` (a terminal's columns) the summary is cut to fit, or left out when too little room
 * is left for it.
 */
export function formatTable(rows: readonly Entity[], style: Style, width?: number): string {
  const cells = rows.map((entity) => {
    if (entity.type === 'routine') {
      const routine = entity.record;
      return [routine.name, routine.kind, routine.header ?? '-', irqlRange(routine.irql), routine.status, plainSummary(routine.summary)];
    }
    const structure = entity.record;
    return [structure.name, 'structure', structure.header ?? '-', '', '', plainSummary(structure.summary)];
  });
  const heading = ['NAME', 'KIND', 'HEADER', 'IRQL', 'STATUS', 'SUMMARY'];
  const widths = heading.slice(0, 5).map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]!.length)));
  const fixed = widths.reduce((sum, value) => sum + value + 2, 0);
  const line = (row: readonly string[], decorate: (column: number, text: string) => string) => {
    const padded = row.slice(0, 5).map((cell, column) => decorate(column, cell) + ' '.repeat(widths[column]! - cell.length + 2));
    // A summary cut to a few characters says nothing: below ten it is left out. Names are never cut.
    const room = width === undefined ? Number.POSITIVE_INFINITY : width - fixed;
    const summary = room >= 10 ? truncate(row[5]!, room) : '';
    return (padded.join('') + summary).trimEnd();
  };
  const out = [line(heading, (_, text) => style.dim(text))];
  for (const row of cells) {
    out.push(
      line(row, (column, text) => {
        if (column === 0) return style.bold(text);
        if (column === 3) return style.accent(text);
        if (column === 4 && text !== '' && text !== 'supported') return style.warn(text);
        return text;
      }),
    );
  }
  return out.join('\n');
}

function field(label: string, value: string | null | undefined, style: Style): string[] {
  if (value === null || value === undefined || value === '') return [];
  const [first, ...rest] = value.split('\n');
  return [`${style.dim(label.padEnd(13))}${first}`, ...rest.map((text) => `${' '.repeat(13)}${text}`)];
}

function section(title: string, body: string | null, style: Style): string[] {
  if (body === null || body.trim() === '') return [];
  return ['', style.bold(title), ...body.trim().split('\n').map((text) => `  ${text}`)];
}

function sources(list: readonly { file: string; line: number }[]): string {
  return list.map((source) => `${source.file}:${source.line}`).join('\n');
}

function formatRoutine(routine: Routine, style: Style): string[] {
  const irql = routine.irql === null ? null : `${style.accent(irqlRange(routine.irql))}  (${routine.irql.raw})`;
  const out = [
    `${style.bold(routine.name)}  ${routine.kind} · ${routine.header ?? 'no header'} · ${statusText(routine.status, style)}`,
    ...(routine.summary === null ? [] : ['', ...routine.summary.trim().split('\n')]),
    '',
    ...field('IRQL', irql ?? 'not stated', style),
    ...field('Headers', routine.headers.join(', '), style),
    ...field('Include', routine.includeHeader, style),
    ...field('Library', [routine.library, routine.dll].filter(Boolean).join(', '), style),
    ...field('Minimum OS', routine.minimumOs, style),
    ...field('Replaced by', routine.replacedBy.join(', '), style),
    ...field('Aliases', routine.aliases.join(', '), style),
    ...field('Categories', routine.categories.join(', '), style),
  ];
  if (routine.signature !== null) out.push('', style.bold('Signature'), ...routine.signature.split('\n').map((text) => `  ${text}`));
  if (routine.parameters.length > 0) {
    out.push('', style.bold('Parameters'));
    const nameWidth = Math.max(...routine.parameters.map((parameter) => parameter.name.length));
    const typeWidth = Math.max(...routine.parameters.map((parameter) => (parameter.type ?? '').length));
    for (const parameter of routine.parameters) {
      const direction = [parameter.direction, parameter.optional ? 'optional' : null].filter(Boolean).join(', ');
      out.push(`  ${style.bold(parameter.name.padEnd(nameWidth))}  ${(parameter.type ?? '').padEnd(typeWidth)}  ${direction ? `[${direction}]` : ''}`.trimEnd());
      if (parameter.description) out.push(...parameter.description.trim().split('\n').map((text) => `      ${text}`));
    }
  }
  out.push(...section('Returns', routine.returns, style), ...section('Remarks', routine.remarks, style));
  out.push('', ...field('See also', routine.seeAlso.join(', '), style), ...field('Reference', routine.officialUrl, style), ...field('Sources', sources(routine.sources), style));
  return out;
}

function formatStructure(structure: Structure, style: Style): string[] {
  const out = [
    `${style.bold(structure.name)}  structure · ${structure.header ?? 'no header'}`,
    ...(structure.summary === null ? [] : ['', ...structure.summary.trim().split('\n')]),
    '',
    ...field('Include', structure.includeHeaders.join(', '), style),
    ...field('Minimum OS', structure.minimumOs, style),
    ...field('Aliases', structure.aliases.join(', '), style),
    ...field('Routines', structure.routines.join(', '), style),
  ];
  if (structure.typedef !== null) out.push('', style.bold('Typedef'), ...structure.typedef.split('\n').map((text) => `  ${text}`));
  out.push(...section('Description', structure.description, style));
  if (structure.notes.length > 0) out.push('', style.bold('Notes'), ...structure.notes.map((note) => `  - ${note}`));
  out.push('', ...field('Sources', sources(structure.sources), style));
  return out;
}

/** One record in full, for `ddi show`; `via` is the spelling the reader typed when it was an alias. */
export function formatEntity(entity: Entity, style: Style, via?: string): string {
  const lines = entity.type === 'routine' ? formatRoutine(entity.record, style) : formatStructure(entity.record, style);
  if (via !== undefined && via !== entity.record.name) lines.unshift(style.dim(`${via} is an alias of ${entity.record.name}`));
  return lines.join('\n');
}
