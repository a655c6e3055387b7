/**
 * The Web Worker side of the page runner. Loaded with importScripts by a small blob worker that carries the
 * example itself, so no eval is needed and the page's Content-Security-Policy (worker-src blob:, script-src
 * 'self') holds. Before the example runs, every way out of the worker is removed: network (fetch,
 * XMLHttpRequest, WebSocket, EventSource, WebTransport), storage (indexedDB, caches), code loading
 * (importScripts) and nested workers; the worker never had a DOM.
 */
import { runExample, serialize, type ExampleBody, type ExampleResult } from './runtime.ts';
import { blockGlobals, describeThrown } from './sandbox.ts';

const scope = self as unknown as Record<string, unknown> & { postMessage(m: unknown): void };
const post = scope.postMessage.bind(scope);

blockGlobals(scope, ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'indexedDB',
  'caches', 'cookieStore', 'Worker', 'SharedWorker', 'BroadcastChannel', 'navigator', 'Request', 'Response',
  'RTCPeerConnection', 'postMessage']);

/** The blob calls this with the example compiled as a function; `lineOffset` is where the example starts in the blob. */
scope.__ddiRunExample = async (body: ExampleBody, sourceTag: string, lineOffset: number) => {
  let last = 0;
  const lines: string[] = [];
  let truncationPosted = false;
  // runExample drops lines past the output cap without telling anyone; an example that keeps printing and then
  // hits the time limit would lose that fact with the terminated worker. A print that did not reach onPrint was
  // dropped, so the page hears about the cap the moment it happens.
  const watched: ExampleBody = (k, print, hex) => body(k, (...values: unknown[]) => {
    const before = last;
    print(...values);
    if (last === before && !truncationPosted) {
      truncationPosted = true;
      post({ type: 'truncated' });
    }
  }, hex);
  try {
    const result = await runExample(watched, {
      sourceTag,
      lineOffset,
      onPrint: (line, state) => {
        lines.push(line);
        // A state snapshot with every line would swamp a chatty example: at most one every 50 lines.
        const snapshot = last % 50 === 0 ? state() : null;
        last++;
        post({ type: 'print', line, state: snapshot });
      },
    });
    post({ type: 'done', result: serialize(result) });
  } catch (e) {
    // The example broke the reporting itself (threw a value that cannot become text, or replaced JSON): report
    // that now, built from plain data, instead of leaving the page to wait for the time limit.
    const failed: ExampleResult = { lines, truncated: truncationPosted, outcome: 'error', bugcheck: null,
      message: `The example's result could not be reported: ${describeThrown(e)}`, line: null, state: null, timeline: [] };
    post({ type: 'done', result: failed });
  }
};
