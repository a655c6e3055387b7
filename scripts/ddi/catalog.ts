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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no catalog here; run \`npm run ingest\` first, or pass --catalog FILE`);
    throw new UsageError(`${file}: cannot read the catalog (${code ?? String(error)})`);
  }
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

/** Routines, then structures: the records `show` and `search` look through, in a stable order. */
export function entities(catalog: Catalog): Entity[] {
  return [
    ...catalog.routines.map((record): Entity => ({ type: 'routine', record })),
    ...catalog.structures.map((record): Entity => ({ type: 'structure', record })),
  ];
}

/**
 * The record a name denotes: its canonical name, else one of its aliases (a garbled spelling, a role name such
 * as `DriverEntry`, a pointer typedef such as `PEX_RUNDOWN_REF`), else the same ignoring case when that leaves
 * exactly one record. Routines win over structures when both claim a spelling.
 */
export function findEntity(all: readonly Entity[], name: string): { entity: Entity; via: string } | null {
  const exactName = all.find((entity) => entity.record.name === name);
  if (exactName) return { entity: exactName, via: name };
  const exactAlias = all.find((entity) => entity.record.aliases.includes(name));
  if (exactAlias) return { entity: exactAlias, via: name };
  const lower = name.toLowerCase();
  const byName = all.filter((entity) => entity.record.name.toLowerCase() === lower);
  if (byName.length === 1) return { entity: byName[0]!, via: byName[0]!.record.name };
  if (byName.length > 1) return null;
  const byAlias = all.filter((entity) => entity.record.aliases.some((alias) => alias.toLowerCase() === lower));
  if (byAlias.length === 1) {
    const alias = byAlias[0]!.record.aliases.find((spelling) => spelling.toLowerCase() === lower)!;
    return { entity: byAlias[0]!, via: alias };
  }
  return null;
}
