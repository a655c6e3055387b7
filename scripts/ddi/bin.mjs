#!/usr/bin/env node
// The `ddi` command. Starting TypeScript through a loader costs more than the whole answer may take, so the
// command runs from one bundled, plain-JavaScript file, built with esbuild on the first run and again whenever
// one of its source files changes (their sizes and times are kept beside the bundle). Node's compile cache, where
// this Node has one, saves parsing the bundle on later runs.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const entry = join(here, 'main.ts');

function cacheDirectory() {
  const candidates = [join(root, 'node_modules', '.cache', 'ddi-atlas'), join(tmpdir(), 'ddi-atlas-cache')];
  for (const candidate of candidates) {
    try {
      mkdirSync(candidate, { recursive: true });
      return candidate;
    } catch {
      // read-only checkout: try the next place
    }
  }
  throw new Error('ddi: no writable cache directory for the bundled command');
}

const cache = cacheDirectory();
const bundle = join(cache, 'ddi.mjs');
const inputsFile = join(cache, 'ddi.inputs.json');

function fingerprint(file) {
  const stat = statSync(file);
  return `${stat.size}:${stat.mtimeMs}`;
}

function isFresh() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(inputsFile, 'utf8'));
    statSync(bundle);
  } catch {
    return false;
  }
  if (recorded.entry !== entry) return false;
  try {
    return Object.entries(recorded.inputs).every(([file, print]) => fingerprint(resolve(root, file)) === print);
  } catch {
    return false;
  }
}

async function rebuild() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
    absWorkingDir: root,
    // commander and other CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __ddiCreateRequire } from 'node:module'; const require = __ddiCreateRequire(import.meta.url);" },
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const absolute = resolve(root, file);
    inputs[relative(root, absolute)] = fingerprint(absolute);
  }
  // Concurrent first runs each write their own file and rename it into place, so none reads a half-written bundle.
  const unique = `${process.pid}.${Date.now()}`;
  // Catalog indexes were written by the previous bundle, whose reading of them may differ.
  for (const name of readdirSync(cache)) if (/^catalog-.*\.json$/.test(name)) rmSync(join(cache, name), { force: true });
  writeFileSync(`${bundle}.${unique}`, result.outputFiles[0].contents);
  renameSync(`${bundle}.${unique}`, bundle);
  writeFileSync(`${inputsFile}.${unique}`, JSON.stringify({ entry, inputs }));
  renameSync(`${inputsFile}.${unique}`, inputsFile);
}

if (!isFresh()) await rebuild();
module.enableCompileCache?.(join(cache, 'v8'));
const { main } = await import(pathToFileURL(bundle).href);
const exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  defaultCatalog: join(root, 'build', 'catalog.json'),
  cacheDir: cache,
});
process.exitCode = exitCode;
