import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Catalog } from '../schema/index.ts';
import { figure, notMeasured, type Figure, type Group } from './figures.ts';
import { median, repeat, runProcess } from './measure.ts';
import { serveStatic, type Hit } from './static-server.ts';

export interface SiteCorpus {
  label: string;
  routinePages: number;
  catalog: string;
}

export interface SiteOptions {
  root: string;
  work: string;
  only: Set<Group>;
  runs: number;
  corpora: SiteCorpus[];
  log(text: string): void;
}

/** Size, in routine pages, from which a corpus counts as "the 20,000-page site". */
const LARGE = 20_000;

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** The 20 queries of the search figures: exact names, prefixes, words, camelCase parts, typos, full text. */
export const SEARCH_QUERIES = [
  'ExAcquireRundownProtection',
  'KeAcquireSpinLock',
  'IoCallDriver',
  'ExAllocatePool2',
  'RtlCopyMemory',
  'ZwCreateFile',
  'KeAcq',
  'RtlString',
  'acquire spin',
  'rundown',
  'lookaside',
  'spin lock',
  'unicode string',
  'SpinLock',
  'AllocatePool',
  'DpcLevel',
  'rundwon',
  'KeAquireSpinLock',
  'paged pool',
  'interrupt',
];

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function folderStats(dir: string): { bytes: number; files: number; htmlPages: number } {
  let bytes = 0;
  let files = 0;
  let htmlPages = 0;
  for (const file of walk(dir)) {
    bytes += statSync(file).size;
    files++;
    if (file.endsWith('.html')) htmlPages++;
  }
  return { bytes, files, htmlPages };
}

/**
 * Mean size of the routine pages' HTML, as written and gzip-compressed (on up to 2,000 pages spread evenly):
 * the figure that must stay flat as pages grow.
 */
function htmlPerRoutinePage(dist: string): { raw: number; gzip: number } {
  const routines = join(dist, 'routines');
  const pages: string[] = [];
  for (const entry of readdirSync(routines, { withFileTypes: true })) {
    const page = join(routines, entry.name, 'index.html');
    if (entry.isDirectory() && existsSync(page)) pages.push(page);
  }
  pages.sort();
  const step = Math.max(1, Math.floor(pages.length / 2000));
  let raw = 0;
  let packed = 0;
  let count = 0;
  for (let i = 0; i < pages.length; i += step) {
    const html = readFileSync(pages[i]!);
    raw += html.length;
    packed += gzipSync(html).length;
    count++;
  }
  return { raw: raw / count, gzip: packed / count };
}

/**
 * The build floor's catalog: the same routines and structures (so the same pages, with the site's own layout),
 * each reduced to what names and places it, with an empty body: no prose, prototype, parameters or links.
 */
export function emptyBodyCatalog(catalog: Catalog): Catalog {
  return {
    ...catalog,
    routines: catalog.routines.map((routine) => ({
      ...routine,
      aliases: [],
      includeHeader: null,
      library: null,
      dll: null,
      irql: null,
      minimumOs: null,
      replacedBy: [],
      summary: null,
      description: null,
      parameters: [],
      returns: null,
      remarks: null,
      signature: null,
      seeAlso: [],
      officialUrl: null,
    })),
    structures: catalog.structures.map((structure) => ({
      ...structure,
      aliases: [],
      includeHeaders: [],
      summary: null,
      description: null,
      typedef: null,
      notes: [],
      minimumOs: null,
      routines: [],
    })),
    replacements: catalog.replacements.map((replacement) => ({ ...replacement, replacedBy: [], note: null })),
  };
}

interface BuildResult {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  bytes: number;
  htmlPages: number;
  htmlPerRoutinePage: { raw: number; gzip: number };
}

