import type { IrqlLevel, Routine } from '../../schema/index.ts';
import { IRQL_LEVELS, irqlRank } from '../../schema/irql.ts';
import { RoutineKind, RoutineStatus } from '../../schema/routine.ts';
import { typeMatcher } from './c-type.ts';
import { UsageError } from './catalog.ts';
import { compact, editDistance } from './words.ts';

/** What the filters read of a routine: small enough to keep in the catalog's index (see `view.ts`). */
export interface RoutineFacts {
  kind: Routine['kind'];
  header: Routine['header'];
  headers: Routine['headers'];
  irql: Routine['irql'];
  status: Routine['status'];
  replacedBy: Routine['replacedBy'];
  categories: Routine['categories'];
  parameterTypes: (string | null)[];
  hasSignature: boolean;
}

export function routineFacts(routine: Routine): RoutineFacts {
  return {
    kind: routine.kind,
    header: routine.header,
    headers: routine.headers,
    irql: routine.irql,
    status: routine.status,
    replacedBy: routine.replacedBy,
    categories: routine.categories,
    parameterTypes: routine.parameters.map((parameter) => parameter.type),
    hasSignature: routine.signature !== null,
  };
}

/** The names a filter value may take that only the catalog knows. */
export interface FilterContext {
  /** Lower-case header names: the catalog's headers and every header a routine names. */
  headerNames: readonly string[];
  /** Category slugs: the catalog's categories and every slug a routine names. */
  categorySlugs: readonly string[];
}

/** One `key:value` term of `ddi query`. */
export interface Filter {
  key: FilterKey;
  value: string;
  test(routine: RoutineFacts): boolean;
}

/** What each key means; the `--help` text is built from this. */
export const FILTER_KEYS = {
  header: 'declared in that header (any of the headers that document it), e.g. header:wdm.h',
  kind: `${RoutineKind.options.join(' | ')}`,
  status: `${RoutineStatus.options.join(' | ')}`,
  category: 'in that category or one below it, e.g. category:memory-allocation',
  irql: 'callable at that level (irql.min <= level <= irql.max), e.g. irql:DISPATCH_LEVEL',
  takes: 'has a parameter of that type or a pointer to it, in any spelling (PEX_RUNDOWN_REF = EX_RUNDOWN_REF *)',
  has: 'replacement (a replacement is named) | irql (a level is stated) | signature (a prototype is known)',
} as const;
export type FilterKey = keyof typeof FILTER_KEYS;

const HAS: Record<string, (routine: RoutineFacts) => boolean> = {
  replacement: (routine) => routine.replacedBy.length > 0,
  irql: (routine) => routine.irql !== null && routine.irql.min !== null && routine.irql.max !== null,
  signature: (routine) => routine.hasSignature,
};

/** Up to `count` of `candidates` closest to `wanted`: containing it first, then by edit distance. */
export function nearest(wanted: string, candidates: Iterable<string>, count = 5): string[] {
  const target = compact(wanted);
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const form = compact(candidate);
    const limit = Math.max(2, Math.floor(target.length / 3));
    const score = form.includes(target) || (target.length >= 3 && target.includes(form) && form.length >= 3) ? 0 : editDistance(target, form, limit);
    if (score <= limit) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.length - b.candidate.length || (a.candidate < b.candidate ? -1 : 1));
  return scored.slice(0, count).map((entry) => entry.candidate);
}

function suggestion(wanted: string, candidates: Iterable<string>): string {
  const close = nearest(wanted, candidates);
  return close.length > 0 ? `; did you mean ${close.join(', ')}?` : '';
}

/** Accepts `DISPATCH_LEVEL`, `dispatch_level` and `dispatch`. */
function parseIrql(value: string): IrqlLevel | null {
  const upper = value.toUpperCase();
  for (const candidate of [upper, `${upper}_LEVEL`]) {
    if ((IRQL_LEVELS as readonly string[]).includes(candidate)) return candidate as IrqlLevel;
  }
  return null;
}

function parseTerm(term: string, context: FilterContext): Filter {
  const match = /^([A-Za-z-]+):(.*)$/.exec(term);
  if (match === null) {
    throw new UsageError(`"${term}" is not a filter: write key:value, with a key among ${Object.keys(FILTER_KEYS).join(', ')}`);
  }
  const key = match[1]!.toLowerCase();
  const value = match[2]!.trim();
  if (!Object.hasOwn(FILTER_KEYS, key)) {
    throw new UsageError(`unknown filter key "${match[1]}" in "${term}"; keys are ${Object.keys(FILTER_KEYS).join(', ')}`);
  }
  if (value === '') throw new UsageError(`"${term}" has no value: write ${key}:VALUE`);
  const lower = value.toLowerCase();

  switch (key as FilterKey) {
    case 'header': {
      const known = new Set(context.headerNames);
      const header = known.has(lower) ? lower : known.has(`${lower}.h`) ? `${lower}.h` : null;
      if (header === null) throw new UsageError(`no header "${value}" in the catalog${suggestion(value, known)}`);
      return {
        key: 'header',
        value: header,
        test: (routine) => routine.header?.toLowerCase() === header || routine.headers.some((name) => name.toLowerCase() === header),
      };
    }
    case 'kind': {
      const kind = RoutineKind.options.find((option) => option === lower);
      if (kind === undefined) throw new UsageError(`unknown kind "${value}"; kinds are ${RoutineKind.options.join(', ')}`);
      return { key: 'kind', value: kind, test: (routine) => routine.kind === kind };
    }
    case 'status': {
      const status = RoutineStatus.options.find((option) => option === lower);
      if (status === undefined) throw new UsageError(`unknown status "${value}"; statuses are ${RoutineStatus.options.join(', ')}`);
      return { key: 'status', value: status, test: (routine) => routine.status === status };
    }
    case 'category': {
      const slugs = new Set(context.categorySlugs);
      const slug = lower.replace(/^\/+|\/+$/g, '');
      if (!slugs.has(slug)) throw new UsageError(`no category "${value}" in the catalog${suggestion(value, slugs)}`);
      const below = `${slug}/`;
      return {
        key: 'category',
        value: slug,
        test: (routine) => routine.categories.some((candidate) => candidate === slug || candidate.startsWith(below)),
      };
    }
    case 'irql': {
      const level = parseIrql(value);
      if (level === null) throw new UsageError(`unknown IRQL "${value}"; levels are ${IRQL_LEVELS.join(', ')}`);
      const rank = irqlRank(level);
      return {
        key: 'irql',
        value: level,
        test: (routine) =>
          routine.irql !== null &&
          routine.irql.min !== null &&
          routine.irql.max !== null &&
          irqlRank(routine.irql.min) <= rank &&
          rank <= irqlRank(routine.irql.max),
      };
    }
    case 'takes': {
      const takes = typeMatcher(value);
      return {
        key: 'takes',
        value,
        test: (routine) => routine.parameterTypes.some((type) => type !== null && takes(type)),
      };
    }
    case 'has': {
      const check = HAS[lower];
      if (check === undefined) throw new UsageError(`unknown has:${value}; known are ${Object.keys(HAS).map((name) => `has:${name}`).join(', ')}`);
      return { key: 'has', value: lower, test: check };
    }
  }
}

/** Parses every term; the first bad one throws a `UsageError` naming it. */
export function parseFilters(terms: readonly string[], context: FilterContext): Filter[] {
  return terms.map((term) => parseTerm(term, context));
}

/** Whether a routine passes every filter (they combine with AND). */
export function passes(routine: RoutineFacts, filters: readonly Filter[]): boolean {
  return filters.every((filter) => filter.test(routine));
}
