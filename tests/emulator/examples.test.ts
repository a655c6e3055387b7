// Every runnable example runs in Node and prints exactly its expected output (src/examples/*.expected.txt);
// its header names only routines it calls and names the emulator defines.
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';
import { EXAMPLES, examplesFor, parseExample } from '../../src/examples/index.ts';
import { runExampleSource } from '../../src/examples/node-runner.ts';
import { outputText } from '../../src/examples/runtime.ts';

describe('runnable examples', () => {
  it('there are examples', () => {
    expect(EXAMPLES.length).toBeGreaterThan(20);
  });

  for (const example of EXAMPLES) {
    it(`${example.slug}: prints its expected output`, async () => {
      const result = await runExampleSource(example.source);
      expect(outputText(result)).toBe(example.expected);
    });

    it(`${example.slug}: calls every routine it lists, and the emulator knows every name`, () => {
      const k = createKernel();
      for (const r of example.routines) {
        expect(typeof k[r], `${r} is not an emulated routine`).toBe('function');
        expect(example.source, `${example.slug} lists ${r} but never calls it`).toMatch(new RegExp(`\\bk\\.${r}\\(`));
      }
      for (const s of example.structures) expect(() => k.sizeof(s), `${s} has no layout`).not.toThrow();
    });
  }

  it('a failing example reports the bug check and the example line that caused it', async () => {
    const result = await runExampleSource("const p = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 8, k.tag('Line'));\nk.ExFreePool(p);\nk.ExFreePool(p);");
    expect(result.outcome).toBe('bugcheck');
    expect(result.bugcheck?.codeName).toBe('DRIVER_VERIFIER_DETECTED_VIOLATION');
    expect(result.line).toBe(3);
  });

  it('output is capped', async () => {
    const result = await runExampleSource('for (let i = 0; i < 100000; i++) print("x".repeat(100));');
    expect(result.truncated).toBe(true);
    expect(result.lines.join('\n').length).toBeLessThanOrEqual(64 * 1024);
  });

  it('examplesFor maps routine and structure names to examples', () => {
    expect(examplesFor('ExAcquireRundownProtection').map((e) => e.slug)).toContain('rundown-protection');
    expect(examplesFor('EX_RUNDOWN_REF').length).toBeGreaterThan(0);
    expect(examplesFor('NoSuchRoutine')).toEqual([]);
  });

  it('a malformed header is an error with the file and line', () => {
    expect(() => parseExample('./bad.example.js', 'print(1)', '1')).toThrow(/bad\.example\.js:1: .*@title/);
    expect(() => parseExample('./bad.example.js', '// @title T\n// @title U\n// @routines X', '')).toThrow(/bad\.example\.js:2:/);
  });
});
