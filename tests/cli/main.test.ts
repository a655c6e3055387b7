import { describe, expect, it } from 'vitest';
import { EXIT, main, type Io } from '../../scripts/ddi/main.ts';
import { FIXTURE } from './helpers.ts';

async function run(args: string[], terminal: Partial<Io> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(['--catalog', FIXTURE, ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    color: false,
    defaultCatalog: '/nonexistent/catalog.json',
    ...terminal,
  });
  return { code, stdout, stderr };
}

describe('main (in-process)', () => {
  it('colours people-facing output only when told it writes to a terminal', async () => {
    expect((await run(['search', 'spin'])).stdout).not.toContain('\u001b[');
    expect((await run(['search', 'spin'], { color: true })).stdout).toContain('\u001b[1mKeAcquireSpinLock');
    expect((await run(['search', 'spin', '--json'], { color: true })).stdout).not.toContain('\u001b[');
  });

  it('fits table lines to the terminal width when it has one, without ever cutting a name', async () => {
    const wide = await run(['query', 'kind:function'], { columns: 100 });
    for (const line of wide.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(wide.stdout).toMatch(/^KeAcquireInStackQueuedSpinLock\s+function\s.*supported\s+Acquires a/m);
    const narrow = await run(['query', 'kind:function'], { columns: 40 });
    expect(narrow.stdout).toMatch(/^KeAcquireInStackQueuedSpinLock\s+function\s+wdm\.h\s+PASSIVE\.\.DISPATCH\s+supported$/m);
  });

  it('uses the default catalog when --catalog is not given', async () => {
    let stderr = '';
    const code = await main(['show', 'X'], { stdout: () => {}, stderr: (text) => (stderr += text), color: false, defaultCatalog: '/nonexistent/catalog.json' });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('/nonexistent/catalog.json: no catalog here');
  });

  it('returns the contract exit codes', async () => {
    expect((await run(['show', 'KeAcquireSpinLock'])).code).toBe(EXIT.ok);
    expect((await run(['show', 'NoSuchRoutine'])).code).toBe(EXIT.unknownName);
    expect((await run(['query', 'nope:1'])).code).toBe(EXIT.usage);
    expect((await run(['search', 'zzqqxx'])).code).toBe(EXIT.ok);
    const blank = await run(['show', ' ']);
    expect(blank.code).toBe(EXIT.usage);
    expect(blank.stderr).toBe('ddi: show needs a name\n');
  });
});
