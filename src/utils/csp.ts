import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy: everything from our own origin, nothing inline except the exact
 * scripts a page carries (by hash). `wasm-unsafe-eval` is pagefind's WebAssembly search; no
 * `unsafe-eval`: example code runs in a worker. Inline styles stay allowed because the theme sets
 * style attributes; prose cannot carry any (it is sanitised).
 */
export function cspDirectives(scriptHashes: Iterable<string>): string[] {
  const hashes = [...new Set(scriptHashes)].sort().map((h) => `'${h}'`);
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ];
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** sha256 sources of every inline script in an HTML document, as CSP writes them. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    out.push(`sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}`);
  }
  return out;
}

/**
 * Inserts the CSP `<meta>` right after `<head>` (before any script it must govern).
 * Returns the document unchanged when it has no head (e.g. a redirect stub).
 */
export function withCspMeta(html: string, hashes: string[]): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${cspDirectives(hashes).join('; ')}">`;
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/** A `_headers` file (Netlify, Cloudflare Pages format): the policy for every page, plus what only a header can say. */
export function headersFile(allHashes: Iterable<string>): string {
  const policy = [...cspDirectives(allHashes), "frame-ancestors 'none'"].join('; ');
  return [
    '/*',
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '  X-Frame-Options: DENY',
    '',
  ].join('\n');
}
