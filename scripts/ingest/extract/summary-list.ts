import type { SourceRef } from '../../../schema/index.ts';
import { text } from '../facts.ts';
import type { NameRow } from '../passes/name-rows.ts';
import { isNameLike, slugify } from './portal.ts';

/**
 * Reads a legacy summary list: a numbered title line (`1.4.1 Temporary Buffers and Zone Entries`), then
 * alternating name lines and description lines (one or more lines until the next name line).
 */
export function readSummaryList(source: string, file: string): { title: string; slug: string; at: SourceRef; rows: NameRow[] } | { error: { line: number; message: string } } {
  const lines = source.split('\n');
  const t = lines.findIndex((l) => l.trim() !== '');
  const title = lines[t]?.trim().replace(/^\d+(?:\.\d+)*\s+/, '') ?? '';
  if (!title || isNameLike(title)) return { error: { line: t + 1, message: 'expected a title line before the list' } };
  const rows: NameRow[] = [];
  let current: { row: NameRow; desc: string[] } | null = null;
  const flush = () => {
    if (current) current.row.description = text(current.desc.join(' ').replace(/\s+/g, ' ').trim() || null);
  };
  for (let i = t + 1; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === '') continue;
    // A name line is one word that reads as a code name; anything else continues the description.
    if (!/\s/.test(l) && (isNameLike(l.replace(/[.:]$/, '')) || l.includes('|'))) {
      flush();
      current = { row: { name: l, description: () => null, at: { file, line: i + 1 }, aliases: [] }, desc: [] };
      rows.push(current.row);
    } else if (current) current.desc.push(l);
    else return { error: { line: i + 1, message: 'expected a name line after the title' } };
  }
  flush();
  if (rows.length === 0) return { error: { line: t + 1, message: 'expected name lines after the title' } };
  return { title, slug: slugify(title), at: { file, line: t + 1 }, rows };
}
