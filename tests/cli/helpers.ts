import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const FIXTURE = fileURLToPath(new URL('./fixtures/catalog.json', import.meta.url));
export const BIN = fileURLToPath(new URL('../../scripts/ddi/bin.mjs', import.meta.url));
export const REAL_CATALOG = fileURLToPath(new URL('../../build/catalog.json', import.meta.url));

/** Runs the real `ddi` bin as a separate process, as a person or a tool would. */
export function ddi(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
