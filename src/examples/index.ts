/**
 * The runnable examples: every `*.example.js` file beside this one, with its expected output
 * (`*.expected.txt`). An example's header comment names it and the routines and structures it demonstrates:
 *   // @title Run-down protection around an object's lifetime
 *   // @routines ExInitializeRundownProtection ExAcquireRundownProtection …
 *   // @structures EX_RUNDOWN_REF
 * `examplesFor(name)` answers which examples a routine or structure page shows.
 */
const sources = import.meta.glob('./*.example.js', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const expected = import.meta.glob('./*.expected.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Example {
  /** File name without `.example.js`: the example's id in URLs. */
  slug: string;
  title: string;
  routines: string[];
  structures: string[];
  source: string;
  expected: string;
}

const TAG = /^\/\/\s*@(title|routines|structures)\s+(.*)$/;

/** Reads the header comment; a missing title or an example naming nothing fails loudly with file and line. */
export function parseExample(file: string, source: string, expectedText: string | undefined): Example {
  const slug = file.replace(/^.*\//, '').replace(/\.example\.js$/, '');
  const meta: Record<string, string> = {};
  source.split('\n').forEach((line, i) => {
    const m = TAG.exec(line.trim());
    if (m) {
      if (meta[m[1]!] !== undefined) throw new Error(`${file}:${i + 1}: @${m[1]} given twice`);
      meta[m[1]!] = m[2]!.trim();
    }
  });
  if (!meta.title) throw new Error(`${file}:1: an example needs a // @title line`);
  const routines = (meta.routines ?? '').split(/\s+/).filter(Boolean);
  const structures = (meta.structures ?? '').split(/\s+/).filter(Boolean);
  if (routines.length + structures.length === 0) throw new Error(`${file}:1: an example needs @routines or @structures`);
  if (expectedText === undefined) throw new Error(`${file}:1: no ${slug}.expected.txt beside it`);
  return { slug, title: meta.title, routines, structures, source, expected: expectedText.replace(/\n$/, '') };
}

export const EXAMPLES: Example[] = Object.entries(sources)
  .map(([file, source]) => parseExample(file, source, expected[file.replace(/\.example\.js$/, '.expected.txt')]))
  .sort((a, b) => a.slug.localeCompare(b.slug));

const byName = new Map<string, Example[]>();
for (const e of EXAMPLES) {
  for (const n of [...e.routines, ...e.structures]) {
    const list = byName.get(n) ?? [];
    list.push(e);
    byName.set(n, list);
  }
}

/** Examples that demonstrate a routine or structure, the most focused (fewest names) first. */
export function examplesFor(name: string): Example[] {
  return [...(byName.get(name) ?? [])].sort((a, b) => a.routines.length + a.structures.length - (b.routines.length + b.structures.length));
}

export function exampleNames(): string[] {
  return [...byName.keys()].sort();
}
