import type { SourceRef } from '../../../schema/index.ts';
import type { LazyProse } from '../facts.ts';

/** A name read from a table row or list item, before its spelling is checked. */
export interface NameRow {
  name: string;
  /** Description read from the same row; replaced when a pass splits a fused cell. */
  description: LazyProse;
  at: SourceRef;
  /** Spellings this row's name had before repairs. */
  aliases: string[];
}

/** Names the sources attest, used to check and repair spellings. */
export interface Attested {
  /** True when some source other than the row itself names `name` (a page, a link, a mention in prose). */
  has(name: string): boolean;
}

export interface RowPassResult {
  rows: NameRow[];
  repairs: { at: SourceRef; from: string; to: string; rule: string }[];
  quarantined: { at: SourceRef; raw: string; reason: 'not-a-name' | 'ambiguous-repair' | 'unparseable-row'; detail: string }[];
}

/**
 * A name pass repairs one kind of garbling in the name cells of rows. It is pure: rows in, rows out, plus
 * what it repaired and what it could not understand. A repair is made only when exactly one attested name
 * results; several candidates are an `ambiguous-repair`.
 */
export type NamePass = (rows: NameRow[], attested: Attested) => RowPassResult;

export const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

/** Runs `fix` over each row that is not yet an attested name. */
export function perRow(rows: NameRow[], attested: Attested, fix: (row: NameRow, result: RowPassResult) => NameRow | null): RowPassResult {
  const result: RowPassResult = { rows: [], repairs: [], quarantined: [] };
  for (const row of rows) {
    if (IDENT.test(row.name) && attested.has(row.name)) {
      result.rows.push(row);
      continue;
    }
    const r = fix(row, result);
    if (r) result.rows.push(r);
  }
  return result;
}

/** Candidates made by putting one name character at `index` of `s` (or replacing the character there). */
export function oneCharCandidates(s: string, index: number, replace: boolean): string[] {
  const out: string[] = [];
  for (const c of NAME_CHARS) out.push(s.slice(0, index) + c + s.slice(replace ? index + 1 : index));
  return out;
}

export function repaired(row: NameRow, to: string, rule: string, result: RowPassResult): NameRow {
  result.repairs.push({ at: row.at, from: row.name, to, rule });
  return { ...row, name: to, aliases: [...row.aliases, row.name] };
}
