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
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, limit + 1);
}
