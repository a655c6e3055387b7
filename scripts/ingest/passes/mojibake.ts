import { lineWise, type TextPass } from './text-pass.ts';

// Windows-1252 code points 0x80–0x9F mapped back to their byte; Latin-1 covers the rest one to one.
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const CONT = `\\u0080-\\u00bf${Object.keys(CP1252).join('')}`;
// A UTF-8 lead byte (Â..ô) followed by one to three continuation bytes, all read as Windows-1252 characters.
const SUSPECT = new RegExp(`[\\u00c2-\\u00f4][${CONT}]{1,3}`, 'g');
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Mojibake: UTF-8 text that was decoded as Windows-1252 somewhere upstream (`WindowsÂ Vista`, `â€¦`, `â€™`).
 * Each suspect run is turned back into bytes and decoded as UTF-8; a run that is not valid UTF-8 is real
 * Latin-1 text and stays as it is.
 */
export const mojibake: TextPass = {
  name: 'mojibake',
  apply: (text) =>
    lineWise(text, (line) => {
      if (!/[\u00c2-\u00f4]/.test(line)) return line;
      return line.replace(SUSPECT, (run) => {
        const bytes: number[] = [];
        for (const ch of run) {
          const code = ch.codePointAt(0)!;
          bytes.push(CP1252[ch] ?? code);
        }
        if (bytes.some((b) => b > 0xff)) return run;
        try {
          return decoder.decode(new Uint8Array(bytes));
        } catch {
          return run;
        }
      });
    }),
};
