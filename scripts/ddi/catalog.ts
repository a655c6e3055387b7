import { readFileSync } from 'node:fs';
import type { Catalog, Routine, Structure } from '../../schema/index.ts';
import { SCHEMA_VERSION } from '../../schema/catalog.ts';
import { jsonErrorOffset } from './json-error.ts';

/** A mistake in how `ddi` was called or in the file it was given: reported on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Reads a catalog file. It is trusted to be what `npm run ingest` wrote (validating every record with the
 * schema would cost more than answering), so only its outline is checked: the version and the lists `ddi` reads.
 */
export function loadCatalog(file: string): Catalog {
  return parseCatalog(file, readCatalogBytes(file).toString('utf8'));
}

/** The catalog file's bytes, or a `UsageError` saying why there are none. */
export function readCatalogBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no catalog here; run \`npm run ingest\` first, or pass --catalog FILE`);
    throw new UsageError(`${file}: cannot read the catalog (${code ?? String(error)})`);
  }
}

/** Parses and outline-checks a catalog's text; `file` names it in errors. */
export function parseCatalog(file: string, text: string): Catalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text) ?? Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? text.length);
    const where = lineAndColumn(text, offset);
    const found = offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : 'unexpected end of file';
    throw new UsageError(`${file}:${where.line}:${where.column}: not valid JSON: ${found}`);
  }
  const record = data as Partial<Record<keyof Catalog, unknown>> | null;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new UsageError(`${file}:1: not a DDI Atlas catalog: expected an object with schemaVersion and routines`);
  }
  if (record.schemaVersion !== SCHEMA_VERSION) {
    throw new UsageError(`${file}:1: catalog schemaVersion is ${JSON.stringify(record.schemaVersion)}, this ddi reads version ${SCHEMA_VERSION}`);
  }
  for (const key of ['routines', 'structures', 'headers', 'replacements', 'categories'] as const) {
    if (!Array.isArray(record[key])) throw new UsageError(`${file}:1: not a DDI Atlas catalog: "${key}" is not a list`);
  }
  return data as Catalog;
}

export type Entity = { type: 'routine'; record: Routine } | { type: 'structure'; record: Structure };

/** Something with a canonical name and other spellings of it. */
export interface Named {
  name: string;
  aliases: readonly string[];
}

/**
 * Position of the record a name denotes: its canonical name, else one of its aliases (a garbled spelling, a role
 * name such as `DriverEntry`, a pointer typedef such as `PEX_RUNDOWN_REF`), else the same ignoring case when that
 * leaves exactly one record. Earlier records win when two claim one spelling (routines come before structures).
 */
export function findByName(all: readonly Named[], name: string): { index: number; via: string } | null {
  const exactName = all.findIndex((entry) => entry.name === name);
  if (exactName >= 0) return { index: exactName, via: name };
  const exactAlias = all.findIndex((entry) => entry.aliases.includes(name));
  if (exactAlias >= 0) return { index: exactAlias, via: name };
  const lower = name.toLowerCase();
  const byName = all.flatMap((entry, index) => (entry.name.toLowerCase() === lower ? [index] : []));
  if (byName.length === 1) return { index: byName[0]!, via: all[byName[0]!]!.name };
  if (byName.length > 1) return null;
  const byAlias = all.flatMap((entry, index) => (entry.aliases.some((alias) => alias.toLowerCase() === lower) ? [index] : []));
  if (byAlias.length === 1) {
    const alias = all[byAlias[0]!]!.aliases.find((spelling) => spelling.toLowerCase() === lower)!;
    return { index: byAlias[0]!, via: alias };
  }
  return null;
}
