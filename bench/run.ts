// `npm run bench`: measures DDI Atlas against its floors and writes bench/results/<date>.json and BENCHMARKS.md.
// Not part of the test suite. Scaled corpora and their outputs go to bench/work/ (git-ignored).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { figure, GROUPS, notMeasured, renderMarkdown, updateBenchmarks, type Figure, type Group, type Results } from './figures.ts';
import { median, repeat, runProcess, type ProcessRun } from './measure.ts';
import { makeScaledCorpus } from './scale.ts';
import { siteFigures } from './site.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const work = join(root, 'bench', 'work');

const program = new Command()
  .name('bench')
  .description('Measure ingest, build, page weight, search, command line and emulator against their floors')
  .option('--runs <n>', 'runs of each quick figure (command line, emulator rounds)', '7')
  .option('--ingest-runs <n>', 'runs of the ingest and its floor on content/', '3')
  .option('--scaled <sizes>', 'routine pages of the scaled corpora, comma-separated, or "none"', '5000,20000')
  .option('--scaled-runs <n>', 'runs of the ingest and its floor on each scaled corpus', '1')
  .option('--only <groups>', `groups to measure: ${Object.keys(GROUPS).join(',')}`, Object.keys(GROUPS).join(','))
  .option('--no-write', 'print the results without writing bench/results or BENCHMARKS.md')
  .parse();
const options = program.opts<{ runs: string; ingestRuns: string; scaled: string; scaledRuns: string; only: string; write: boolean }>();
const runs = Number(options.runs);
const ingestRuns = Number(options.ingestRuns);
const scaledRuns = Number(options.scaledRuns);
const sizes = options.scaled === 'none' ? [] : options.scaled.split(',').map(Number);
const only = new Set(options.only.split(',')) as Set<Group>;
for (const value of [runs, ingestRuns, scaledRuns, ...sizes]) if (!Number.isInteger(value) || value < 1) throw new Error(`bench: bad number in the options: ${value}`);

