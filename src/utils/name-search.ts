import { editDistance, mayBeWithin } from '../../scripts/ddi/words.ts';
import { entityUrl, type EntityType } from './urls.ts';

/**
 * The name index the search dialog loads on first use (`/search/names.json`): one row per searchable name.
 * `[name, type, target, detail]`: `target` is the canonical name or slug when `name` is an alias or a
 * category title, else ''. Kept as arrays so 20,000 routines stay a small download.
 */
export type NameRow = [name: string, type: TypeCode, target: string, detail: string];
export type TypeCode = 'r' | 's' | 'h' | 'c';
export interface NameIndex {
  version: 1;
  rows: NameRow[];
}

const TYPES: Record<TypeCode, EntityType> = { r: 'routine', s: 'structure', h: 'header', c: 'category' };
export const TYPE_CODES: Record<EntityType, TypeCode> = { routine: 'r', structure: 's', header: 'h', category: 'c' };

export interface NameHit {
  name: string;
  type: EntityType;
  url: string;
  detail: string;
  /** The canonical name when the hit is an alias. */
  aliasOf: string | null;
  score: number;
}

interface Prepared {
  row: NameRow;
  lower: string;
  /** Offsets in `lower` where a word starts: after `_`, at a lower→upper or acronym→word change, at a digit run. */
  starts: number[];
}

/**
 * Word starts of an identifier, so that "rundown" matches ExAcquire|Rundown|Protection and
 * "spinlock" matches KeAcquire|Spin|Lock (a query may span consecutive words).
 * @example wordStarts('IoGetDMAAdapter') // [0, 2, 5, 8]
 */
export function wordStarts(name: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    const prev = name[i - 1];
    const next = name[i + 1];
    if (!/[A-Za-z0-9]/.test(c)) continue;
    if (i === 0 || !/[A-Za-z0-9]/.test(prev)) starts.push(i);
    else if (/[A-Z]/.test(c) && /[a-z0-9]/.test(prev)) starts.push(i);
    else if (/[A-Z]/.test(c) && /[A-Z]/.test(prev) && next !== undefined && /[a-z]/.test(next)) starts.push(i);
    else if (/[0-9]/.test(c) && !/[0-9]/.test(prev)) starts.push(i);
  }
  return starts;
}

/** Letters and digits only, lower case: "run-down" and "RunDown" both become "rundown". */
function fold(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export class NameSearch {
  private readonly entries: Prepared[];

  constructor(index: NameIndex) {
    this.entries = index.rows.map((row) => {
      const folded = fold(row[0]);
      // Word starts measured on the folded name (separators removed) so "rundownref" spans EX_RUNDOWN_REF.
      const starts: number[] = [];
      let offset = 0;
      let word = 0;
      const original = wordStarts(row[0]);
      for (let i = 0; i < row[0].length; i++) {
        if (i === original[word]) {
          starts.push(offset);
          word++;
        }
        if (/[A-Za-z0-9]/.test(row[0][i])) offset++;
      }
      return { row, lower: folded, starts };
    });
  }

  /**
   * Ranked hits: exact name (0), name prefix (1), a query that starts at a word of the name (2),
   * every query word starting a word of the name (3), a substring (4), a typo at a word start (5). Ties: canonical names before
   * aliases, shorter names first, then alphabetical.
   */
  search(query: string, limit = 50): NameHit[] {
    const words = query.split(/[\s,]+/).map(fold).filter(Boolean);
    if (words.length === 0) return [];
    const whole = words.join('');
    const hits: { entry: Prepared; score: number }[] = [];
    for (const entry of this.entries) {
      const score = scoreEntry(entry, whole, words);
      if (score !== null) hits.push({ entry, score });
    }
    hits.sort(
      (a, b) =>
        a.score - b.score ||
        Number(a.entry.row[2] !== '') - Number(b.entry.row[2] !== '') ||
        a.entry.lower.length - b.entry.lower.length ||
        (a.entry.row[0] < b.entry.row[0] ? -1 : a.entry.row[0] > b.entry.row[0] ? 1 : 0),
    );
    const seen = new Set<string>();
    const out: NameHit[] = [];
    for (const { entry, score } of hits) {
      const [name, code, target, detail] = entry.row;
      const type = TYPES[code];
      const url = entityUrl(type, target || name);
      if (seen.has(url)) continue;
      seen.add(url);
      out.push({ name, type, url, detail, aliasOf: target && type !== 'category' ? target : null, score });
      if (out.length >= limit) break;
    }
    return out;
  }
}

function scoreEntry(entry: Prepared, whole: string, words: string[]): number | null {
  const { lower, starts } = entry;
  if (lower === whole) return 0;
  if (lower.startsWith(whole)) return 1;
  for (const s of starts) if (lower.startsWith(whole, s)) return 2;
  if (words.length > 1 && words.every((w) => starts.some((s) => lower.startsWith(w, s)))) return 3;
  if (lower.includes(whole)) return 4;
  if (typoMatch(entry, whole)) return 5;
  return null;
}

/**
 * A slip of the keyboard (`rundwon`, `KeAquireSpinLock`): the typed letters lie within one edit (two from
 * eight letters on) of the name's letters from one of its word starts, a swapped pair counting as one edit —
 * the same measure `ddi search` uses. Short queries get no tolerance: any edit of them makes another word.
 */
function typoMatch(entry: Prepared, whole: string): boolean {
  if (whole.length < 4) return false;
  const limit = whole.length < 8 ? 1 : 2;
  if (!mayBeWithin(whole, entry.lower, limit)) return false;
  for (const s of entry.starts) {
    for (let len = whole.length - limit; len <= whole.length + limit; len++) {
      if (s + len > entry.lower.length) break;
      if (editDistance(whole, entry.lower.slice(s, s + len), limit) <= limit) return true;
    }
  }
  return false;
}
