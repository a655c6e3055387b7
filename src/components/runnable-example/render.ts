/** DOM for the state view, the thread timeline and the blue-screen summary (text nodes only). */
import type { BugCheckReport, ExampleResult, SerializedSnapshot } from '../../examples/runtime.ts';

const IRQL_NAMES: Record<number, string> = { 0: 'PASSIVE_LEVEL', 1: 'APC_LEVEL', 2: 'DISPATCH_LEVEL', 13: 'CLOCK_LEVEL', 14: 'IPI_LEVEL', 15: 'HIGH_LEVEL' };

export function irqlLabel(n: number): string {
  return IRQL_NAMES[n] ?? (n >= 3 && n <= 12 ? `DIRQL ${n}` : String(n));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function table(caption: string, head: string[], rows: string[][]): HTMLTableElement {
  const t = el('table');
  t.append(el('caption', caption));
  const tr = el('tr');
  for (const h of head) tr.append(el('th', h));
  t.append(tr);
  for (const r of rows) {
    const row = el('tr');
    for (const c of r) row.append(el('td', c));
    t.append(row);
  }
  return t;
}

const addr = (a: number) => `0x${a.toString(16).toUpperCase()}`;

function details(o: Record<string, unknown>): string {
  return Object.entries(o)
    .filter(([k]) => k !== 'type' && k !== 'address')
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? (v.length ? v.join(', ') : '—') : v === null ? '—' : String(v)}`)
    .join('; ');
}

export function renderState(s: SerializedSnapshot): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(el('p', `Virtual time: ${s.time} × 100 ns. Memory: ${s.memory.live} of ${s.memory.limit} bytes live.`));
  f.append(table('Processors', ['CPU', 'IRQL', 'Thread', 'Queued DPCs'], s.processors.map((p) => [String(p.number), irqlLabel(p.irql), p.thread ?? '—', String(p.queuedDpcs)])));
  f.append(table('Threads', ['Thread', 'State', 'CPU', 'Waiting on', 'Critical regions'], s.threads.map((t) => [t.name, t.state, String(t.cpu), t.waitingOn ?? '—', String(t.criticalRegion)])));
  if (s.objects.length) {
    f.append(table('Objects (owners, waiters, counts)', ['Type', 'Address', 'State'], s.objects.map((o) => [o.type, addr(o.address), details(o as Record<string, unknown>)])));
  }
  f.append(s.pool.length
    ? table('Pool allocations', ['Address', 'Bytes', 'Tag', 'Allocated by'], s.pool.map((p) => [addr(p.address), String(p.size), p.tag, p.allocator]))
    : el('p', 'Pool allocations: none.'));
  return f;
}

/** One column per thread, one row per event, so who ran when reads top to bottom. */
export function renderTimeline(entries: ExampleResult['timeline']): DocumentFragment {
  const f = document.createDocumentFragment();
  const shown = entries.filter((e) => e.kind !== 'call').slice(-300);
  if (!shown.length) {
    f.append(el('p', 'No scheduling events.'));
    return f;
  }
  const threads = [...new Set(shown.map((e) => e.thread))];
  const t = el('table');
  const head = el('tr');
  head.append(el('th', 'Time'), el('th', 'CPU'));
  for (const th of threads) head.append(el('th', th));
  t.append(head);
  for (const e of shown) {
    const row = el('tr');
    row.append(el('td', e.time), el('td', String(e.cpu)));
    for (const th of threads) row.append(el('td', th === e.thread ? `${e.kind}${e.detail && e.kind !== 'run' ? `: ${e.detail}` : ''}` : ''));
    t.append(row);
  }
  f.append(t);
  return f;
}

export function renderBugCheck(b: BugCheckReport, line: number | null, source: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  out.push(el('p', 'A problem has been detected and the emulated machine has been stopped.'));
  out.push(el('p', b.codeName, 'rx-bsod-name'));
  out.push(el('p', `*** STOP: 0x${b.code.toString(16).toUpperCase().padStart(8, '0')} (${b.parameters.join(', ')})`, 'rx-bsod-stop'));
  out.push(el('p', b.explanation, 'rx-bsod-explanation'));
  if (b.routine) out.push(el('p', `Routine: ${b.routine}`));
  if (line !== null) {
    const text = source.split('\n')[line - 1] ?? '';
    out.push(el('p', `Example line ${line}: ${text.trim()}`, 'rx-bsod-line'));
  }
  return out;
}
