import { createHash } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog, Routine, Structure } from '../../schema/index.ts';
import { parseCatalog, readCatalogBytes, UsageError, type Entity, type Named } from './catalog.ts';
import { routineFacts, type FilterContext, type RoutineFacts } from './filters.ts';

/** What `show`, `search` and `query` need to choose records, without the records' prose. */
export interface ViewEntry extends Named {
  type: Entity['type'];
  summary: string | null;
  /** Null for structures: the query filters read routines only. */
  facts: RoutineFacts | null;
}

/** A catalog as `ddi` reads it: the entries (routines, then structures) and each full record on demand. */
export interface CatalogView extends FilterContext {
  entries: readonly ViewEntry[];
  entity(index: number): Entity;
}

function entryOf(type: Entity['type'], record: Routine | Structure): ViewEntry {
  return {
    type,
    name: record.name,
    aliases: record.aliases,
    summary: record.summary,
    facts: type === 'routine' ? routineFacts(record as Routine) : null,
  };
}

function contextOf(catalog: Catalog): FilterContext {
  const headerNames = new Set<string>(catalog.headers.map((header) => header.name.toLowerCase()));
  for (const routine of catalog.routines) for (const header of routine.headers) headerNames.add(header.toLowerCase());
  const categorySlugs = new Set<string>(catalog.categories.map((category) => category.slug));
  for (const routine of catalog.routines) for (const slug of routine.categories) categorySlugs.add(slug);
  return { headerNames: [...headerNames].sort(), categorySlugs: [...categorySlugs].sort() };
}

/** A view of a catalog already in memory. */
export function viewOf(catalog: Catalog): CatalogView {
  const entities: Entity[] = [
    ...catalog.routines.map((record): Entity => ({ type: 'routine', record })),
    ...catalog.structures.map((record): Entity => ({ type: 'structure', record })),
  ];
  return {
    ...contextOf(catalog),
    entries: entities.map((entity) => entryOf(entity.type, entity.record)),
    entity: (index) => entities[index]!,
  };
}

const SPACE = new Set([0x20, 0x0a, 0x0d, 0x09]);

/**
 * Byte ranges of every element of the top-level `routines` and `structures` lists of a valid catalog, so one
 * record can later be read and parsed without parsing the whole file. JSON's structural characters are ASCII,
 * so the scan can walk UTF-8 bytes directly.
 */
export function recordSpans(bytes: Uint8Array): { routines: number[]; structures: number[] } {
  const length = bytes.length;
  let i = 0;
  const fail = (expected: string): never => {
    throw new Error(`catalog byte ${i}: expected ${expected}`);
  };
  const space = () => {
    while (i < length && SPACE.has(bytes[i]!)) i++;
  };
  const skipString = () => {
    i++;
    while (i < length && bytes[i] !== 0x22) i += bytes[i] === 0x5c ? 2 : 1;
    if (i >= length) fail('the end of a string');
    i++;
  };
  const skipValue = () => {
    space();
    const first = bytes[i];
    if (first === 0x22) return skipString();
    if (first === 0x7b || first === 0x5b) {
      let depth = 0;
      do {
        const byte = bytes[i];
        if (byte === 0x22) {
          skipString();
          continue;
        }
        if (byte === 0x7b || byte === 0x5b) depth++;
        else if (byte === 0x7d || byte === 0x5d) depth--;
        i++;
      } while (depth > 0 && i < length);
      if (depth > 0) fail('the end of a list or object');
      return;
    }
    while (i < length && !SPACE.has(bytes[i]!) && bytes[i] !== 0x2c && bytes[i] !== 0x7d && bytes[i] !== 0x5d) i++;
  };
  const spans = { routines: [] as number[], structures: [] as number[] };
  space();
  if (bytes[i] !== 0x7b) fail('{');
  i++;
  for (;;) {
    space();
    if (bytes[i] === 0x7d) break;
    if (bytes[i] !== 0x22) fail('a key');
    const keyStart = i;
    skipString();
    const key = JSON.parse(Buffer.from(bytes.subarray(keyStart, i)).toString('utf8')) as string;
    space();
    if (bytes[i] !== 0x3a) fail(':');
    i++;
    space();
    const list = key === 'routines' || key === 'structures' ? spans[key] : null;
    if (list === null) skipValue();
    else {
      if (bytes[i] !== 0x5b) fail(`a list for "${key}"`);
      i++;
      for (;;) {
        space();
        if (bytes[i] === 0x5d) {
          i++;
          break;
        }
        const start = i;
        skipValue();
        list.push(start, i);
        space();
        if (bytes[i] === 0x2c) i++;
      }
    }
    space();
    if (bytes[i] === 0x2c) i++;
  }
  return spans;
}

