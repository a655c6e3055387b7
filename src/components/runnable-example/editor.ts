/** CodeMirror 6, loaded with import() the first time an example is opened (it is ~170 KB gzip). */
import { basicSetup, EditorView } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';

export function createEditor(parent: HTMLElement, code: string) {
  const view = new EditorView({ doc: code, extensions: [basicSetup, javascript()], parent });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (text: string) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
  };
}
