/** One parameter as a C prototype declares it. */
export interface PrototypeParam {
  name: string;
  /** C type with whitespace normalised, or null for an untyped macro parameter. */
  type: string | null;
  direction: 'in' | 'out' | 'in, out' | null;
  optional: boolean;
}

/**
 * Reads the parameter list of a published C prototype (`BOOLEAN ExAcquireRundownProtection(\n  [in, out]
 * PEX_RUNDOWN_REF RunRef\n);`). Direction comes from the `[in, out, optional]` annotation or SAL
 * (`_In_opt_`); a parameter with a single token is an untyped macro parameter. Returns null when the text
 * holds no function declarator (a typedef struct, an empty file).
 *
 * @example parsePrototype('VOID F(\n  [in] PVOID P\n);')?.[0] // { name: 'P', type: 'PVOID', direction: 'in', optional: false }
 */
export function parsePrototype(c: string): PrototypeParam[] | null {
  const code = c.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  if (/^\s*typedef\s+(struct|union|enum)\b/.test(code)) return null;
  const open = findDeclaratorParen(code);
  if (open < 0) return null;
  const close = matchParen(code, open);
  if (close < 0) return null;
  const inner = code.slice(open + 1, close).trim();
  if (inner === '' || inner === 'void' || inner === 'VOID') return [];
  return splitTopLevel(inner).map(parseParam).filter((p): p is PrototypeParam => p !== null);
}

/** The `(` of the function declarator: the last `name(` at nesting depth 0 that is not inside braces. */
function findDeclaratorParen(code: string): number {
  let depth = 0;
  let braces = 0;
  let found = -1;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '{') braces++;
    else if (ch === '}') braces--;
    else if (ch === '(') {
      if (depth === 0 && braces === 0 && /[A-Za-z0-9_]\s*$/.test(code.slice(Math.max(0, i - 64), i))) {
        const before = code.slice(Math.max(0, i - 64), i);
        // SAL and calling-convention wrappers such as __drv_maxIRQL(…) are not the declarator.
        if (!/(?:^|[^A-Za-z0-9_])(?:_[A-Za-z_]+_|__\w+|DECLSPEC\w*)\s*$/.test(before)) found = i;
      }
      depth++;
    } else if (ch === ')') depth--;
  }
  return found;
}

function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function parseParam(raw: string): PrototypeParam | null {
  // No C parameter declaration is this long; reading one would only cost quadratic time on garbage.
  if (raw.length > 1000) return null;
  let s = raw.replace(/\s+/g, ' ').trim();
  let direction: PrototypeParam['direction'] = null;
  let optional = false;
  const note = /^\[([^\]]*)\]\s*/.exec(s);
  if (note) {
    ({ direction, optional } = readAnnotation(note[1]!));
    s = s.slice(note[0].length);
  }
  // SAL annotations: _In_, _Out_writes_bytes_(n), __drv_aliasesMem, …
  const tokens: string[] = [];
  for (const tok of tokenize(s)) {
    if (/^_[A-Za-z][A-Za-z0-9_]*_(\(.*\))?$/.test(tok) || /^__\w+(\(.*\))?$/.test(tok)) {
      if (direction === null) {
        const a = readAnnotation(tok);
        direction = a.direction;
        optional ||= a.optional;
      }
      continue;
    }
    tokens.push(tok);
  }
  if (tokens.length === 0) return null;
  if (tokens.join(' ') === '...') return { name: '...', type: null, direction, optional };
  const joined = tokens.join(' ');
  // A function-pointer parameter: `VOID (*Routine)(PVOID)`.
  const fp = /\(\s*\*\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)/.exec(joined);
  if (fp) return { name: fp[1]!, type: normaliseType(joined.replace(fp[1]!, '')), direction, optional };
  const m = /^(.*?)([A-Za-z_][A-Za-z0-9_]*)\s*((?:\[[^\]]*\])*)$/.exec(joined);
  if (!m) return { name: joined, type: null, direction, optional };
  const type = normaliseType(m[1]! + (m[3] ? ` ${m[3]}` : ''));
  return { name: m[2]!, type: type === '' ? null : type, direction, optional };
}

function tokenize(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === ' ') {
      i++;
      continue;
    }
    let j = i;
    let depth = 0;
    while (j < s.length && (depth > 0 || s[j] !== ' ')) {
      if (s[j] === '(') depth++;
      else if (s[j] === ')') depth--;
      j++;
    }
    // `_In_reads_(n) PVOID` may put a space before the paren group; glue it back to the annotation.
    let tok = s.slice(i, j);
    if (/^_\w+_$/.test(tok) && s[j] === ' ' && s[j + 1] === '(') {
      const close = matchParen(s, j + 1);
      if (close > 0) {
        tok += s.slice(j + 1, close + 1);
        j = close + 1;
      }
    }
    out.push(tok);
    i = j;
  }
  return out;
}

/** `in, out, optional`, `_Inout_opt_`, `In` → direction and optional flag. */
export function readAnnotation(a: string): { direction: PrototypeParam['direction']; optional: boolean } {
  const s = a.toLowerCase();
  const optional = /opt/.test(s);
  const inout = /inout|in\s*,\s*out|in_out/.test(s);
  const hasIn = /(^|[^a-z])_?in(_|\b|$)/.test(s) || /^in/.test(s.replace(/^_+/, ''));
  const hasOut = /(^|[^a-z])_?out(_|\b|$)/.test(s) || /^out/.test(s.replace(/^_+/, ''));
  const direction = inout || (hasIn && hasOut) ? 'in, out' : hasIn ? 'in' : hasOut ? 'out' : null;
  return { direction, optional };
}

function normaliseType(t: string): string {
  return t
    .replace(/\s+/g, ' ')
    .replace(/\s*\*\s*/g, ' *')
    .replace(/\*\s+\*/g, '**')
    .replace(/\s+\)/g, ')')
    .replace(/\(\s+/g, '(')
    .trim()
    .replace(/ \*$/, ' *');
}
