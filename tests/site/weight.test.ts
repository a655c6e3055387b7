import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assertBuilt, attrs, readSite, siteFiles } from './dist.ts';

const BUDGET = 25 * 1024;

/** gzip bytes a first visit downloads: the HTML, its stylesheets (not print) and scripts with their static imports. */
function firstVisitBytes(page: string): { total: number; html: number; css: number; js: number } {
  const html = readSite(page);
  const seen = new Set<string>();
  let css = 0;
  let js = 0;
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/rel="stylesheet"/.test(tag) || /media="print"/.test(tag)) continue;
    const href = attrs(tag, 'link', 'href')[0];
    if (href?.startsWith('/') && !seen.has(href)) {
      seen.add(href);
      css += gzipSync(readSite(href)).length;
    }
  }
  const queue = attrs(html, 'script', 'src').filter((s) => s.startsWith('/'));
  while (queue.length) {
    const src = queue.shift()!;
    if (seen.has(src)) continue;
    seen.add(src);
    const code = readSite(src);
    js += gzipSync(code).length;
    // Static imports load with the module; dynamic import() does not.
    for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[^"'()]*?from\s*)?["']([^"']+)["']/g)) {
      queue.push(new URL(m[1], `http://x${src}`).pathname);
    }
  }
  const htmlBytes = gzipSync(html).length;
  return { total: htmlBytes + css + js, html: htmlBytes, css, js };
}

describe('first-visit weight of a routine page (HTML + CSS + JS, gzip)', () => {
  assertBuilt();
  const routines = siteFiles().filter((f) => /^\/routines\/[^/]+\/index\.html$/.test(f));

  it(`ExAcquireRundownProtection stays within ${BUDGET / 1024} KB`, () => {
    const w = firstVisitBytes('/routines/ExAcquireRundownProtection/index.html');
    console.log('ExAcquireRundownProtection first visit (gzip bytes):', w);
    expect(w.total).toBeLessThanOrEqual(BUDGET);
  });

  it(`95% of routine pages stay within ${BUDGET / 1024} KB`, () => {
    const totals = routines.map((p) => ({ p, ...firstVisitBytes(p) })).sort((a, b) => a.total - b.total);
    const p95 = totals[Math.floor(totals.length * 0.95)] ?? totals.at(-1)!;
    console.log(`routine pages: ${totals.length}; median ${totals[totals.length >> 1]?.total} B; p95 ${p95.total} B; max ${totals.at(-1)?.total} B (${totals.at(-1)?.p})`);
    expect(p95.total).toBeLessThanOrEqual(BUDGET);
  });
});
