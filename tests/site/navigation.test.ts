import { describe, expect, it } from 'vitest';
import { assertBuilt, readSite, siteFiles } from './dist.ts';

/** The sidebar is repeated on every page: it must list sections only, never entities, so page size stays flat. */
describe('site navigation', () => {
  assertBuilt();
  const pages = siteFiles().filter((f) => /^\/(routines|structures|headers|categories)\/.+\/index\.html$/.test(f));

  const sidebarOf = (page: string): string => {
    const html = readSite(page);
    const start = html.indexOf('aria-label="Main"');
    expect(start, `${page}: no main navigation`).toBeGreaterThan(0);
    return html.slice(start, html.indexOf('</nav>', start));
  };

  it('has the same small sidebar on every entity page, with no link to an entity', () => {
    const first = sidebarOf(pages[0]);
    expect(first.length).toBeLessThan(8_000);
    for (const page of pages) {
      const sidebar = sidebarOf(page);
      expect(sidebar, page).not.toMatch(/href="\/(routines|structures)\//);
      // Only the "current page" marker may differ between pages.
      expect(sidebar.replace(/ aria-current="page"/g, '').length, page).toBe(first.replace(/ aria-current="page"/g, '').length);
    }
    expect(pages.length).toBeGreaterThan(10);
  });
});
