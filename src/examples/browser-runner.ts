/**
 * Runs an example in a Web Worker with a time limit. The worker is a blob that loads the emulator runtime
 * (built by Vite as a self-contained classic worker script) and then runs the example as a function body:
 * the example is code the page ships, not code evaluated from a string, so the CSP needs no 'unsafe-eval'.
 * The worker is terminated when the example ends or its time is up, whichever comes first.
 */
import runtimeUrl from './worker-runtime.ts?worker&url';
import type { ExampleResult, SerializedSnapshot } from './runtime.ts';

export const TIME_LIMIT_MS = 3000;

export interface WorkerRun {
  /** Settles with the result; a timeout or a script error is a result too (outcome 'error'). */
  done: Promise<ExampleResult>;
  cancel(): void;
}

/** Lines of the blob before the example's first line (importScripts, the function header). */
const PREFIX_LINES = 2;

/** Dynamic import would load code from anywhere; the worker has no other way out, so refuse it up front. */
export function refuseImports(source: string): string | null {
  return /\bimport\s*(\(|\.)/.test(source) ? 'Examples cannot load code: `import(…)` and `import.meta` are not available here.' : null;
}

function failed(message: string, lines: string[], truncated = false): ExampleResult {
  return { lines, truncated, outcome: 'error', bugcheck: null, message, line: null, state: null, timeline: [] };
}

export function runInWorker(source: string, hooks: { onPrint?: (line: string, state: SerializedSnapshot | null) => void; timeLimitMs?: number } = {}): WorkerRun {
  const lines: string[] = [];
  // Set when the worker reports that the output cap was reached, so a run stopped later (time limit, script
  // error, Stop) still says its output was cut.
  let truncated = false;
  let worker: Worker | null = null;
  let url = '';
  let finish: (r: ExampleResult) => void = () => undefined;
  const done = new Promise<ExampleResult>((resolve) => {
    finish = (r) => {
      worker?.terminate();
      worker = null;
      if (url) URL.revokeObjectURL(url);
      resolve(r);
    };
  });
  const refusal = refuseImports(source);
  if (refusal) {
    finish(failed(refusal, lines));
    return { done, cancel: () => undefined };
  }
  const absolute = new URL(runtimeUrl, location.href).href;
  const blob = new Blob([
    `importScripts(${JSON.stringify(absolute)});\n`,
    'self.__ddiRunExample(async function (k, print, hex) {\n',
    source,
    `\n}, self.location.href, ${PREFIX_LINES});\n`,
  ], { type: 'text/javascript' });
  url = URL.createObjectURL(blob);
  worker = new Worker(url);
  const timer = setTimeout(() => finish(failed(`The example ran longer than ${(hooks.timeLimitMs ?? TIME_LIMIT_MS) / 1000} s and was stopped.`, lines, truncated)), hooks.timeLimitMs ?? TIME_LIMIT_MS);
  worker.onmessage = (ev: MessageEvent) => {
    const m = ev.data as { type: string; line?: string; state?: SerializedSnapshot | null; result?: ExampleResult };
    if (m.type === 'print' && m.line !== undefined) {
      lines.push(m.line);
      hooks.onPrint?.(m.line, m.state ?? null);
    } else if (m.type === 'truncated') {
      truncated = true;
    } else if (m.type === 'done' && m.result) {
      clearTimeout(timer);
      finish(m.result);
    }
  };
  worker.onerror = (ev: ErrorEvent) => {
    ev.preventDefault();
    clearTimeout(timer);
    const where = ev.lineno > PREFIX_LINES ? ` (line ${ev.lineno - PREFIX_LINES})` : '';
    finish(failed(`${ev.message || 'The example could not be compiled'}${where}`, lines, truncated));
  };
  return {
    done,
    cancel: () => {
      clearTimeout(timer);
      finish(failed('Stopped.', lines, truncated));
    },
  };
}
