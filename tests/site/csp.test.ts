import { describe, expect, it } from 'vitest';
import { headersFile, inlineScriptHashes, withCspMeta } from '../../src/utils/csp.ts';

describe('CSP helpers', () => {
  const html = '<html><head><meta charset="utf-8"><script>a()</script><script src="/x.js"></script></head><body><script type="module">b()</script></body></html>';

  it('hashes inline scripts only', () => {
    // sha256 of "a()" and of "b()", base64 (openssl dgst -sha256 -binary | base64)
    expect(inlineScriptHashes(html)).toEqual(['sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4=', 'sha256-cf242PFc/kb7xD0Qzhsmd9vvRkc+cWFmbi+k+YvtdKc=']);
  });

  it('puts the policy first in <head>, with no unsafe-inline or unsafe-eval for scripts', () => {
    const out = withCspMeta(html, inlineScriptHashes(html));
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'));
    const policy = /content="([^"]*)"/.exec(out)![1];
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(policy).toContain("object-src 'none'");
  });

  it('writes a headers file with frame-ancestors, which a meta tag cannot carry', () => {
    expect(headersFile(['sha256-x'])).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'.*'sha256-x'.*frame-ancestors 'none'/);
  });
});
