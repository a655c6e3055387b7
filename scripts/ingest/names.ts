/**
 * Names and links. The official page names (`nf-wdm-exacquirerundownprotection`) are the join key between
 * sources: a link anywhere that points at a page names the entity documented there.
 */

const PAGE_RE = /(?:^|[/\\])((?:nf|nc|ns|ne|nn|ni|nl|nx|nd|nt)-[a-z0-9_]+-[a-z0-9_.]+?)(?:\.md)?\/?(?:[#?].*)?$/i;

/** The official page a link points at (`nf-wdm-foo`, lower-case), or null for any other link. */
export function ddiPageOf(href: string): string | null {
  const h = href.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) && !/^https?:/i.test(h)) return null;
  if (/^https?:/i.test(h) && !/\/ddi\//i.test(h)) return null;
  if (/^\//.test(h) && !/\/ddi\//i.test(h)) return null;
  if (/file:/i.test(h)) return null;
  const m = PAGE_RE.exec(h);
  return m ? m[1]!.toLowerCase() : null;
}

/** The header directory of an official page name: `nf-aux_klib-auxklibinitialize` → `aux_klib`. */
export function headerDirOfPage(page: string): string | null {
  const m = /^[a-z]{2}-([a-z0-9_]+)-/.exec(page);
  return m ? m[1]! : null;
}

export const OFFICIAL_BASE = 'https://learn.microsoft.com/windows-hardware/drivers/ddi';

/** `https://learn.microsoft.com/windows-hardware/drivers/ddi/<header-dir>/<page>` */
export function officialUrlOf(headerDir: string, page: string): string {
  return `${OFFICIAL_BASE}/${headerDir}/${page}`;
}

/** A C identifier as the sources write routine and structure names. */
export const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The set of names the sources attest, with case-insensitive lookup and the pages they come from.
 * Built once; lookups are O(1).
 */
export class NameIndex {
  private readonly exact = new Map<string, string>();
  private readonly lower = new Map<string, string>();
  private readonly pages = new Map<string, string>();

  /** Registers `name` (and optionally an alias spelling) as naming the entity `canonical`. */
  add(name: string, canonical: string = name): void {
    if (!this.exact.has(name)) this.exact.set(name, canonical);
    const l = name.toLowerCase();
    if (!this.lower.has(l)) this.lower.set(l, canonical);
  }

  addPage(page: string, canonical: string): void {
    if (!this.pages.has(page)) this.pages.set(page, canonical);
  }

  has(name: string): boolean {
    return this.exact.has(name);
  }

  /** The canonical name for a spelling, exact first, then ignoring case. */
  canonical(name: string): string | undefined {
    return this.exact.get(name) ?? this.lower.get(name.toLowerCase());
  }

  page(page: string): string | undefined {
    return this.pages.get(page.toLowerCase());
  }

}
