import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/**
 * A scaled copy of content/: every real source kept, plus clones of the real routine reference pages (and their
 * `.c` prototypes) under new names until the corpus holds `routinePages` routine pages. A clone is a real page
 * with its name and file slug replaced, so sizes and variety stay those of the real corpus. The kernel portal's
 * table rows that name a cloned routine are cloned beside the original row, so the portal grows too.
 */
export interface ScaledCorpus {
  dir: string;
  routinePages: number;
  clonedPages: number;
  clonedPortalRows: number;
}

/** Reference pages of routines: functions (`nf-`) and callbacks (`nc-`). */
const ROUTINE_PAGE = /^n[fc]-[a-z0-9_]+-[a-z0-9_.]+\.md$/;
const PORTAL = /^001_.*\.txt$/;

function listRoutinePages(content: string): string[] {
  const pages: string[] = [];
  const ddi = join(content, 'ddi');
  for (const header of readdirSync(ddi, { withFileTypes: true })) {
    if (!header.isDirectory()) continue;
    for (const file of readdirSync(join(ddi, header.name))) {
      if (ROUTINE_PAGE.test(file)) pages.push(join(ddi, header.name, file));
    }
  }
  return pages.sort();
}

/** The page's `api_name` (first entry of the YAML list), or null. */
function apiName(text: string): string | null {
  return /^api_name:\s*\n\s*-\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/m.exec(text)?.[1] ?? null;
}

/** `A`, `B`, … `Z`, `Aa`, `Ab`, …: a suffix that keeps the clone a plausible camelCase name without digits. */
export function cloneSuffix(generation: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let n = generation;
  let tail = '';
  do {
    tail = letters[n % 26] + tail;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `Clone${tail[0]!.toUpperCase()}${tail.slice(1)}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces a whole identifier (not a part of a longer one). */
function renameIdentifier(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`(?<![A-Za-z0-9_])${escape(from)}(?![A-Za-z0-9_])`, 'g'), to);
}

export function makeScaledCorpus(content: string, out: string, routinePages: number): ScaledCorpus {
  // Beside the corpus, not inside it: the ingest reads every file under its content folder.
  const marker = `${out}.json`;
  if (existsSync(marker)) {
    const previous = JSON.parse(readFileSync(marker, 'utf8')) as ScaledCorpus;
    if (previous.routinePages === routinePages) return previous;
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(dirname(out), { recursive: true });
  cpSync(content, out, { recursive: true });

  const originals = listRoutinePages(content)
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .map((page) => ({ ...page, name: apiName(page.text) }))
    .filter((page): page is { file: string; text: string; name: string } => page.name !== null);
  if (originals.length === 0) throw new Error(`${content}: no routine reference pages to clone`);
  const toClone = Math.max(0, routinePages - listRoutinePages(content).length);

  const rowClones = new Map<string, string[]>();
  for (let i = 0; i < toClone; i++) {
    const page = originals[i % originals.length]!;
    const suffix = cloneSuffix(Math.floor(i / originals.length));
    const name = `${page.name}${suffix}`;
    const slug = basename(page.file, '.md');
    const newSlug = `${slug}${suffix.toLowerCase()}`;
    const rewrite = (text: string) => renameIdentifier(text.split(slug).join(newSlug), page.name, name);
    const target = join(out, relative(content, dirname(page.file)));
    writeFileSync(join(target, `${newSlug}.md`), rewrite(page.text));
    const prototype = page.file.replace(/\.md$/, '.c');
    if (existsSync(prototype)) writeFileSync(join(target, `${newSlug}.c`), rewrite(readFileSync(prototype, 'utf8')));
    const clones = rowClones.get(page.name) ?? [];
    clones.push(name);
    rowClones.set(page.name, clones);
  }

  let clonedPortalRows = 0;
  const seeds = join(out, 'seeds');
  for (const file of readdirSync(seeds).filter((name) => PORTAL.test(name))) {
    const lines = readFileSync(join(seeds, file), 'utf8').split('\n');
    const grown: string[] = [];
    for (const line of lines) {
      grown.push(line);
      const first = /^\|?\s*(?:\*\*|\[)?([A-Za-z_][A-Za-z0-9_]*)(?:\*\*|\])?\s*(?:\(|\|)/.exec(line)?.[1];
      for (const clone of (first && rowClones.get(first)) || []) {
        grown.push(renameIdentifier(line, first!, clone));
        clonedPortalRows++;
      }
    }
    writeFileSync(join(seeds, file), grown.join('\n'));
  }

  const result: ScaledCorpus = { dir: out, routinePages: listRoutinePages(out).length, clonedPages: toClone, clonedPortalRows };
  writeFileSync(marker, JSON.stringify(result));
  return result;
}