/** Bump when the index's layout or the meaning of its fields changes. */
const INDEX_FORMAT = 1;

interface IndexFile {
  format: number;
  catalog: { path: string; size: number; mtimeMs: number };
  context: FilterContext;
  entries: ViewEntry[];
  spans: number[];
}

function statOf(file: string): { size: number; mtimeMs: number } {
  try {
    const stat = statSync(file);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    readCatalogBytes(file);
    throw new UsageError(`${file}: cannot read the catalog`);
  }
}

function readIndex(indexFile: string, path: string, stat: { size: number; mtimeMs: number }): IndexFile | null {
  try {
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as IndexFile;
    const fresh = index.format === INDEX_FORMAT && index.catalog.path === path && index.catalog.size === stat.size && index.catalog.mtimeMs === stat.mtimeMs;
    return fresh ? index : null;
  } catch {
    return null;
  }
}

function viewFromIndex(file: string, index: IndexFile): CatalogView {
  let descriptor: number | null = null;
  return {
    ...index.context,
    entries: index.entries,
    entity(position) {
      const start = index.spans[2 * position]!;
      const end = index.spans[2 * position + 1]!;
      descriptor ??= openSync(file, 'r');
      const buffer = Buffer.alloc(end - start);
      readSync(descriptor, buffer, 0, buffer.length, start);
      const record = JSON.parse(buffer.toString('utf8')) as Routine | Structure;
      return index.entries[position]!.type === 'routine'
        ? { type: 'routine', record: record as Routine }
        : { type: 'structure', record: record as Structure };
    },
  };
}

/**
 * Opens a catalog file. With a cache directory, the first run after the catalog changes parses it whole and
 * keeps an index beside the bundled command (names, aliases, summaries, the facts filters read, and where each
 * record lies in the file); later runs read the index and parse only the records they print, which keeps the
 * answer fast however large the catalog grows. A stale index is recognised by the catalog's size and time.
 */
export function openCatalog(file: string, cacheDir?: string): CatalogView {
  if (cacheDir === undefined) return viewOf(parseCatalog(file, readCatalogBytes(file).toString('utf8')));
  const path = resolve(file);
  const stat = statOf(path);
  const indexFile = join(cacheDir, `catalog-${createHash('sha1').update(path).digest('hex').slice(0, 16)}.json`);
  const cached = readIndex(indexFile, path, stat);
  if (cached !== null) return viewFromIndex(path, cached);

  const bytes = readCatalogBytes(file);
  const catalog = parseCatalog(file, bytes.toString('utf8'));
  const view = viewOf(catalog);
  const spans = recordSpans(bytes);
  if (spans.routines.length / 2 !== catalog.routines.length || spans.structures.length / 2 !== catalog.structures.length) {
    throw new Error(`${file}: the record scan disagrees with JSON.parse; the index is not written`);
  }
  const index: IndexFile = {
    format: INDEX_FORMAT,
    catalog: { path, ...stat },
    context: { headerNames: view.headerNames, categorySlugs: view.categorySlugs },
    entries: [...view.entries],
    spans: [...spans.routines, ...spans.structures],
  };
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${indexFile}.${process.pid}.${Date.now()}`;
    writeFileSync(temporary, JSON.stringify(index));
    renameSync(temporary, indexFile);
  } catch {
    // A read-only cache only costs speed: every run then parses the whole catalog.
  }
  return view;
}
