import { IRQL_LEVELS, type Irql, type IrqlLevel } from '../../../schema/index.ts';

const LEVEL_WORDS: Record<string, IrqlLevel> = {
  PASSIVE_LEVEL: 'PASSIVE_LEVEL',
  LOW_LEVEL: 'PASSIVE_LEVEL',
  APC_LEVEL: 'APC_LEVEL',
  DISPATCH_LEVEL: 'DISPATCH_LEVEL',
  // DPC_LEVEL is the old name of DISPATCH_LEVEL in the WDK headers.
  DPC_LEVEL: 'DISPATCH_LEVEL',
  DIRQL: 'DIRQL',
  DEVICE_LEVEL: 'DIRQL',
  PROFILE_LEVEL: 'PROFILE_LEVEL',
  CLOCK_LEVEL: 'CLOCK_LEVEL',
  CLOCK1_LEVEL: 'CLOCK_LEVEL',
  CLOCK2_LEVEL: 'CLOCK_LEVEL',
  IPI_LEVEL: 'IPI_LEVEL',
  POWER_LEVEL: 'POWER_LEVEL',
  HIGH_LEVEL: 'HIGH_LEVEL',
};

const LOWEST: IrqlLevel = IRQL_LEVELS[0];
const HIGHEST: IrqlLevel = IRQL_LEVELS[IRQL_LEVELS.length - 1]!;
const rank = (l: IrqlLevel) => IRQL_LEVELS.indexOf(l);

/** One comparison as written: an operator (or none) and the level it applies to. */
interface Clause {
  op: '<' | '<=' | '=' | '>=' | '>' | null;
  level: IrqlLevel;
}

const LEVEL_RE = new RegExp(`(<=|>=|=<|=>|<|>|=|≤|≥)?\\s*\\(?\\s*(?:IRQL\\s*)?(${Object.keys(LEVEL_WORDS).join('|')})\\b`, 'g');

/**
 * Reads an IRQL requirement as the sources word it (`req.irql`, a table cell, a sentence) into the range of
 * levels a caller may be at.
 *
 * `PASSIVE_LEVEL` → PASSIVE..PASSIVE; `<= X` → PASSIVE..X; `< X` → PASSIVE..below X; `>= X` → X..HIGH;
 * `Any level`/`Any IRQL` → PASSIVE..HIGH; `X to Y` → X..Y. When the text names several alternatives
 * ("<= APC_LEVEL or <= DISPATCH_LEVEL", "Any level if …, otherwise PASSIVE_LEVEL") the range is their union,
 * since each is a level some caller may legitimately be at. Text that names no level keeps its words in
 * `raw` with min and max null. Empty text means the source states nothing: null.
 *
 * @example parseIrql('<= DISPATCH_LEVEL (see Remarks)') // { raw: '<= DISPATCH_LEVEL (see Remarks)', min: 'PASSIVE_LEVEL', max: 'DISPATCH_LEVEL' }
 */
export function parseIrql(input: string | null | undefined): Irql | null {
  if (input == null) return null;
  const raw = normaliseRaw(input);
  if (raw === '') return null;

  // SAL annotations state the maximum directly.
  const sal = /_IRQL_requires_max_\s*\(\s*([A-Z_0-9]+)\s*\)/.exec(raw);
  if (sal && LEVEL_WORDS[sal[1]!]) return { raw, min: LOWEST, max: LEVEL_WORDS[sal[1]!]! };

  const range = /\b([A-Z_0-9]+)\s+(?:to|through|-|–)\s+([A-Z_0-9]+)\b/.exec(raw);
  if (range && LEVEL_WORDS[range[1]!] && LEVEL_WORDS[range[2]!]) {
    const a = LEVEL_WORDS[range[1]!]!;
    const b = LEVEL_WORDS[range[2]!]!;
    return rank(a) <= rank(b) ? { raw, min: a, max: b } : { raw, min: b, max: a };
  }

  const clauses: Clause[] = [];
  for (const m of raw.matchAll(LEVEL_RE)) {
    const op = normaliseOp(m[1]);
    clauses.push({ op, level: LEVEL_WORDS[m[2]!]! });
  }
  const anyLevel = /\bany\s+(?:level|irql)\b|^any\b/i.test(raw);

  if (clauses.length === 0 && !anyLevel) return { raw, min: null, max: null };
  if (anyLevel) return { raw, min: LOWEST, max: HIGHEST };

  let min = HIGHEST;
  let max = LOWEST;
  for (const c of clauses) {
    const [lo, hi] = clauseRange(c);
    if (rank(lo) < rank(min)) min = lo;
    if (rank(hi) > rank(max)) max = hi;
  }
  if (rank(min) > rank(max)) return { raw, min: null, max: null };
  return { raw, min, max };
}

function clauseRange(c: Clause): [IrqlLevel, IrqlLevel] {
  const r = rank(c.level);
  switch (c.op) {
    case '<=':
      return [LOWEST, c.level];
    case '<':
      return [LOWEST, IRQL_LEVELS[Math.max(0, r - 1)]!];
    case '>=':
      return [c.level, HIGHEST];
    case '>':
      return [IRQL_LEVELS[Math.min(IRQL_LEVELS.length - 1, r + 1)]!, HIGHEST];
    default:
      return [c.level, c.level];
  }
}

function normaliseOp(op: string | undefined): Clause['op'] {
  switch (op) {
    case '<=':
    case '=<':
    case '≤':
      return '<=';
    case '>=':
    case '=>':
    case '≥':
      return '>=';
    case '<':
      return '<';
    case '>':
      return '>';
    case '=':
      return '=';
    default:
      return null;
  }
}

/** Whitespace collapsed and one level of surrounding quotes removed (YAML sometimes keeps them). */
export function normaliseRaw(input: string): string {
  let s = input.replace(/\s+/g, ' ').trim();
  while (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) {
    s = s.slice(1, -1).trim();
  }
  return s;
}
