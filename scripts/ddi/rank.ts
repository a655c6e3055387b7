import { compact, editDistance, mayBeWithin, nameWords, queryWords } from './words.ts';

/** Anything `ddi search` can find: a name, its other spellings and, optionally, prose to fall back on. */
export interface Searchable {
  name: string;
  aliases: readonly string[];
  text?: string | null;
  /** Ranks after equally good matches: a routine that is obsolete, reserved or unsupported is rarely the one wanted. */
  demoted?: boolean;
}

/**
 * How a record matched, best first:
 * `exact` (the whole name, ignoring case), `prefix` (the name starts with the text), `words` (every typed word
 * starts a word of the name: "acquire spin" → KeAcquireSpinLock), `typo` (the same within a small edit
 * distance: "rundwon" → ExAcquireRundownProtection), `text` (every typed word starts a word of the summary).
 */
export const MATCH_TIERS = ['exact', 'prefix', 'words', 'typo', 'text'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface SearchHit {
  /** Position of the record in the list given to `rankSearch`. */
  index: number;
  tier: MatchTier;
  /** The spelling that matched: the name or one of the aliases. */
  matched: string;
}

interface Match {
  tier: number;
  score: number[];
}

/** Edits a typed word may carry and still match: none for short words, where any edit makes another word. */
export function allowedTypos(word: string): number {
  if (word.length < 4) return 0;
  if (word.length < 8) return 1;
  return 2;
}

/**
 * Word arrangement of a `words` match, best first: the typed words follow each other in the name, they appear
 * in order with other words between, they appear in another order, or the typed text only occurs inside the name.
 */
const CONSECUTIVE = 0;
const IN_ORDER = 1;
const ANY_ORDER = 2;
const INSIDE = 3;

/**
 * Where a typed word can start in a name: at word `start`, when the name's letters from that word on begin
 * with it. The word may run over several name words ("spinlock" over Spin + Lock); `end` is the last word it
 * reaches into.
 */
function wordStarts(word: string, words: readonly string[], joinedFrom: readonly string[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let start = 0; start < words.length; start++) {
    if (!joinedFrom[start]!.startsWith(word)) continue;
    let end = start;
    let covered = words[start]!.length;
    while (covered < word.length) covered += words[++end]!.length;
    found.push({ start, end });
  }
  return found;
}

function suffixJoins(words: readonly string[]): string[] {
  const joined = new Array<string>(words.length);
  let tail = '';
  for (let i = words.length - 1; i >= 0; i--) {
    tail = words[i]! + tail;
    joined[i] = tail;
  }
  return joined;
}

function arrangement(query: readonly string[], words: readonly string[], joinedFrom: readonly string[]): number[] | null {
  const starts = query.map((word) => wordStarts(word, words, joinedFrom));
  if (starts.some((list) => list.length === 0)) return null;
  const extraWords = words.length - query.length;
  for (const first of starts[0]!) {
    let end = first.end;
    let chained = true;
    for (let q = 1; q < query.length && chained; q++) {
      const next = starts[q]!.find((candidate) => candidate.start === end + 1);
      if (next === undefined) chained = false;
      else end = next.end;
    }
    if (chained) return [CONSECUTIVE, extraWords, first.start];
  }
  let position = -1;
  let firstStart = -1;
  for (const list of starts) {
    const next = list.find((candidate) => candidate.start > position);
    if (next === undefined) return [ANY_ORDER, extraWords, starts[0]![0]!.start];
    if (firstStart < 0) firstStart = next.start;
    position = next.end;
  }
  return [IN_ORDER, extraWords, firstStart];
}

/** Smallest edit distance between a typed word and the start of the name's letters at any word. */
function typoDistance(word: string, joinedFrom: readonly string[], limit: number): number {
  if (limit === 0) return joinedFrom.some((joined) => joined.startsWith(word)) ? 0 : 1;
  if (!mayBeWithin(word, joinedFrom[0]!, limit)) return limit + 1;
  let best = limit + 1;
  for (const joined of joinedFrom) {
    for (let length = Math.max(1, word.length - limit); length <= word.length + limit && length <= joined.length; length++) {
      const distance = editDistance(word, joined.slice(0, length), Math.min(limit, best - 1));
      if (distance < best) best = distance;
      if (best === 0) return 0;
    }
  }
  return best;
}

function matchSpelling(spelling: string, typed: string, typedCompact: string, typedWords: readonly string[]): Match | null {
  const lower = spelling.toLowerCase();
  if (lower === typed) return { tier: 0, score: [] };
  const spellingCompact = compact(spelling);
  if (spellingCompact === typedCompact) return { tier: 1, score: [0] };
  if (lower.startsWith(typed) || spellingCompact.startsWith(typedCompact)) {
    return { tier: 1, score: [spellingCompact.length - typedCompact.length] };
  }
  // A cheap gate before splitting the name into words: every typed word must occur in the name's letters, or
  // share enough letter pairs with them to be a typo of a part of it, or the whole text must be a typo of it.
  const wholeLimit = allowedTypos(typedCompact);
  let allInside = true;
  let typoPossible = true;
  for (const word of typedWords) {
    if (spellingCompact.includes(word)) continue;
    allInside = false;
    const limit = allowedTypos(word);
    if (limit === 0 || !mayBeWithin(word, spellingCompact, limit)) {
      typoPossible = false;
      break;
    }
  }
  if (!typoPossible && !(wholeLimit > 0 && mayBeWithin(typedCompact, spellingCompact, wholeLimit))) return null;

  const words = nameWords(spelling);
  if (words.length === 0) return null;
  const joinedFrom = suffixJoins(words);
  if (allInside) {
    const arranged = arrangement(typedWords, words, joinedFrom);
    if (arranged !== null) return { tier: 2, score: arranged };
    if (spellingCompact.includes(typedCompact)) return { tier: 2, score: [INSIDE, words.length, 0] };
  }

  let total = 0;
  for (const word of typedWords) {
    const limit = allowedTypos(word);
    const distance = typoDistance(word, joinedFrom, limit);
    if (distance > limit) {
      total = Number.POSITIVE_INFINITY;
      break;
    }
    total += distance;
  }
  const whole = mayBeWithin(typedCompact, spellingCompact, wholeLimit) ? editDistance(typedCompact, spellingCompact, wholeLimit) : wholeLimit + 1;
  const best = Math.min(total, whole <= wholeLimit ? whole : Number.POSITIVE_INFINITY);
  if (best !== Number.POSITIVE_INFINITY) return { tier: 3, score: [best, words.length] };
  return null;
}

/** One pattern per typed word, each matching where a word of the prose starts with it. */
function textPatterns(typedWords: readonly string[]): RegExp[] {
  return typedWords.map((word) => new RegExp(`(?:^|[^a-z0-9])${word}`, 'i'));
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ranks records against typed text: by tier (`MATCH_TIERS`), then by how well the words fit (consecutive before
 * scattered, fewer edits, fewer extra words), then current records before demoted ones, then a match on the name
 * before one on an alias, then the shorter
 * name, then the name in code-point order (case-insensitive first), so equal input always gives equal output.
 * Records that do not match are left out. With `limit`, at most that many hits; `textOf` supplies the prose of
 * records given without `text`, read only when the names leave room under the limit.
 *
 * @example rankSearch('acquire spin', [{ name: 'KeAcquireSpinLock', aliases: [] }]) // [{ index: 0, tier: 'words', … }]
 */
export function rankSearch(
  text: string,
  records: readonly Searchable[],
  options: { limit?: number; textOf?: (index: number) => string | null } = {},
): SearchHit[] {
  const typed = text.trim().toLowerCase();
  const typedCompact = compact(text);
  const typedWords = queryWords(text);
  if (typedCompact === '' || typedWords.length === 0) return [];

  const ranked: { hit: SearchHit; score: number[]; demoted: number; alias: number; name: string }[] = [];
  const unmatched: number[] = [];
  records.forEach((record, index) => {
    let best: { match: Match; spelling: string; alias: number } | null = null;
    const spellings = [record.name, ...record.aliases];
    spellings.forEach((spelling, position) => {
      const match = matchSpelling(spelling, typed, typedCompact, typedWords);
      if (match === null) return;
      const alias = position === 0 ? 0 : 1;
      if (
        best === null ||
        match.tier < best.match.tier ||
        (match.tier === best.match.tier && compareScores([...match.score, alias], [...best.match.score, best.alias]) < 0)
      ) {
        best = { match, spelling, alias };
      }
    });
    const found = best as { match: Match; spelling: string; alias: number } | null;
    if (found !== null) {
      ranked.push({
        hit: { index, tier: MATCH_TIERS[found.match.tier]!, matched: found.spelling },
        score: [found.match.tier, ...found.match.score],
        demoted: record.demoted ? 1 : 0,
        alias: found.alias,
        name: record.name,
      });
    } else {
      unmatched.push(index);
    }
  });

  // Prose matches rank after every name match: when the names already fill the limit, the prose is not read.
  if (options.limit === undefined || ranked.length < options.limit) {
    const patterns = textPatterns(typedWords);
    for (const index of unmatched) {
      const record = records[index]!;
      const prose = record.text ?? options.textOf?.(index) ?? null;
      if (prose && patterns.every((pattern) => pattern.test(prose))) {
        ranked.push({ hit: { index, tier: 'text', matched: record.name }, score: [4], demoted: record.demoted ? 1 : 0, alias: 0, name: record.name });
      }
    }
  }

  ranked.sort(
    (a, b) =>
      compareScores(a.score, b.score) ||
      a.demoted - b.demoted ||
      a.alias - b.alias ||
      a.name.length - b.name.length ||
      compareOrdinal(a.name.toLowerCase(), b.name.toLowerCase()) ||
      compareOrdinal(a.name, b.name) ||
      a.hit.index - b.hit.index,
  );
  const hits = ranked.map((entry) => entry.hit);
  return options.limit === undefined ? hits : hits.slice(0, options.limit);
}