function log(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

const tsx = (script: string, args: readonly string[]) => (): ProcessRun => runProcess(node, ['--import', 'tsx', join(root, script), ...args], { cwd: root });
const mb = (kb: number | null) => (kb === null ? Number.NaN : kb / 1024);

/** Ingest and its parse floor, run alternately so that the machine's noise falls on both alike. */
function measureIngest(label: string, content: string, out: string, count: number) {
  const ingest: ProcessRun[] = [];
  const floor: ProcessRun[] = [];
  for (let i = 0; i < count; i++) {
    log(`ingest ${label}, run ${i + 1}/${count}`);
    ingest.push(...repeat(1, `ingest ${label}`, tsx('bench/child/ingest.ts', ['--content', content, '--out', out])));
    floor.push(...repeat(1, `parse floor ${label}`, tsx('bench/child/parse-floor.ts', [content])));
  }
  return { ingest, floor };
}

interface Corpus {
  label: string;
  content: string;
  routinePages: number;
  catalog: string;
}

function countRoutinePages(content: string): number {
  const listing = spawnSync('find', [join(content, 'ddi'), '-name', 'n[fc]-*.md'], { encoding: 'utf8' });
  return listing.stdout.split('\n').filter(Boolean).length;
}

function ingestGroup(figures: Figure[]): Corpus[] {
  const corpora: Corpus[] = [{ label: 'content/', content: join(root, 'content'), routinePages: countRoutinePages(join(root, 'content')), catalog: join(work, 'out-content', 'catalog.json') }];
  for (const size of sizes) {
    log(`making the scaled corpus of ${size} routine pages`);
    const scaled = makeScaledCorpus(join(root, 'content'), join(work, `content-${size}`), size);
    corpora.push({ label: `${size.toLocaleString('en-US')} pages`, content: scaled.dir, routinePages: scaled.routinePages, catalog: join(work, `out-${size}`, 'catalog.json') });
  }
  const perPage: { pages: number; ms: number }[] = [];
  for (const corpus of corpora) {
    const count = corpus.content.endsWith('content') ? ingestRuns : scaledRuns;
    let measured: ReturnType<typeof measureIngest>;
    try {
      measured = measureIngest(corpus.label, corpus.content, dirname(corpus.catalog), count);
    } catch (error) {
      figures.push(notMeasured('ingest', `ingest-${corpus.routinePages}`, `ingest, ${corpus.label}`, `the ingest failed: ${firstLines(error)}`));
      continue;
    }
    const { ingest, floor } = measured;
    const ms = median(ingest.map((run) => run.ms));
    const floorMs = median(floor.map((run) => run.ms));
    const cpu = median(ingest.map((run) => run.cpuMs ?? Number.NaN));
    const floorCpu = median(floor.map((run) => run.cpuMs ?? Number.NaN));
    perPage.push({ pages: corpus.routinePages, ms: cpu });
    figures.push(
      figure({
        group: 'ingest',
        id: `ingest-cpu-${corpus.routinePages}`,
        label: `ingest CPU time, ${corpus.label} (${corpus.routinePages.toLocaleString('en-US')} routine pages)`,
        unit: 'ms',
        value: cpu,
        runs: ingest.map((run) => run.cpuMs ?? Number.NaN),
        floor: { label: 'read + parse, same parsers, no passes', value: floorCpu },
        ratio: cpu / floorCpu,
        target: { text: '≤ 1.5× floor', met: cpu / floorCpu <= 1.5 },
        notes: 'user + system CPU of the whole process (tsx start-up included on both sides); steadier than wall time on a shared machine',
      }),
      figure({
        group: 'ingest',
        id: `ingest-time-${corpus.routinePages}`,
        label: `ingest wall time, ${corpus.label}`,
        unit: 'ms',
        value: ms,
        runs: ingest.map((run) => run.ms),
        floor: { label: 'read + parse, same parsers, no passes', value: floorMs },
        ratio: ms / floorMs,
        notes: 'whole process, as `npm run ingest` takes it',
      }),
      figure({
        group: 'ingest',
        id: `ingest-memory-${corpus.routinePages}`,
        label: `ingest peak memory, ${corpus.label}`,
        unit: 'MB',
        value: median(ingest.map((run) => mb(run.maxRssKB))),
        runs: ingest.map((run) => mb(run.maxRssKB)),
        floor: { label: 'parse floor', value: median(floor.map((run) => mb(run.maxRssKB))) },
        ratio: median(ingest.map((run) => mb(run.maxRssKB))) / median(floor.map((run) => mb(run.maxRssKB))),
        notes: 'peak resident set size of the process',
      }),
    );
  }
  if (perPage.length > 1) {
    const first = perPage[0]!;
    const last = perPage.at(-1)!;
    const exponent = Math.log(last.ms / first.ms) / Math.log(last.pages / first.pages);
    figures.push(
      figure({
        group: 'ingest',
        id: 'ingest-growth',
        label: `growth of ingest CPU time from ${first.pages.toLocaleString('en-US')} to ${last.pages.toLocaleString('en-US')} routine pages (time ∝ pages^k)`,
        unit: 'k',
        value: exponent,
        runs: [exponent],
        target: { text: 'linear (k ≈ 1)', met: exponent <= 1.15 },
        notes: perPage.map((entry) => `${entry.pages.toLocaleString('en-US')} pages: ${(entry.ms / entry.pages).toFixed(2)} ms/page`).join('; '),
      }),
    );
  }
  return corpora;
}

const CLI_COMMANDS: { id: string; args: string[] }[] = [
  { id: 'show', args: ['show', 'ExAcquireRundownProtection'] },
  { id: 'search-words', args: ['search', 'acquire spin'] },
  { id: 'search-typo', args: ['search', 'rundwon'] },
  { id: 'query', args: ['query', 'irql:DISPATCH_LEVEL', 'takes:PEX_RUNDOWN_REF'] },
];

function cliGroup(figures: Figure[], corpora: Corpus[]): void {
  const bin = join(root, 'scripts', 'ddi', 'bin.mjs');
  // The bin bundles itself when its sources changed since its last run: that happens here, outside the figures.
  repeat(1, 'ddi --help', () => runProcess(node, [bin, '--help'], { cwd: root }));
  const floorRuns = repeat(runs, 'bare node', () => runProcess(node, ['-e', ''], { cwd: root }));
  const floorMs = median(floorRuns.map((run) => run.ms));
  figures.push(figure({ group: 'cli', id: 'cli-floor', label: 'floor: start and exit of a bare Node process', unit: 'ms', value: floorMs, runs: floorRuns.map((run) => run.ms) }));
  for (const corpus of corpora) {
    if (!existsSync(corpus.catalog)) {
      figures.push(notMeasured('cli', `cli-${corpus.routinePages}`, `ddi on ${corpus.label}`, `no catalog at ${relative(root, corpus.catalog)} (the ingest group did not run)`));
      continue;
    }
    const ddi = (args: readonly string[]) => () => runProcess(node, [bin, '--catalog', corpus.catalog, ...args], { cwd: root });
    // A changed catalog: the first answer parses it whole and writes the index the later ones read.
    const now = new Date();
    utimesSync(corpus.catalog, now, now);
    const cold = repeat(1, 'ddi cold', ddi(CLI_COMMANDS[0]!.args));
    figures.push(
      figure({
        group: 'cli',
        id: `cli-cold-${corpus.routinePages}`,
        label: `\`ddi show\`, first run after the catalog changed, ${corpus.label}`,
        unit: 'ms',
        value: cold[0]!.ms,
        runs: cold.map((run) => run.ms),
        floor: { label: 'bare Node', value: floorMs },
        ratio: cold[0]!.ms / floorMs,
        notes: 'parses the whole catalog and writes its index; once per catalog',
      }),
    );
    for (const command of CLI_COMMANDS) {
      const measured = repeat(runs, `ddi ${command.args.join(' ')}`, ddi(command.args));
      const ms = median(measured.map((run) => run.ms));
      figures.push(
        figure({
          group: 'cli',
          id: `cli-${command.id}-${corpus.routinePages}`,
          label: `\`ddi ${command.args.map((arg) => (arg.includes(' ') ? `"${arg}"` : arg)).join(' ')}\`, ${corpus.label}`,
          unit: 'ms',
          value: ms,
          runs: measured.map((run) => run.ms),
          floor: { label: 'bare Node', value: floorMs },
          ratio: ms / floorMs,
          target: { text: '≤ 150 ms whole process', met: ms <= 150 },
        }),
      );
    }
  }
  const viaNpx = repeat(Math.min(runs, 3), 'npx ddi', () => runProcess('npx', ['--no-install', 'ddi', '--catalog', corpora[0]!.catalog, ...CLI_COMMANDS[0]!.args], { cwd: root }));
  const npxMs = median(viaNpx.map((run) => run.ms));
  figures.push(
    figure({
      group: 'cli',
      id: 'cli-npx',
      label: `\`npx ddi show\` (through npm), ${corpora[0]!.label}`,
      unit: 'ms',
      value: npxMs,
      runs: viaNpx.map((run) => run.ms),
      floor: { label: 'bare Node', value: floorMs },
      ratio: npxMs / floorMs,
      notes: 'npm resolves the bin before Node starts it; an installed `ddi` on PATH skips this',
    }),
  );
}

function emulatorGroup(figures: Figure[]): void {
  const result = runProcess(node, ['--import', 'tsx', join(root, 'bench', 'child', 'emulator.ts'), '300', String(runs)], { cwd: root });
  if (result.code !== 0) {
    figures.push(notMeasured('emulator', 'emulator', 'emulator primitives', `the emulator bench failed: ${result.stderr.trim().split('\n').at(-1)}`));
    return;
  }
  const cases = JSON.parse(result.stdout) as { id: string; label: string; callsPerSecond: number[] }[];
  const floorCase = cases.find((entry) => entry.id === 'floor-read-write')!;
  const floor = median(floorCase.callsPerSecond);
  for (const entry of cases) {
    const value = median(entry.callsPerSecond);
    const isFloor = entry === floorCase;
    figures.push(
      figure({
        group: 'emulator',
        id: `emulator-${entry.id}`,
        label: entry.label,
        unit: 'calls/s',
        value,
        runs: entry.callsPerSecond,
        floor: isFloor ? null : { label: 'k.read + k.write', value: floor },
        ratio: isFloor ? null : floor / value,
        notes: isFloor ? 'helper calls per second' : 'emulated routine calls per second, Node, one thread',
      }),
    );
  }
}

function machine(): Record<string, string | number> {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout.trim() !== '';
  return {
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    system: `${type()} ${release()}`,
    node: process.version,
    commit: `${commit}${dirty ? ' (working tree has uncommitted changes)' : ''}`,
    'load average at start (1 min)': loadavg()[0]!.toFixed(2),
  };
}

const started = new Date();
const results: Results = {
  date: started.toISOString(),
  machine: machine(),
  settings: {
    runs: runs,
    'ingest runs on content/': ingestRuns,
    'ingest runs per scaled corpus': scaledRuns,
    'scaled corpora (routine pages)': sizes.join(', ') || 'none',
    groups: [...only].join(', '),
  },
  measured: {},
  figures: [],
};
for (const group of only) results.measured[group] = started.toISOString();

// The same day's figures of groups this run does not measure are kept, with the time they were taken.
const resultsFile = join(root, 'bench', 'results', `${results.date.slice(0, 10)}.json`);
const carried: Figure[] = [];
if (options.write && existsSync(resultsFile)) {
  const previous = JSON.parse(readFileSync(resultsFile, 'utf8')) as Partial<Results>;
  for (const entry of previous.figures ?? []) if (!only.has(entry.group)) carried.push(entry);
  for (const [group, when] of Object.entries(previous.measured ?? {})) {
    if (!only.has(group as Group) && carried.some((entry) => entry.group === group)) results.measured[group as Group] = when;
  }
  if (previous.measured === undefined && carried.length > 0) {
    for (const entry of carried) results.measured[entry.group] ??= previous.date ?? 'earlier';
  }
}

function firstLines(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').filter((line) => line.trim() !== '').slice(0, 2).join(' — ').slice(0, 300);
}

/** Figures in the order of the groups, each group's own order kept. */
function ordered(figures: readonly Figure[]): Figure[] {
  const groups = Object.keys(GROUPS);
  return [...figures].sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group));
}

