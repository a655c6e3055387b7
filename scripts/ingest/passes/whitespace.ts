import { lineWise, type TextPass } from './text-pass.ts';

/**
 * Invisible and odd whitespace: no-break spaces (often what mojibake repair leaves behind), zero-width
 * characters, and a byte-order mark, which would otherwise end up inside names and
 * table cells. Line breaks themselves are kept so that line numbers stay true.
 */
export const whitespace: TextPass = {
  name: 'whitespace',
  apply: (text) =>
    lineWise(text, (line) =>
      /[\u00a0\u200b-\u200d\u2060\ufeff\u2007\u202f]/.test(line)
        ? line.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
        : line,
    ),
};
