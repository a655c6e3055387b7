import { IDENT, type NamePass, oneCharCandidates, perRow, repaired } from './name-rows.ts';

/**
 * A stray `|` inside a name (`RtlCompar|Memory`, `ADDRESS_A|D_SIZE_TO_SPAN_PAGES`, `M|LockPagableCodeSection`):
 * the pipe either was inserted or overwrote one character. Removing it, or putting back the one character
 * that yields an attested name, repairs it; a cell whose pipe gives no attested name is left as it is
 * (the next pass reads it as name and description).
 */
export const nameStrayPipe: NamePass = (rows, attested) =>
  perRow(rows, attested, (row, result) => {
    const pipes = [...row.name].filter((c) => c === '|').length;
    if (pipes !== 1) return row;
    const at = row.name.indexOf('|');
    const parts = [row.name.slice(0, at).trim(), row.name.slice(at + 1).trim()];
    if (!parts.every((p) => IDENT.test(p))) return row;
    const joined = parts[0]! + parts[1]!;
    if (attested.has(joined)) return repaired(row, joined, 'stray-pipe-removed', result);
    const candidates = [...new Set(oneCharCandidates(parts[0]! + '|' + parts[1]!, parts[0]!.length, true))].filter((c) => attested.has(c));
    if (candidates.length === 1) return repaired(row, candidates[0]!, 'stray-pipe-replaced-letter', result);
    if (candidates.length > 1) {
      result.quarantined.push({ at: row.at, raw: row.name, reason: 'ambiguous-repair', detail: `a stray pipe could stand for several names: ${candidates.join(', ')}` });
      return null;
    }
    return row;
  });