function build(options: SiteOptions, catalog: string, outDir: string, label: string): BuildResult {
  options.log(`astro build ${label} → ${relative(options.root, outDir)}`);
  const astro = join(options.root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const hook = join(options.root, 'bench', 'child', 'stats-hook.mjs');
  const [run] = repeat(1, `astro build ${label}`, () =>
    runProcess(process.execPath, ['--import', hook, astro, 'build', '--outDir', outDir], { cwd: options.root, env: { DDI_CATALOG: catalog } }),
  );
  const stats = folderStats(outDir);
  return { ms: run!.ms, cpuMs: run!.cpuMs ?? Number.NaN, maxRssMB: (run!.maxRssKB ?? Number.NaN) / 1024, bytes: stats.bytes, htmlPages: stats.htmlPages, htmlPerRoutinePage: htmlPerRoutinePage(outDir) };
}

function buildGroup(options: SiteOptions, figures: Figure[]): Map<number, string> {
  const built = new Map<number, string>();
  const corpora = [options.corpora[0]!, ...options.corpora.filter((corpus) => corpus.routinePages >= LARGE).slice(-1)];
  if (!options.corpora.some((corpus) => corpus.routinePages >= LARGE)) {
    figures.push(notMeasured('build', 'build-large', `astro build of the ${LARGE.toLocaleString('en-US')}-page site`, 'no scaled corpus of 20,000 pages was requested (--scaled)'));
  }
  const perPage: { pages: number; ms: number; html: number }[] = [];
  for (const corpus of corpora) {
    if (!existsSync(corpus.catalog)) {
      figures.push(notMeasured('build', `build-${corpus.routinePages}`, `astro build, ${corpus.label}`, `no catalog at ${relative(options.root, corpus.catalog)} (run the ingest group)`));
      continue;
    }
    const floorDir = join(options.work, `floor-${corpus.routinePages}`);
    mkdirSync(floorDir, { recursive: true });
    const floorCatalog = join(floorDir, 'catalog.json');
    writeFileSync(floorCatalog, JSON.stringify(emptyBodyCatalog(JSON.parse(readFileSync(corpus.catalog, 'utf8')) as Catalog)));
    const outDir = join(options.work, `dist-${corpus.routinePages}`);
    let site: BuildResult;
    let floor: BuildResult;
    try {
      site = build(options, corpus.catalog, outDir, corpus.label);
      floor = build(options, floorCatalog, join(options.work, `dist-floor-${corpus.routinePages}`), `${corpus.label}, empty bodies`);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => line.trim()).slice(0, 2).join(' — ');
      figures.push(notMeasured('build', `build-${corpus.routinePages}`, `astro build, ${corpus.label}`, `the build failed: ${reason.slice(0, 300)}`));
      continue;
    }
    built.set(corpus.routinePages, outDir);
    perPage.push({ pages: corpus.routinePages, ms: site.cpuMs, html: site.htmlPerRoutinePage.raw });
    const large = corpus.routinePages >= LARGE;
    figures.push(
      figure({
        group: 'build',
        id: `build-time-${corpus.routinePages}`,
        label: `astro build wall time, ${corpus.label} (${site.htmlPages.toLocaleString('en-US')} HTML pages)`,
        unit: 'ms',
        value: site.ms,
        runs: [site.ms],
        floor: { label: 'same pages, empty bodies', value: floor.ms },
        ratio: site.ms / floor.ms,
        target: large ? { text: '≤ 120 s', met: site.ms <= 120_000 } : null,
        notes: `${((site.htmlPages * 1000) / site.ms).toFixed(0)} pages/s (floor ${((floor.htmlPages * 1000) / floor.ms).toFixed(0)}); includes pagefind and the post-build pass`,
      }),
      figure({
        group: 'build',
        id: `build-cpu-${corpus.routinePages}`,
        label: `astro build CPU time, ${corpus.label}`,
        unit: 'ms',
        value: site.cpuMs,
        runs: [site.cpuMs],
        floor: { label: 'same pages, empty bodies', value: floor.cpuMs },
        ratio: site.cpuMs / floor.cpuMs,
        target: { text: '≤ 2× floor', met: site.cpuMs / floor.cpuMs <= 2 },
        notes: 'user + system CPU of the astro process, without the pagefind binary it starts; steadier than wall time on a shared machine, so the floor ratio is judged here',
      }),
      figure({
        group: 'build',
        id: `build-memory-${corpus.routinePages}`,
        label: `astro build peak memory, ${corpus.label}`,
        unit: 'MB',
        value: site.maxRssMB,
        runs: [site.maxRssMB],
        floor: { label: 'empty bodies', value: floor.maxRssMB },
        ratio: site.maxRssMB / floor.maxRssMB,
        notes: 'the astro process; the pagefind binary it starts is not counted',
      }),
      figure({
        group: 'build',
        id: `build-output-${corpus.routinePages}`,
        label: `output size, ${corpus.label}`,
        unit: 'MB',
        value: site.bytes / 2 ** 20,
        runs: [site.bytes / 2 ** 20],
        floor: { label: 'empty bodies', value: floor.bytes / 2 ** 20 },
        ratio: site.bytes / floor.bytes,
      }),
      figure({
        group: 'build',
        id: `build-html-per-page-${corpus.routinePages}`,
        label: `HTML per routine page (uncompressed), ${corpus.label}`,
        unit: 'bytes',
        value: site.htmlPerRoutinePage.raw,
        runs: [site.htmlPerRoutinePage.raw],
        floor: { label: 'empty bodies', value: floor.htmlPerRoutinePage.raw },
        ratio: site.htmlPerRoutinePage.raw / floor.htmlPerRoutinePage.raw,
      }),
      figure({
        group: 'build',
        id: `build-html-gzip-per-page-${corpus.routinePages}`,
        label: `HTML per routine page (gzip), ${corpus.label}`,
        unit: 'bytes',
        value: site.htmlPerRoutinePage.gzip,
        runs: [site.htmlPerRoutinePage.gzip],
        floor: { label: 'empty bodies', value: floor.htmlPerRoutinePage.gzip },
        ratio: site.htmlPerRoutinePage.gzip / floor.htmlPerRoutinePage.gzip,
        notes: 'the floor is what the layout alone weighs on every page',
      }),
    );
  }
  if (perPage.length > 1) {
    const [first, last] = [perPage[0]!, perPage.at(-1)!];
    const exponent = Math.log(last.ms / first.ms) / Math.log(last.pages / first.pages);
    figures.push(
      figure({
        group: 'build',
        id: 'build-growth',
        label: `growth of build CPU time from ${first.pages.toLocaleString('en-US')} to ${last.pages.toLocaleString('en-US')} routine pages (time ∝ pages^k)`,
        unit: 'k',
        value: exponent,
        runs: [exponent],
        notes: `HTML per routine page ${Math.round(first.html)} → ${Math.round(last.html)} bytes (${(last.html / first.html).toFixed(2)}×)`,
        target: { text: 'HTML per page flat', met: last.html / first.html <= 1.1 },
      }),
    );
  }
  return built;
}

