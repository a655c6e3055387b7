import { TABLE_DELIMITER as DELIMITER, type TextPass } from './text-pass.ts';

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

/**
 * A table that starts on the line right after a list item (`-   Process IRPs…` then `|Function|Description|`)
 * is, for CommonMark, lazy continuation text of that item: the whole table would be read as one paragraph.
 * A blank line is inserted before such a table so that it ends the list and is read as a table.
 */
export const tableAfterListItem: TextPass = {
  name: 'table-after-list-item',
  apply: (text) => {
    const lines = text.split('\n');
    const out: string[] = [];
    const touched: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const header = /^\s*\|/.test(line) && DELIMITER.test(lines[i + 1] ?? '') && !DELIMITER.test(line);
      if (header && i > 0 && lines[i - 1]!.trim() !== '' && !/^\s*\|/.test(lines[i - 1]!)) {
        let j = i - 1;
        while (j >= 0 && lines[j]!.trim() !== '' && !LIST_ITEM.test(lines[j]!)) j--;
        if (j >= 0 && LIST_ITEM.test(lines[j]!)) {
          out.push('');
          touched.push(i);
        }
      }
      out.push(line);
    }
    return touched.length ? { text: out.join('\n'), lines: touched, inserted: touched } : { text, lines: [] };
  },
};
