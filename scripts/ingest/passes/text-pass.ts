/**
 * A text pass repairs one quirk of a source file before a real parser reads it. It is a pure function and
 * reports the (1-based) lines it changed, so the ingest report can list every touch.
 */
export interface TextPass {
  /** Kebab-case name recorded in the report. */
  readonly name: string;
  apply(text: string): TextPassResult;
}

export interface TextPassResult {
  text: string;
  /** Lines (1-based, of the input) the pass changed. */
  lines: number[];
  /** Lines (1-based, of the input) after which the pass inserted one line, so positions can be mapped back. */
  inserted?: number[];
}

/** Applies `fix` line by line and collects the lines it changed. */
export function lineWise(text: string, fix: (line: string, index: number, lines: string[]) => string): { text: string; lines: number[] } {
  const lines = text.split('\n');
  const touched: number[] = [];
  const out = lines.map((l, i) => {
    const r = fix(l, i, lines);
    if (r !== l) touched.push(i + 1);
    return r;
  });
  return { text: touched.length ? out.join('\n') : text, lines: touched };
}

/** A GFM table delimiter row (`|---|:--:|`), with or without its outer pipes. */
export const TABLE_DELIMITER = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