function sum(hits: readonly Hit[], kind?: Hit['kind']): number {
  return hits.filter((hit) => kind === undefined || hit.kind === kind).reduce((total, hit) => total + hit.bytes, 0);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle');
}

/** Pages of each type in a built site, chosen by rule: the first of each folder in name order. */
function samplePages(dist: string): { type: string; path: string }[] {
  const first = (folder: string) => {
    const dir = join(dist, folder);
    if (!existsSync(dir)) return null;
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html')))
      .map((entry) => entry.name)
      .sort();
    return names[0] === undefined ? null : `/${folder}/${encodeURIComponent(names[0])}/`;
  };
  const routine = existsSync(join(dist, 'routines', 'ExAcquireRundownProtection', 'index.html')) ? '/routines/ExAcquireRundownProtection/' : first('routines');
  const header = existsSync(join(dist, 'headers', 'wdm.h', 'index.html')) ? '/headers/wdm.h/' : first('headers');
  return [
    { type: 'home', path: '/' },
    { type: 'routine', path: routine },
    { type: 'structure', path: first('structures') },
    { type: 'header', path: header },
    { type: 'category', path: first('categories') },
  ].filter((entry): entry is { type: string; path: string } => entry.path !== null);
}

async function pageWeightGroup(options: SiteOptions, browser: Browser, dist: string, figures: Figure[]): Promise<void> {
  const server = await serveStatic(dist);
  try {
    const pages = samplePages(dist);
    const routine = pages.find((entry) => entry.type === 'routine');
    for (const sample of pages) {
      // Service workers blocked: their install-time precache is not part of a first visit.
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const before = server.hits.length;
      await page.goto(server.url + sample.path);
      await settle(page);
      const hits = server.hits.slice(before);
      const total = sum(hits);
      figures.push(
        figure({
          group: 'page-weight',
          id: `weight-first-${sample.type}`,
          label: `first visit, ${sample.type} page (${decodeURIComponent(sample.path)})`,
          unit: 'KB gzip',
          value: total / 1024,
          runs: [total / 1024],
          floor: { label: 'the page’s own HTML', value: sum(hits, 'html') / 1024 },
          ratio: total / sum(hits, 'html'),
          target: sample.type === 'routine' ? { text: '≤ 25 KB', met: total / 1024 <= 25 } : null,
          notes: `HTML ${(sum(hits, 'html') / 1024).toFixed(1)} KB, CSS ${(sum(hits, 'css') / 1024).toFixed(1)} KB, JS ${(sum(hits, 'js') / 1024).toFixed(1)} KB, other ${(sum(hits, 'other') / 1024).toFixed(1)} KB; ${hits.length} requests`,
        }),
      );
      if (sample === routine) {
        // A second page in the same browser: what the warm cache does not already hold.
        const others = readdirSync(join(dist, 'routines'), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .sort();
        const second = others.find((name) => `/routines/${encodeURIComponent(name)}/` !== sample.path);
        if (second !== undefined) {
          const mark = server.hits.length;
          await page.goto(`${server.url}/routines/${encodeURIComponent(second)}/`);
          await settle(page);
          const warm = server.hits.slice(mark);
          figures.push(
            figure({
              group: 'page-weight',
              id: 'weight-second-routine',
              label: `second routine page, warm cache (/routines/${second}/)`,
              unit: 'KB gzip',
              value: sum(warm) / 1024,
              runs: [sum(warm) / 1024],
              floor: { label: 'the page’s own HTML', value: sum(warm, 'html') / 1024 },
              ratio: sum(warm) / sum(warm, 'html'),
              target: { text: '≤ 5 KB', met: sum(warm) / 1024 <= 5 },
              notes: `${warm.length} requests: ${warm.map((hit) => hit.path).join(', ')}`,
            }),
          );
        }
      }
      await context.close();
    }
  } finally {
    await server.stop();
  }
}

/**
 * Time from setting the query to the first rendered result, in the page's own clock. Written as text: the
 * TypeScript loader would decorate a function with helpers that do not exist inside the page.
 */
const TIME_QUERY = `async (text) => {
  const input = document.querySelector('[data-search-inline] input');
  if (!input) throw new Error('no inline search box on the page');
  const count = () => document.querySelectorAll('[role="option"]').length;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const cleared = performance.now();
  while (count() > 0 && performance.now() - cleared < 2000) await frame();
  const started = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (;;) {
    if (count() > 0) return performance.now() - started;
    if (performance.now() - started > 10000) return null;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}`;

async function timeQuery(page: Page, query: string): Promise<number | null> {
  return (await page.evaluate(`(${TIME_QUERY})(${JSON.stringify(query)})`)) as number | null;
}

async function searchGroup(options: SiteOptions, browser: Browser, dist: string, label: string, figures: Figure[]): Promise<void> {
  const pagefind = join(dist, 'pagefind');
  if (existsSync(pagefind)) {
    const stats = folderStats(pagefind);
    figures.push(figure({ group: 'search', id: `search-index-${label}`, label: `pagefind index, ${label}`, unit: 'MB', value: stats.bytes / 2 ** 20, runs: [stats.bytes / 2 ** 20], notes: `${stats.files} files` }));
  }
  const names = join(dist, 'search', 'names.json');
  if (existsSync(names)) {
    const bytes = statSync(names).size;
    figures.push(figure({ group: 'search', id: `search-names-${label}`, label: `name index (/search/names.json, uncompressed), ${label}`, unit: 'KB', value: bytes / 1024, runs: [bytes / 1024] }));
  }
  const server = await serveStatic(dist);
  try {
    const cold: number[] = [];
    const coldBytes: number[] = [];
    const warm: number[] = [];
    const missing: string[] = [];
    const heavy: string[] = [];
    for (const query of SEARCH_QUERIES) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await settle(page);
      const mark = server.hits.length;
      const first = await timeQuery(page, query);
      await page.waitForLoadState('networkidle');
      const fetched = sum(server.hits.slice(mark));
      const again = await timeQuery(page, query);
      if (first === null || again === null) missing.push(query);
      else {
        cold.push(first);
        coldBytes.push(fetched / 1024);
        warm.push(again);
        if (fetched / 1024 > 100) heavy.push(`"${query}" ${(fetched / 1024).toFixed(0)} KB`);
      }
      await context.close();
    }
    const note = `${cold.length} of ${SEARCH_QUERIES.length} queries${missing.length > 0 ? `; no result within 10 s for: ${missing.join(', ')}` : ''}`;
    figures.push(
      figure({ group: 'search', id: `search-cold-${label}`, label: `keystroke to first result, first query of a visit, ${label}`, unit: 'ms', value: median(cold), runs: cold, notes: `median of ${note}; loads the search UI and its index` }),
      figure({ group: 'search', id: `search-cold-bytes-${label}`, label: `bytes fetched by the first query, ${label}`, unit: 'KB gzip', value: median(coldBytes), runs: coldBytes, target: { text: '≤ 100 KB', met: Math.max(...coldBytes) <= 100 }, notes: `median of ${note}; over 100 KB: ${heavy.join(', ') || 'none'}` }),
      figure({ group: 'search', id: `search-warm-${label}`, label: `keystroke to first result, warm, ${label}`, unit: 'ms', value: median(warm), runs: warm, target: { text: '≤ 150 ms', met: median(warm) <= 150 }, notes: `median of ${note}; slowest ${Math.max(...warm).toFixed(0)} ms` }),
    );
  } finally {
    await server.stop();
  }
}

