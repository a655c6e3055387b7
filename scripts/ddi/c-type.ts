/**
 * Matching of C parameter types for `ddi query takes:TYPE`.
 *
 * The WDK spells one type several ways: `PEX_RUNDOWN_REF` and `EX_RUNDOWN_REF *` are the same pointer
 * (the `P…` typedef convention, `PC…` for a pointer to const), and qualifiers and SAL annotations
 * (`const`, `_In_opt_`) do not change what is passed. A type is therefore compared through all its spellings.
 */

const QUALIFIERS = new Set(['CONST', 'VOLATILE', 'STRUCT', 'UNION', 'ENUM', 'RESTRICT', '__RESTRICT', 'UNALIGNED', '__UNALIGNED', 'POINTER_64', 'POINTER_32']);

/**
 * A SAL annotation or a compiler decoration (`_In_`, `_Inout_opt_`, `__drv_aliasesMem`, `__in`), not part of the
 * type. SAL names end with `_`; structure tags such as `_DRIVER_OBJECT` do not.
 */
function isAnnotation(word: string): boolean {
  return word.startsWith('__') || (word.length > 1 && word.startsWith('_') && word.endsWith('_'));
}

/**
 * Base name and pointer depth of a C type, without qualifiers and annotations, or null when nothing is left.
 *
 * @example parseCType('const UNICODE_STRING *') // { base: 'UNICODE_STRING', depth: 1 }
 */
export function parseCType(type: string): { base: string; depth: number } | null {
  const withoutBrackets = type.replace(/\[[^\]]*\]/g, ' ').replace(/_[A-Za-z_]*\([^)]*\)/g, ' ');
  const depth = (withoutBrackets.match(/\*/g) ?? []).length;
  const words = withoutBrackets.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  const kept = words.filter((word) => !QUALIFIERS.has(word.toUpperCase()) && !isAnnotation(word));
  const base = kept.at(-1);
  return base === undefined ? null : { base: base.toUpperCase(), depth };
}

/**
 * Every spelling of a parameter type, upper-case, pointers written as trailing `*`:
 * `PEX_RUNDOWN_REF` → {`PEX_RUNDOWN_REF`, `EX_RUNDOWN_REF*`}; `EX_RUNDOWN_REF *` → the same two. A structure tag
 * `_DRIVER_OBJECT` is also spelled as its typedef `DRIVER_OBJECT` (`typedef struct _X { … } X, *PX;`).
 */
export function typeSpellings(type: string): Set<string> {
  const spellings = new Set<string>();
  const parsed = parseCType(type);
  if (parsed === null) return spellings;
  const stars = (n: number) => '*'.repeat(n);
  const add = (base: string, depth: number) => {
    spellings.add(base + stars(depth));
    if (depth >= 1) spellings.add(`P${base}${stars(depth - 1)}`);
    if (base.length > 1 && base.startsWith('P')) spellings.add(base.slice(1) + stars(depth + 1));
    if (base.length > 2 && base.startsWith('PC')) spellings.add(base.slice(2) + stars(depth + 1));
  };
  add(parsed.base, parsed.depth);
  if (/^_[A-Z0-9]/.test(parsed.base)) add(parsed.base.slice(1), parsed.depth);
  return spellings;
}

/**
 * A test of parameter types for one wanted type: the type itself or a pointer to it, in any spelling.
 * `takes:EX_RUNDOWN_REF` and `takes:PEX_RUNDOWN_REF` both accept `PEX_RUNDOWN_REF RunRef`. Answers are kept per
 * distinct parameter type, as a catalog repeats a few hundred types across thousands of parameters.
 */
export function typeMatcher(wanted: string): (parameterType: string) => boolean {
  const accepted = new Set([...typeSpellings(wanted), ...typeSpellings(`${wanted} *`)]);
  const answers = new Map<string, boolean>();
  return (parameterType) => {
    let answer = answers.get(parameterType);
    if (answer === undefined) {
      answer = false;
      for (const spelling of typeSpellings(parameterType)) if (accepted.has(spelling)) answer = true;
      answers.set(parameterType, answer);
    }
    return answer;
  };
}

/** @example takesType('PEX_RUNDOWN_REF', 'EX_RUNDOWN_REF') // true */
export function takesType(parameterType: string, wanted: string): boolean {
  return typeMatcher(wanted)(parameterType);
}
