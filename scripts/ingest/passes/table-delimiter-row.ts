import { TABLE_DELIMITER as DELIMITER, type TextPass } from './text-pass.ts';

const ROW = /^\s*\|.*\|/;

/**
 * Table headers that lost their `|---|` line (`|Routine|Replacement|` directly followed by rows): GFM
 * reads such a block as a paragraph. A row that starts a block of rows (after a line that is not a row)
 * and is not followed by a delimiter gets one with as many columns as it has cells.
 */
export const tableDelimiterRow: TextPass = {
  name: 'table-delimiter-row',
  apply: (text) => {
    const lines = text.split('\n');
    const out: string[] = [];
    const touched: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      out.push(line);
      const starts = ROW.test(line) && !/^\s*\|/.test(lines[i - 1] ?? '') && !DELIMITER.test(line);
      const next = lines[i + 1];
      if (starts && next !== undefined && ROW.test(next) && !DELIMITER.test(next)) {
        const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').length;
        out.push(`|${'---|'.repeat(cells)}`);
        touched.push(i + 1);
      }
    }
    return touched.length ? { text: out.join('\n'), lines: touched, inserted: touched } : { text, lines: [] };
  },
};