/**
 * Start of an example in the Web Worker: after "Edit & run" has loaded the editor, the time from clicking Run to
 * the first printed line, for a first run (the worker and the emulator load) and a second one. Text, as above.
 */
const TIME_EXAMPLE = `async () => {
  const root = document.querySelector('.runnable-example');
  if (!root) throw new Error('no runnable example on the page');
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const open = root.querySelector('.rx-open');
  open.click();
  const opened = performance.now();
  while (open.textContent.trim() !== 'Close') {
    if (performance.now() - opened > 20000) throw new Error('the editor did not load within 20 s');
    await wait(5);
  }
  const output = root.querySelector('.rx-output');
  const status = root.querySelector('.rx-status');
  const times = [];
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    root.querySelector('.rx-run').click();
    while (output.textContent.trim() === '') {
      if (performance.now() - started > 20000) throw new Error('no output within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    times.push(performance.now() - started);
    while (status.textContent === 'Running…' && performance.now() - started < 20000) await wait(5);
  }
  return { times, example: root.getAttribute('data-example') };
}`;

export async function workerStartGroup(browser: Browser, dist: string, figures: Figure[]): Promise<void> {
  const routine = '/routines/ExAcquireRundownProtection/';
  const page = readFileSync(join(dist, 'routines', 'ExAcquireRundownProtection', 'index.html'), 'utf8').includes('runnable-example') ? routine : '/playground/';
  const server = await serveStatic(dist);
  try {
    const first: number[] = [];
    const second: number[] = [];
    let example = '';
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const tab = await context.newPage();
      await tab.goto(server.url + page);
      await settle(tab);
      const result = (await tab.evaluate(`(${TIME_EXAMPLE})()`)) as { times: number[]; example: string };
      first.push(result.times[0]!);
      second.push(result.times[1]!);
      example = result.example;
      await context.close();
    }
    figures.push(
      figure({ group: 'emulator', id: 'worker-first-output-cold', label: `Run to first output in the Web Worker, first run (${page}, example ${example})`, unit: 'ms', value: median(first), runs: first, notes: 'starts the worker and loads the emulator; the editor was already open' }),
      figure({ group: 'emulator', id: 'worker-first-output-warm', label: `Run to first output in the Web Worker, second run`, unit: 'ms', value: median(second), runs: second }),
    );
  } finally {
    await server.stop();
  }
}

