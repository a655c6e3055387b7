import { describe, expect, it } from 'vitest';
import { assertBuilt, attrs, fileFor, ids, readSite, siteFiles } from './dist.ts';

/**
 * Walks the whole built site: every internal link, anchor, script and stylesheet resolves; no link
 * uses a scheme other than https (plus our own paths); every external link carries rel="noopener".
 */
describe('dist/', () => {
  assertBuilt();
  const pages = siteFiles().filter((f) => f.endsWith('.html'));
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = idCache.get(file);
    if (!set) idCache.set(file, (set = ids(readSite(file))));
    return set;
  };

  it('has every internal link and anchor resolving', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const html = readSite(page);
      const base = new URL(page.replace(/index\.html$/, ''), 'http://site.invalid');
      const refs = [...attrs(html, 'a', 'href'), ...attrs(html, 'link', 'href'), ...attrs(html, 'script', 'src')];
      for (const ref of refs) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) continue; // external: checked below
        const url = new URL(ref, base);
        if (url.origin !== base.origin) continue;
        const file = fileFor(url.pathname);
        if (!file) {
          broken.push(`${page}: ${ref} (no file)`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && file.endsWith('.html') && !idsOf(file).has(anchor)) broken.push(`${page}: ${ref} (no id "${anchor}")`);
      }
    }
    expect(broken.slice(0, 30)).toEqual([]);
    expect(pages.length).toBeGreaterThan(5);
  });

  it('links outside the site only over https, with rel="noopener"', () => {
    const bad: string[] = [];
    for (const page of pages) {
      const html = readSite(page);
      for (const tag of html.match(/<a\b[^>]*>/gi) ?? []) {
        const href = attrs(tag, 'a', 'href')[0];
        if (href === undefined || !/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
        if (!href.startsWith('https://')) bad.push(`${page}: ${href}`);
        else if (!/\srel="[^"]*\bnoopener\b/.test(tag)) bad.push(`${page}: ${href} without rel=noopener`);
      }
    }
    expect(bad.slice(0, 30)).toEqual([]);
  });

  it('has a page for every routine, structure, header and category of the catalog', () => {
    const catalog = JSON.parse(readSite('/catalog.json'));
    const missing: string[] = [];
    const want = [
      ...catalog.routines.flatMap((r: { name: string }) => [`/routines/${r.name}/`, `/routines/${r.name}.json`]),
      ...catalog.structures.flatMap((s: { name: string }) => [`/structures/${s.name}/`, `/structures/${s.name}.json`]),
      ...catalog.headers.flatMap((h: { name: string }) => [`/headers/${h.name}/`, `/headers/${h.name}.json`]),
      ...catalog.categories.map((c: { slug: string }) => `/categories/${c.slug}/`),
      '/replacements/', '/irql/', '/data/', '/catalog.json', '/schema/catalog.schema.json', '/favicon.svg',
    ];
    for (const url of want) if (!fileFor(encodeURI(url))) missing.push(url);
    expect(missing.slice(0, 30)).toEqual([]);
  });
});
