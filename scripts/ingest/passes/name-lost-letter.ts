import { IDENT, type NamePass, type NameRow, oneCharCandidates, perRow, repaired } from './name-rows.ts';

/**
 * Names that lost their first or last character (`oAllocateMdl`, `EAD_PORT_UCHAR`, `ZwQueryObjec`): when
 * putting back one character at the start or the end yields exactly one attested name, that is the name.
 *
 * A macro no other source names (`RGUMENT_PRESENT`, whose row reads "Returns FALSE if an argument pointer
 * is NULL") has no attested spelling to check against; its own description is the evidence then: when
 * exactly one character put back turns the truncated word into a word the description uses, while the
 * truncated word itself appears nowhere in it, that is the name.
 */
export const nameLostLetter: NamePass = (rows, attested) =>
  perRow(rows, attested, (row, result) => {
    if (!IDENT.test(row.name) || row.name.length < 4) return row;
    const starts = oneCharCandidates(row.name, 0, false).filter((c) => attested.has(c));
    const ends = oneCharCandidates(row.name, row.name.length, false).filter((c) => attested.has(c));
    const candidates = [...new Set([...starts, ...ends])];
    if (candidates.length === 1) return repaired(row, candidates[0]!, starts.length ? 'lost-first-letter' : 'lost-last-letter', result);
    if (candidates.length > 1) {
      result.quarantined.push({ at: row.at, raw: row.name, reason: 'ambiguous-repair', detail: `one letter more gives several attested names: ${candidates.join(', ')}` });
      return null;
    }
    const byDescription = describedCandidates(row);
    if (byDescription.length === 1) {
      const { name, end } = byDescription[0]!;
      return repaired(row, name, end ? 'lost-last-letter-by-description' : 'lost-first-letter-by-description', result);
    }
    return row;
  });

/** Words of an identifier: `RGUMENT_PRESENT` → rgument, present; `cquireSpinLock` → cquire, spin, lock. */
function identifierWords(name: string): string[] {
  return name
    .split('_')
    .flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])/))
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const isUpper = (c: string): boolean => c !== c.toLowerCase();

function describedCandidates(row: NameRow): { name: string; end: boolean }[] {
  const text = row.description();
  if (!text) return [];
  const words = new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  const garbled = identifierWords(row.name);
  const found: { name: string; end: boolean }[] = [];
  for (const end of [false, true]) {
    const truncated = end ? garbled[garbled.length - 1]! : garbled[0]!;
    if (words.has(truncated)) continue;
    const neighbour = end ? row.name[row.name.length - 1]! : row.name[0]!;
    for (const candidate of oneCharCandidates(row.name, end ? row.name.length : 0, false)) {
      const added = end ? candidate[candidate.length - 1]! : candidate[0]!;
      // The letter put back continues its word: a capital at the start of a name (DDI names begin with one), and
      // at the end a letter of the same case as the one before it (`ALIG` + `N`, never `n`).
      if (!/[A-Za-z]/.test(added) || (end ? isUpper(added) !== isUpper(neighbour) : !isUpper(added))) continue;
      const w = identifierWords(candidate);
      if (w.length !== garbled.length) continue;
      if (words.has(end ? w[w.length - 1]! : w[0]!)) found.push({ name: candidate, end });
    }
  }
  return found;
}