export async function siteFigures(options: SiteOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  let built = new Map<number, string>();
  if (options.only.has('build')) built = buildGroup(options, figures);
  else {
    // Without the build group, the sites a previous bench run built are measured (the same catalogs).
    for (const corpus of options.corpora) {
      const dist = join(options.work, `dist-${corpus.routinePages}`);
      if (existsSync(join(dist, 'index.html'))) built.set(corpus.routinePages, dist);
    }
  }
  const realDist = built.get(options.corpora[0]!.routinePages) ?? join(options.root, 'dist');
  if (!existsSync(join(realDist, 'index.html'))) {
    const reason = `no built site at ${relative(options.root, realDist)} (run the build group or \`npm run build\`)`;
    if (options.only.has('page-weight')) figures.push(notMeasured('page-weight', 'weight', 'page weight', reason));
    if (options.only.has('search')) figures.push(notMeasured('search', 'search', 'search', reason));
    if (options.only.has('emulator')) figures.push(notMeasured('emulator', 'worker-first-output', 'Run to first output in the Web Worker', reason));
    return figures;
  }
  if (!existsSync(CHROMIUM.executablePath)) {
    const reason = `no Chromium at ${CHROMIUM.executablePath}`;
    if (options.only.has('page-weight')) figures.push(notMeasured('page-weight', 'weight', 'page weight', reason));
    if (options.only.has('search')) figures.push(notMeasured('search', 'search', 'search', reason));
    if (options.only.has('emulator')) figures.push(notMeasured('emulator', 'worker-first-output', 'Run to first output in the Web Worker', reason));
    return figures;
  }
  const browser = await chromium.launch(CHROMIUM);
  const attempt = async (group: Group, id: string, label: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
      figures.push(notMeasured(group, id, label, `the measurement failed: ${reason}`));
    }
  };
  try {
    if (options.only.has('page-weight')) {
      options.log(`page weight on ${relative(options.root, realDist)}`);
      await attempt('page-weight', 'weight', 'page weight', () => pageWeightGroup(options, browser, realDist, figures));
    }
    if (options.only.has('search')) {
      options.log(`search on ${relative(options.root, realDist)}`);
      await attempt('search', 'search', `search, ${options.corpora[0]!.label}`, () => searchGroup(options, browser, realDist, options.corpora[0]!.label, figures));
      for (const [pages, dist] of built) {
        if (pages === options.corpora[0]!.routinePages) continue;
        const label = `${pages.toLocaleString('en-US')} pages`;
        options.log(`search on ${relative(options.root, dist)}`);
        await attempt('search', `search-${pages}`, `search, ${label}`, () => searchGroup(options, browser, dist, label, figures));
      }
    }
    if (options.only.has('emulator')) {
      options.log(`example start in the Web Worker on ${relative(options.root, realDist)}`);
      if (existsSync(join(realDist, 'playground', 'index.html'))) {
        await attempt('emulator', 'worker-first-output', 'Run to first output in the Web Worker', () => workerStartGroup(browser, realDist, figures));
      } else {
        figures.push(notMeasured('emulator', 'worker-first-output', 'Run to first output in the Web Worker', 'the built site has no playground'));
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}
