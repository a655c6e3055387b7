import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestError, ingest } from '../../scripts/ingest/index.ts';
import { Catalog, IngestReport } from '../../schema/index.ts';
import { lostNames } from './helpers/seed-names.ts';

/**
 * Ingestion under bad input: the real seeds and a slice of the real corpus, mutated by fast-check (pipes
 * dropped or doubled, lines and files truncated, random bytes, invalid UTF-8, broken front matter,
 * unclosed HTML, empty files, a routine twice with conflicting facts, a page for a name no source knows).
 * Whatever the input: no crash; either a valid catalog and report, or an IngestError whose every line is
 * `file:line: message`; every page and every stated seed name is in the catalog or the report; the same
 * input gives a byte-identical catalog.
 */
const content = join(import.meta.dirname, '..', '..', 'content');
const pages = readdirSync(join(content, 'ddi'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md'))
  .sort()
  .filter((_, i) => i % 60 === 0);
const seeds = readdirSync(join(content, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const base: Record<string, Buffer> = {};
for (const s of seeds) base[`seeds/${s}`] = readFileSync(join(content, 'seeds', s));
for (const p of pages) {
  base[`ddi/${p}`] = readFileSync(join(content, 'ddi', p));
  base[`ddi/${p.replace(/\.md$/, '.c')}`] = readFileSync(join(content, 'ddi', p.replace(/\.md$/, '.c')));
}
const files = Object.keys(base).sort();

type Mutation =
  | { kind: 'drop-pipes' | 'double-pipes' | 'truncate-line' | 'drop-line' | 'unclose-html' | 'break-front-matter'; file: number; line: number }
  | { kind: 'truncate-file' | 'empty-file'; file: number; at: number }
  | { kind: 'random-bytes' | 'invalid-utf8'; file: number; at: number; bytes: number[] }
  | { kind: 'conflicting-copy' | 'unknown-page'; file: number; seed: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop-pipes', 'double-pipes', 'truncate-line', 'drop-line', 'unclose-html', 'break-front-matter'), file: fc.nat(), line: fc.nat() }),
  fc.record({ kind: fc.constantFrom('truncate-file', 'empty-file'), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('random-bytes', 'invalid-utf8'), file: fc.nat(), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constantFrom('conflicting-copy', 'unknown-page'), file: fc.nat(), seed: fc.nat() }),
);

function apply(tree: Record<string, Buffer>, m: Mutation): void {
  const name = files[m.file % files.length]!;
  const buf = tree[name]!;
  const lines = buf.toString('utf8').split('\n');
  const li = 'line' in m ? m.line % Math.max(1, lines.length) : 0;
  const set = (s: string): void => {
    tree[name] = Buffer.from(s, 'utf8');
  };
  switch (m.kind) {
    case 'drop-pipes':
      lines[li] = lines[li]!.replace(/\|/g, '');
      return set(lines.join('\n'));
    case 'double-pipes':
      lines[li] = lines[li]!.replace(/\|/g, '||');
      return set(lines.join('\n'));
    case 'truncate-line':
      lines[li] = lines[li]!.slice(0, Math.floor(lines[li]!.length / 2));
      return set(lines.join('\n'));
    case 'drop-line':
      lines.splice(li, 1);
      return set(lines.join('\n'));
    case 'unclose-html':
      lines[li] = lines[li]!.replace(/<\/(td|tr|table|p|a|b|strong)>/g, '');
      return set(lines.join('\n'));
    case 'break-front-matter':
      return set(buf.toString('utf8').replace(/^---\n/, '---\nbroken: [unclosed\n').replace(/\n---\n/, '\n-- -\n'));
    case 'truncate-file':
      tree[name] = buf.subarray(0, m.at % Math.max(1, buf.length));
      return;
    case 'empty-file':
      tree[name] = Buffer.alloc(0);
      return;
    case 'random-bytes':
    case 'invalid-utf8': {
      const at = m.at % Math.max(1, buf.length);
      const bytes = m.kind === 'invalid-utf8' ? [0xc3, 0x28, 0xff, 0xfe, ...m.bytes.map((b) => b | 0x80)] : m.bytes;
      tree[name] = Buffer.concat([buf.subarray(0, at), Buffer.from(bytes), buf.subarray(at)]);
      return;
    }
    case 'conflicting-copy': {
      const page = files.filter((f) => f.startsWith('ddi/') && f.endsWith('.md'))[m.seed % pages.length]!;
      const text = tree[page]!.toString('utf8').replace(/^req\.irql:.*$/m, 'req.irql: HIGH_LEVEL').replace(/^req\.header:.*$/m, 'req.header: other.h');
      tree[page.replace(/^ddi\/[^/]+\//, 'ddi/other/')] = Buffer.from(text, 'utf8');
      return;
    }
    case 'unknown-page': {
      const n = `ZzUnknownRoutine${m.seed % 1000}`;
      tree[`ddi/wdm/nf-wdm-${n.toLowerCase()}.md`] = Buffer.from(`---\nUID: NF:wdm.${n}\ntitle: ${n} function (wdm.h)\ndescription: Does nothing.\nreq.header: wdm.h\napi_name:\n - ${n}\n---\n\n## -description\n\nDoes nothing.\n`, 'utf8');
      return;
    }
  }
}

const work = mkdtempSync(join(tmpdir(), 'ddi-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);
let tried = 0;

function write(tree: Record<string, Buffer>): string {
  const dir = join(work, String(tried++));
  for (const [f, b] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), b);
  }
  return dir;
}

function check(dir: string, tree: Record<string, Buffer>, { twice = true } = {}): void {
  let result;
  try {
    result = ingest({ contentDir: dir });
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    for (const line of (e as IngestError).errors) expect(line).toMatch(/^[^\s:]+:\d+: \S/);
    return;
  }
  expect(Catalog.safeParse(result.catalog).success).toBe(true);
  expect(IngestReport.safeParse(result.report).success).toBe(true);
  const sourced = new Set([...result.catalog.routines, ...result.catalog.structures].flatMap((r) => r.sources.map((s) => s.file)));
  const quarantinedFiles = new Set(result.report.quarantined.map((q) => q.file));
  // A page quarantined whole (its front matter unreadable) is in the report with everything it names.
  const wholePages = new Set(result.report.quarantined.filter((q) => q.reason === 'unparseable-page').map((q) => q.file));
  for (const f of Object.keys(tree)) {
    if (f.startsWith('ddi/') && f.endsWith('.md')) expect(sourced.has(f) || quarantinedFiles.has(f), `${f} is neither in the catalog nor in the report`).toBe(true);
    if (f.startsWith('seeds/') && !wholePages.has(f)) expect(lostNames(result.catalog, result.report, f, tree[f]!.toString('utf8')), `names of ${f} lost`).toEqual([]);
  }
  if (!twice) return;
  const again = ingest({ contentDir: dir });
  expect(JSON.stringify(again.catalog)).toBe(JSON.stringify(result.catalog));
}

describe('ingestion under mutated real sources', () => {
  it('never crashes, never loses a name silently, and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const tree = { ...base };
        for (const m of ms) apply(tree, m);
        check(write(tree), tree);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 30), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    expect(tried).toBeGreaterThan(0);
  }, 600_000);

  it('copes with a 10 MB line', () => {
    const tree = { ...base };
    const portal = files.find((f) => f.startsWith('seeds/001_'))!;
    tree[portal] = Buffer.concat([tree[portal]!, Buffer.from('\n|' + 'KeSetEvent|'.repeat(1_000_000) + '\n')]);
    check(write(tree), tree, { twice: false });
  }, 300_000);
});
