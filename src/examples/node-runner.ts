/** Runs an example's source in Node (the tests), compiled as the body of an async function. */
import { runExample, type ExampleBody, type ExampleResult } from './runtime.ts';

const SOURCE_TAG = 'example-source.js';

export function compileExample(source: string): ExampleBody {
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => ExampleBody;
  // The sourceURL names the compiled code in stack traces so a failure maps back to the example's line;
  // `new Function` puts two lines ("async function anonymous(…", ") {") before the body.
  return new AsyncFunction('k', 'print', 'hex', `${source}\n//# sourceURL=${SOURCE_TAG}`);
}

export function runExampleSource(source: string): Promise<ExampleResult> {
  return runExample(compileExample(source), { sourceTag: SOURCE_TAG, lineOffset: 2 });
}
