import { createHash } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog, Routine, Structure } from '../../schema/index.ts';
import { parseCatalog, readCatalogBytes, UsageError, type Entity, type Named } from './catalog.ts';
import { routineFacts, type FilterContext, type RoutineFacts } from './filters.ts';

/** What `show` and `search` need to find a record by name. */
export interface ViewEntry extends Named {
  type: Entity['type'];
  /** A routine that is obsolete, reserved or unsupported: search ranks it after equal current ones. */
  demoted: boolean;
}

/**
 * A catalog as `ddi` reads it: the entries (routines, then structures) by name, and the rest on demand: the
 * summaries (search's last tier), the facts the query filters read, and each full record.
 */
export interface CatalogView {
  entries: readonly ViewEntry[];
  summary(index: number): string | null;
  /** Null for structures: the query filters read routines only. */
  facts(index: number): RoutineFacts | null;
  context(): FilterContext;
  entity(index: number): Entity;
}

function entryOf(entity: Entity): ViewEntry {
  return {
    type: entity.type,
    name: entity.record.name,
    aliases: entity.record.aliases,
    demoted: entity.type === 'routine' && entity.record.status !== 'supported',
  };
}

function contextOf(catalog: Catalog): FilterContext {
  const headerNames = new Set<string>(catalog.headers.map((header) => header.name.toLowerCase()));
  for (const routine of catalog.routines) for (const header of routine.headers) headerNames.add(header.toLowerCase());
  const categorySlugs = new Set<string>(catalog.categories.map((category) => category.slug));
  for (const routine of catalog.routines) for (const slug of routine.categories) categorySlugs.add(slug);
  return { headerNames: [...headerNames].sort(), categorySlugs: [...categorySlugs].sort() };
}

function entitiesOf(catalog: Catalog): Entity[] {
  return [
    ...catalog.routines.map((record): Entity => ({ type: 'routine', record })),
    ...catalog.structures.map((record): Entity => ({ type: 'structure', record })),
  ];
}

/** A view of a catalog already in memory. */
export function viewOf(catalog: Catalog): CatalogView {
  const entities = entitiesOf(catalog);
  const entries = entities.map(entryOf);
  let context: FilterContext | undefined;
  const facts = entities.map((entity) => (entity.type === 'routine' ? routineFacts(entity.record) : null));
  return {
    entries,
    summary: (index) => entities[index]!.record.summary,
    facts: (index) => facts[index]!,
    context: () => (context ??= contextOf(catalog)),
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
const INDEX_FORMAT = 2;

/**
 * The index is three files, so that each command parses only what it reads: names and record positions (every
 * command), summaries (search, when names leave room under the limit), filter facts (query). Each carries the
 * catalog's size and time; the names file is written last.
 */
interface IndexNames {
  format: number;
  stamp: string;
  path: string;
  entries: ViewEntry[];
  spans: number[];
}
interface IndexSummaries {
  stamp: string;
  summaries: (string | null)[];
}
interface IndexFacts {
  stamp: string;
  context: FilterContext;
  facts: (RoutineFacts | null)[];
}

function stampOf(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    readCatalogBytes(file);
    throw new UsageError(`${file}: cannot read the catalog`);
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function writeJson(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, file);
}

function viewFromIndex(file: string, base: string, names: IndexNames): CatalogView {
  let descriptor: number | null = null;
  let summaries: IndexSummaries | null = null;
  let facts: IndexFacts | null = null;
  const part = <T extends { stamp: string }>(suffix: string): T => {
    const value = readJson<T>(`${base}.${suffix}.json`);
    if (value === null || value.stamp !== names.stamp) {
      throw new UsageError(`${file}: the catalog changed while ddi was reading it; run the command again`);
    }
    return value;
  };
  return {
    entries: names.entries,
    summary: (index) => (summaries ??= part<IndexSummaries>('summaries')).summaries[index]!,
    facts: (index) => (facts ??= part<IndexFacts>('facts')).facts[index]!,
    context: () => (facts ??= part<IndexFacts>('facts')).context,
    entity(index) {
      const start = names.spans[2 * index]!;
      const end = names.spans[2 * index + 1]!;
      descriptor ??= openSync(file, 'r');
      const buffer = Buffer.alloc(end - start);
      readSync(descriptor, buffer, 0, buffer.length, start);
      const record = JSON.parse(buffer.toString('utf8')) as Routine | Structure;
      return names.entries[index]!.type === 'routine'
        ? { type: 'routine', record: record as Routine }
        : { type: 'structure', record: record as Structure };
    },
  };
}

/**
 * Opens a catalog file. With a cache directory, the first run after the catalog changes parses it whole and
 * keeps an index beside the bundled command (names, summaries, the facts filters read, and where each record
 * lies in the file); later runs read only the parts of the index they need and parse only the records they
 * print, which keeps answers fast however large the catalog grows. A stale index is recognised by the
 * catalog's size and time.
 */
export function openCatalog(file: string, cacheDir?: string): CatalogView {
  if (cacheDir === undefined) return viewOf(parseCatalog(file, readCatalogBytes(file).toString('utf8')));
  const path = resolve(file);
  const stamp = stampOf(path);
  const base = join(cacheDir, `catalog-${createHash('sha1').update(path).digest('hex').slice(0, 16)}`);
  const cached = readJson<IndexNames>(`${base}.names.json`);
  if (cached !== null && cached.format === INDEX_FORMAT && cached.path === path && cached.stamp === stamp) return viewFromIndex(path, base, cached);

  const bytes = readCatalogBytes(file);
  const catalog = parseCatalog(file, bytes.toString('utf8'));
  const view = viewOf(catalog);
  const spans = recordSpans(bytes);
  if (spans.routines.length / 2 !== catalog.routines.length || spans.structures.length / 2 !== catalog.structures.length) {
    throw new Error(`${file}: the record scan disagrees with JSON.parse; the index is not written`);
  }
  const count = view.entries.length;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeJson(`${base}.summaries.json`, { stamp, summaries: Array.from({ length: count }, (_, index) => view.summary(index)) } satisfies IndexSummaries);
    writeJson(`${base}.facts.json`, { stamp, context: view.context(), facts: Array.from({ length: count }, (_, index) => view.facts(index)) } satisfies IndexFacts);
    writeJson(`${base}.names.json`, { format: INDEX_FORMAT, stamp, path, entries: [...view.entries], spans: [...spans.routines, ...spans.structures] } satisfies IndexNames);
  } catch {
    // A read-only cache only costs speed: every run then parses the whole catalog.
  }
  return view;
}
