import type { TextPass } from './text-pass.ts';

const isRow = (l: string | undefined) => l !== undefined && /^\s*\|/.test(l);

/**
 * Table rows that lost their leading pipe (`KeReadStateEvent |Returns the current state…`, `RtlCompar|Memory
 * |Compares…`): inside a pipe table a line that holds a pipe but does not start with one is a row, and
 * GFM would otherwise read it as the first cell run into the previous row's text. Runs of such lines are
 * repaired one after the other (each follows a repaired row).
 */
export const tableLeadingPipe: TextPass = {
  name: 'table-leading-pipe',
  apply: (text) => {
    const lines = text.split('\n');
    const touched: number[] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (isRow(line) || !line.includes('|') || line.trim() === '' || !isRow(lines[i - 1])) continue;
      lines[i] = `|${line}`;
      touched.push(i + 1);
    }
    return touched.length ? { text: lines.join('\n'), lines: touched } : { text, lines: [] };
  },
};
