import { lineWise, type TextPass } from './text-pass.ts';

const isRow = (l: string | undefined) => l !== undefined && /^\s*\|/.test(l);

/**
 * Table rows that lost their leading pipe (`KeReadStateEvent |Returns the current state…`, `RtlCompar|Memory
 * |Compares…`): inside a pipe table a line that holds a pipe but does not start with one is a row, and
 * GFM would otherwise read it as the first cell run into the previous row's text.
 */
export const tableLeadingPipe: TextPass = {
  name: 'table-leading-pipe',
  apply: (text) =>
    lineWise(text, (line, i, lines) => {
      if (isRow(line) || !line.includes('|') || line.trim() === '') return line;
      if (!isRow(lines[i - 1])) return line;
      return `|${line}`;
    }),
};
