import { text } from '../facts.ts';
import { IDENT, type NamePass, perRow } from './name-rows.ts';

/**
 * A row whose name and description lost the pipe between them (`|MmUnsecureVirtualMemory Unsecures a
 * memory-address range…`, `KeInitializeSpinLockInitializes…`): the cell is split after the longest attested
 * name it starts with, or else after its leading identifier when a space follows it. What follows becomes
 * the description. A cell that starts with no name at all is quarantined as `not-a-name`.
 */
export const nameFusedDescription: NamePass = (rows, attested) =>
  perRow(rows, attested, (row, result) => {
    if (IDENT.test(row.name)) return row;
    const cell = row.name.trim();
    const lead = /^[A-Za-z_][A-Za-z0-9_]*/.exec(cell)?.[0] ?? '';
    if (lead && /^[\s.,;:*]*$/.test(cell.slice(lead.length))) {
      result.repairs.push({ at: row.at, from: cell, to: lead, rule: 'trailing-punctuation-removed' });
      return { ...row, name: lead, aliases: row.aliases };
    }
    let name: string | null = null;
    for (let n = lead.length; n >= 3 && !name; n--) if (attested.has(lead.slice(0, n))) name = lead.slice(0, n);
    if (!name && lead.length >= 3 && /^\s/.test(cell.slice(lead.length)) && /[a-z][A-Z]|_|^[A-Z][A-Z0-9]+$/.test(lead)) name = lead;
    if (!name) {
      result.quarantined.push({ at: row.at, raw: row.name, reason: 'not-a-name', detail: 'the name cell does not start with a routine or structure name' });
      return null;
    }
    const rest = cell.slice(name.length).trim().replace(/^[|:.\-–—]\s*/, '');
    result.repairs.push({ at: row.at, from: cell, to: name, rule: 'fused-name-and-description-split' });
    return { ...row, name, description: rest ? text(rest) : row.description, aliases: row.aliases };
  });
