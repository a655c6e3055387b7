import type { Catalog } from '../../../schema/index.ts';

/**
 * The names a seed states as a table row, list item or bold structure cell (`row`: the seed is a source of
 * that name's record) or as link text to a reference page (`link`: the name is in the catalog, the seed
 * citing its page), found with plain patterns, independently of the pipeline's parsers.
 */
export function statedNames(text: string): Map<string, 'row' | 'link'> {
  const names = new Map<string, 'row' | 'link'>();
  const add = (n: string, kind: 'row' | 'link') => {
    if (/[a-z][A-Z]|_|^[A-Z][A-Z0-9]{3,}$/.test(n.replace(/\|/g, '')) && names.get(n) !== 'row') names.set(n, kind);
  };
  const lines = text.split('\n');
  const frontMatterEnd = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  const isDelimiter = (l: string | undefined) => l !== undefined && /^\s*\|?\s*:?-+/.test(l);
  lines.forEach((line, i) => {
    if (i <= frontMatterEnd) return;
    const row = /^\s*\|?\s*\**([A-Za-z_][A-Za-z0-9_|]*[A-Za-z0-9_])\**\s*[|.]/.exec(line);
    // The first row of a block of rows is the table's header (with or without its delimiter line), not a name.
    const first = !/^\s*\|/.test(lines[i - 1] ?? '');
    if (row && line.includes('|') && !isDelimiter(line) && !first) add(row[1]!, 'row');
    const item = /^\s*(?:[-*]\s+)+\**([A-Za-z_][A-Za-z0-9_]*)\**\s*\.?\s*(?:Use .*)?$/.exec(line);
    if (item) add(item[1]!, 'row');
  });
  for (const m of text.matchAll(/\[\**([A-Za-z_][A-Za-z0-9_]*)\**\]\((?:[^)]*\/ddi\/|\.\.\/)[^)]*\)/g)) add(m[1]!, 'link');
  for (const m of text.matchAll(/<a [^>]*href="[^"]*\/ddi\/[^"]*"[^>]*>(?:<strong>)?([A-Za-z_][A-Za-z0-9_]*)(?:<\/strong>)?<\/a>/g)) add(m[1]!, 'link');
  for (const m of text.matchAll(/<td><strong>([A-Za-z_][A-Za-z0-9_]*)<\/strong><\/td>/g)) add(m[1]!, 'row');
  return names;
}

/**
 * Names (and aliases) of the records that cite `file` as a source, plus every replacement a record citing
 * it names and every header: what a seed's names may legitimately have become.
 */
export function namesFrom(catalog: Catalog, file: string): Set<string> {
  const known = new Set<string>();
  for (const r of [...catalog.routines, ...catalog.structures]) {
    if (r.sources.some((s) => s.file === file)) [r.name, ...r.aliases].forEach((n) => known.add(n));
  }
  for (const r of catalog.replacements) if (r.sources.some((s) => s.file === file)) r.replacedBy.forEach((n) => known.add(n));
  for (const r of catalog.routines) if (r.sources.some((s) => s.file === file)) r.replacedBy.forEach((n) => known.add(n));
  for (const h of catalog.headers) known.add(h.name);
  return known;
}

/** Every name and alias of the catalog. */
export function allNames(catalog: Catalog): Set<string> {
  return new Set([...catalog.routines, ...catalog.structures].flatMap((r) => [r.name, ...r.aliases]));
}

/** The stated names of a seed that are neither where they belong in the catalog nor in the report. */
export function lostNames(catalog: Catalog, report: { quarantined: { raw: string }[]; repairs: { from: string }[] }, file: string, text: string): string[] {
  const reported = new Set([...report.quarantined.map((q) => q.raw), ...report.repairs.map((r) => r.from)]);
  const fromFile = namesFrom(catalog, file);
  const anywhere = allNames(catalog);
  return [...statedNames(text)].filter(([n, kind]) => !reported.has(n) && !(kind === 'row' ? fromFile : anywhere).has(n) && !fromFile.has(n)).map(([n]) => n);
}
