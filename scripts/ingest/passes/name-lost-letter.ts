import { IDENT, type NamePass, oneCharCandidates, perRow, repaired } from './name-rows.ts';

/**
 * Names that lost their first or last character (`oAllocateMdl`, `EAD_PORT_UCHAR`, `ZwQueryObjec`): when
 * putting back one character at the start or the end yields exactly one attested name, that is the name.
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
    return row;
  });
