/**
 * Wires every `.runnable-example` on the page: "Edit & run" loads the editor on demand, Run executes the
 * code in a Web Worker, and the output, state view, timeline and bug check panel are filled from what the
 * worker reports. All text goes through textContent: nothing the example prints becomes markup.
 */
import { runInWorker, type WorkerRun } from '../../examples/browser-runner.ts';
import type { ExampleResult, SerializedSnapshot } from '../../examples/runtime.ts';
import { renderBugCheck, renderState, renderTimeline } from './render.ts';

interface Editor {
  getCode(): string;
  setCode(code: string): void;
}

function setup(root: HTMLElement): void {
  if (root.dataset.ready) return;
  root.dataset.ready = '1';
  const original = root.querySelector('.rx-code code')?.textContent ?? '';
  const open = root.querySelector<HTMLButtonElement>('.rx-open')!;
  const panel = root.querySelector<HTMLElement>('.rx-panel')!;
  const output = root.querySelector<HTMLElement>('.rx-output')!;
  const status = root.querySelector<HTMLElement>('.rx-status')!;
  const bsod = root.querySelector<HTMLElement>('.rx-bsod')!;
  const state = root.querySelector<HTMLElement>('.rx-state')!;
  const timeline = root.querySelector<HTMLElement>('.rx-timeline')!;
  const code = root.querySelector<HTMLElement>('.rx-code')!;
  let editor: Editor | null = null;
  let running: WorkerRun | null = null;

  const clear = () => {
    output.textContent = '';
    bsod.hidden = true;
    bsod.replaceChildren();
    state.replaceChildren();
    timeline.replaceChildren();
    status.textContent = '';
  };

  open.addEventListener('click', async () => {
    if (!editor) {
      open.disabled = true;
      status.textContent = 'Loading the editor…';
      panel.hidden = false;
      const { createEditor } = await import('./editor.ts');
      editor = createEditor(root.querySelector<HTMLElement>('.rx-editor')!, original);
      open.disabled = false;
      status.textContent = '';
      code.hidden = true;
      open.setAttribute('aria-expanded', 'true');
      open.textContent = 'Close';
      return;
    }
    const show = panel.hidden;
    panel.hidden = !show;
    code.hidden = show;
    open.setAttribute('aria-expanded', String(show));
    open.textContent = show ? 'Close' : 'Edit & run';
  });

  root.querySelector('.rx-reset')!.addEventListener('click', () => {
    running?.cancel();
    editor?.setCode(original);
    clear();
  });

  root.querySelector('.rx-run')!.addEventListener('click', async () => {
    if (!editor) return;
    running?.cancel();
    clear();
    status.textContent = 'Running…';
    const source = editor.getCode();
    const run = runInWorker(source, {
      onPrint: (line, snapshot: SerializedSnapshot | null) => {
        output.textContent += `${line}\n`;
        if (snapshot) state.replaceChildren(renderState(snapshot));
      },
    });
    running = run;
    const result: ExampleResult = await run.done;
    if (running !== run) return;
    running = null;
    output.textContent = result.lines.join('\n') + (result.truncated ? '\n… output truncated' : '');
    if (result.state) state.replaceChildren(renderState(result.state));
    timeline.replaceChildren(renderTimeline(result.timeline));
    if (result.outcome === 'bugcheck' && result.bugcheck) {
      bsod.replaceChildren(...renderBugCheck(result.bugcheck, result.line, source));
      bsod.hidden = false;
      status.textContent = `Stopped: ${result.bugcheck.codeName}`;
    } else if (result.outcome !== 'ok') {
      output.textContent += `\n${result.outcome}: ${result.message}${result.line ? ` (line ${result.line})` : ''}`;
      status.textContent = result.outcome === 'error' ? 'Failed' : `Ended with ${result.outcome}`;
    } else {
      status.textContent = 'Finished';
    }
  });
}

export function mountRunnableExamples(): void {
  for (const root of document.querySelectorAll<HTMLElement>('.runnable-example')) setup(root);
}
