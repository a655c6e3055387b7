import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessRun {
  /** Wall time of the whole process, spawn to exit, in milliseconds. */
  ms: number;
  /** Peak resident memory the process reported at exit (kB), or null when it reports none. */
  maxRssKB: number | null;
  /** User + system CPU time the process reported at exit (ms), or null when it reports none. */
  cpuMs: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'ddi-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;

/**
 * Runs a command to completion and times it from the outside. A child that knows `BENCH_STATS` (the bench's own
 * child scripts, or astro with the stats hook) writes its peak memory and CPU time there as it exits.
 */
export function runProcess(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string> }): ProcessRun {
  const stats = join(scratch, `stats-${++runs}.json`);
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...options.env, BENCH_STATS: stats, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  let reported: { maxRssKB?: number; cpuMs?: number } = {};
  try {
    reported = JSON.parse(readFileSync(stats, 'utf8')) as typeof reported;
  } catch {
    // A command that does not report (a bare `node -e ''`, the ddi bin) leaves no stats file.
  }
  if (result.error) throw result.error;
  return { ms, maxRssKB: reported.maxRssKB ?? null, cpuMs: reported.cpuMs ?? null, code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `run` `count` times and fails loudly on the first run that exits non-zero. */
export function repeat(count: number, label: string, run: () => ProcessRun): ProcessRun[] {
  const results: ProcessRun[] = [];
  for (let i = 0; i < count; i++) {
    const result = run();
    if (result.code !== 0) {
      throw new Error(`${label}: exit ${result.code}\n${result.stderr.slice(-2000)}`);
    }
    results.push(result);
  }
  return results;
}
