/**
 * Runs one example against a fresh kernel and reports what it printed, the machine's state and how it ended.
 * Shared by the Node test runner and the Web Worker, so an example behaves the same in the tests and the page.
 * An example is the body of `async function (k, print, hex)`: `k` is `createKernel({ arch: 'x64', cpus: 2,
 * seed: 1 })`, `print(...values)` writes one line, `hex(n)` formats a number or bigint as 0x….
 */
import { BugCheck, createKernel, Deadlock, NtStatusError, type Kernel, type Snapshot } from '../emulator/index.ts';

export type ExampleBody = (k: Kernel, print: (...values: unknown[]) => void, hex: (n: number | bigint) => string) => unknown;

/** Limits that keep a runaway example from flooding the page. */
export const OUTPUT_LIMIT = 64 * 1024;
export const LINE_LIMIT = 2000;

export interface BugCheckReport {
  code: number;
  codeName: string;
  parameters: string[];
  routine: string | null;
  explanation: string;
}

export interface ExampleResult {
  lines: string[];
  truncated: boolean;
  /** How the example ended: 'ok', or the kind of failure. */
  outcome: 'ok' | 'bugcheck' | 'exception' | 'deadlock' | 'error';
  bugcheck: BugCheckReport | null;
  message: string | null;
  /** 1-based line in the example's source that was executing when it failed, when known. */
  line: number | null;
  state: SerializedSnapshot | null;
  timeline: { time: string; thread: string; cpu: number; irql: number; kind: string; detail: string }[];
}

export type SerializedSnapshot = Omit<Snapshot, 'time'> & { time: string };

export function hex(n: number | bigint): string {
  const v = typeof n === 'bigint' ? BigInt.asUintN(64, n) : BigInt(n < 0 ? (n >>> 0) : n);
  return `0x${v.toString(16).toUpperCase()}`;
}

function show(v: unknown): string {
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}` : x));
  } catch {
    return String(v);
  }
}

/** Plain data (bigints as decimal strings), safe to post from a worker. */
export function serialize<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (_k, x) => (typeof x === 'bigint' ? `${x}` : x)));
}

/** The summary line of a failure, as the expected-output files spell it. */
export function failureLine(r: ExampleResult): string | null {
  if (r.outcome === 'bugcheck' && r.bugcheck) {
    const b = r.bugcheck;
    return `*** STOP 0x${b.code.toString(16).toUpperCase().padStart(8, '0')} ${b.codeName} (${b.parameters.join(', ')})`;
  }
  if (r.outcome === 'ok') return null;
  return `${r.outcome}: ${r.message}`;
}

/** Output as text: printed lines, then the failure line if the example did not end normally. */
export function outputText(r: ExampleResult): string {
  const f = failureLine(r);
  return [...r.lines, ...(r.truncated ? ['… output truncated'] : []), ...(f ? [f] : [])].join('\n');
}

/**
 * Finds the example's own line in an error stack: the first frame in `sourceTag` (the file name the
 * example was compiled under), minus the lines the wrapper put before the example's first line.
 */
export function exampleLine(error: unknown, sourceTag: string, offset: number): number | null {
  const stack = error instanceof Error ? error.stack ?? '' : '';
  for (const frame of stack.split('\n')) {
    const i = frame.indexOf(sourceTag);
    if (i < 0) continue;
    const m = /:(\d+):\d+\)?\s*$/.exec(frame.slice(i + sourceTag.length));
    if (m) {
      const line = Number(m[1]) - offset;
      if (line >= 1) return line;
    }
  }
  return null;
}

export interface RunHooks {
  /** Called after each printed line with the state at that moment (the live view). */
  onPrint?: (line: string, state: () => SerializedSnapshot) => void;
  sourceTag?: string;
  lineOffset?: number;
}

export async function runExample(body: ExampleBody, hooks: RunHooks = {}): Promise<ExampleResult> {
  const k = createKernel({ arch: 'x64', cpus: 2, seed: 1 });
  const lines: string[] = [];
  let size = 0;
  let truncated = false;
  const state = () => serialize(k.snapshot()) as SerializedSnapshot;
  const print = (...values: unknown[]) => {
    if (truncated) return;
    const line = values.map(show).join(' ');
    if (size + line.length > OUTPUT_LIMIT || lines.length >= LINE_LIMIT) {
      truncated = true;
      return;
    }
    size += line.length + 1;
    lines.push(line);
    hooks.onPrint?.(line, state);
  };
  const result: ExampleResult = { lines, truncated: false, outcome: 'ok', bugcheck: null, message: null, line: null, state: null, timeline: [] };
  try {
    await body(k, print, hex);
  } catch (e) {
    result.line = hooks.sourceTag ? exampleLine(e, hooks.sourceTag, hooks.lineOffset ?? 0) : null;
    if (e instanceof BugCheck) {
      result.outcome = 'bugcheck';
      result.bugcheck = { code: e.code, codeName: e.codeName, parameters: e.parameters.map(hex), routine: e.routine, explanation: e.explanation };
      result.message = e.explanation;
    } else if (e instanceof NtStatusError) {
      result.outcome = 'exception';
      result.message = `${hex(e.status)} raised by ${e.routine ?? 'the example'}`;
    } else if (e instanceof Deadlock) {
      result.outcome = 'deadlock';
      result.message = e.threads.map((t) => `${t.thread} waits on ${t.waitingOn}`).join('; ');
    } else {
      result.outcome = 'error';
      result.message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  }
  result.truncated = truncated;
  result.state = state();
  result.timeline = k.timeline().map((t) => ({ time: `${t.time}`, thread: t.thread, cpu: t.cpu, irql: t.irql, kind: t.kind, detail: t.detail }));
  return result;
}