/** Writes what has been measured so far, so that a run stopped or failed later keeps its figures. */
function save(final: boolean): void {
  results.machine[final ? 'load average at end (1 min)' : 'load average at last save (1 min)'] = loadavg()[0]!.toFixed(2);
  if (final) delete results.machine['load average at last save (1 min)'];
  results.machine['bench wall time'] = `${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min${final ? '' : ' (so far)'}`;
  if (!options.write) return;
  const all: Results = { ...results, figures: ordered([...results.figures, ...carried]) };
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(all, null, 2)}\n`);
  const benchmarks = join(root, 'BENCHMARKS.md');
  writeFileSync(benchmarks, updateBenchmarks(existsSync(benchmarks) ? readFileSync(benchmarks, 'utf8') : null, renderMarkdown(all)));
}

/** Runs one group; a failure becomes a "not measured" figure with its reason, and the other groups still run. */
async function measureGroup(group: Group, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    log(`${GROUPS[group]} failed: ${firstLines(error)}`);
    results.figures.push(notMeasured(group, `${group}-failed`, `${GROUPS[group]} figures`, `the measurement failed: ${firstLines(error)}`));
  }
  save(false);
}

// Without the ingest group, the command line and the site read the catalogs a previous bench run left behind.
let corpora: Corpus[] = [{ label: 'content/', content: join(root, 'content'), routinePages: countRoutinePages(join(root, 'content')), catalog: join(work, 'out-content', 'catalog.json') }];
for (const size of sizes) corpora.push({ label: `${size.toLocaleString('en-US')} pages`, content: join(work, `content-${size}`), routinePages: size, catalog: join(work, `out-${size}`, 'catalog.json') });
if (only.has('ingest')) await measureGroup('ingest', () => (corpora = ingestGroup(results.figures)));
if (only.has('build') || only.has('page-weight') || only.has('search') || only.has('emulator')) {
  await measureGroup('build', async () => results.figures.push(...(await siteFigures({ root, work, only, runs, corpora, log }))));
}
if (only.has('cli')) await measureGroup('cli', () => cliGroup(results.figures, corpora));
if (only.has('emulator')) await measureGroup('emulator', () => emulatorGroup(results.figures));

save(true);
if (options.write) log(`wrote ${relative(root, resultsFile)} and BENCHMARKS.md`);
process.stdout.write(`${renderMarkdown({ ...results, figures: ordered([...results.figures, ...carried]) })}\n`);
