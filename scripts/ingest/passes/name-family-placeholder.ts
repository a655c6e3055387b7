import type { NamePass, RowPassResult } from './name-rows.ts';

/**
 * Rows that name a family of routines with an `Xxx` placeholder (`ExInterlockedXxxList`, `KeXxxDeviceQueue`)
 * rather than one routine: no record can be made for them, so they are quarantined as `not-a-name`, even
 * when prose elsewhere mentions the family the same way.
 */
export const nameFamilyPlaceholder: NamePass = (rows) => {
  const result: RowPassResult = { rows: [], repairs: [], quarantined: [] };
  for (const row of rows) {
    if (/Xxx|XXX/.test(row.name)) result.quarantined.push({ at: row.at, raw: row.name, reason: 'not-a-name', detail: 'an Xxx placeholder names a family of routines, not one routine' });
    else result.rows.push(row);
  }
  return result;
};
