/**
 * The words of an identifier, lower-case: camelCase humps, runs of capitals, digits and `_`-separated parts.
 * Kernel names mix all of these (`KeAcquireSpinLock`, `IoWMIRegistrationControl`, `EX_RUNDOWN_REF`,
 * `InterlockedIncrement64`), and a reader types any one of their parts.
 *
 * @example nameWords('IoWMIRegistrationControl') // ['io', 'wmi', 'registration', 'control']
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/**
 * The words of what a reader typed: split on anything that is not a letter or digit, and on camelCase humps
 * when the reader typed mixed case (`AcquireSpin` is two words, `rundown` one).
 *
 * @example queryWords('acquire Spin_lock') // ['acquire', 'spin', 'lock']
 */
export function queryWords(text: string): string[] {
  return nameWords(text);
}

/**
 * Lower-case letters and digits only: the form in which `EX_RUNDOWN_REF`, `ex_rundown_ref` and `ExRundownRef`
 * are one name.
 *
 * @example compact('EX_RUNDOWN_REF') // 'exrundownref'
 */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and transpositions of neighbours,
 * each costing 1), or `limit + 1` as soon as the distance is known to exceed `limit`. Transpositions count once
 * because the commonest typing slip is two swapped letters (`rundwon`).
 *
 * @example editDistance('rundwon', 'rundown') // 1
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  // Three rows of one reused buffer: the ranking calls this for every word of every name.
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, rows[before + j - 2]! + 1);
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(rows[previous + b.length]!, limit + 1);
}

let rows = new Int32Array(192);

/**
 * Whether `text` shares enough two-letter pieces with `word` to lie within `limit` edits of it: each edit
 * breaks at most three of the word's pieces, so fewer shared pieces rule the match out without computing it.
 */
export function mayBeWithin(word: string, text: string, limit: number): boolean {
  const needed = word.length - 1 - 3 * limit;
  if (needed <= 0) return true;
  let shared = 0;
  for (let i = 0; i + 1 < word.length; i++) {
    if (text.includes(word.slice(i, i + 2)) && ++shared >= needed) return true;
  }
  return false;
}
