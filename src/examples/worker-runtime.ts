/**
 * The Web Worker side of the page runner. Loaded with importScripts by a small blob worker that carries the
 * example itself, so no eval is needed and the page's Content-Security-Policy (worker-src blob:, script-src
 * 'self') holds. Before the example runs, every way out of the worker is removed: network (fetch,
 * XMLHttpRequest, WebSocket, EventSource, WebTransport), storage (indexedDB, caches), code loading
 * (importScripts) and nested workers; the worker never had a DOM.
 */
import { runExample, serialize, type ExampleBody } from './runtime.ts';

const scope = self as unknown as Record<string, unknown> & { postMessage(m: unknown): void };
const post = scope.postMessage.bind(scope);

for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'indexedDB',
  'caches', 'Worker', 'SharedWorker', 'BroadcastChannel', 'navigator', 'Request', 'Response', 'RTCPeerConnection', 'postMessage']) {
  try {
    Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
  } catch {
    // Some globals are accessors on the prototype; shadow them on the prototype chain as well.
    try {
      Object.defineProperty(Object.getPrototypeOf(scope), name, { value: undefined, configurable: false, writable: false });
    } catch {
      /* not present in this browser */
    }
  }
}

/** The blob calls this with the example compiled as a function; `lineOffset` is where the example starts in the blob. */
scope.__ddiRunExample = async (body: ExampleBody, sourceTag: string, lineOffset: number) => {
  let last = 0;
  const result = await runExample(body, {
    sourceTag,
    lineOffset,
    onPrint: (line, state) => {
      // A state snapshot with every line would swamp a chatty example: at most one every 50 lines.
      const snapshot = last % 50 === 0 ? state() : null;
      last++;
      post({ type: 'print', line, state: snapshot });
    },
  });
  post({ type: 'done', result: serialize(result) });
};
