import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Catalog, type Category, type Header, type Routine, type Structure } from '../../schema/index.ts';
import { entityUrl, type EntityType } from './urls.ts';

/** Where the site reads its catalog: `DDI_CATALOG` (tests point it at fixtures), else the ingest's output. */
export function catalogPath(): string {
  return resolve(process.env.DDI_CATALOG ?? 'build/catalog.json');
}

/** A name that prose and signatures may mention, and the page it links to. */
export interface LinkTarget {
  type: EntityType;
  name: string;
  url: string;
}

export interface Site {
  catalog: Catalog;
  routines: Map<string, Routine>;
  structures: Map<string, Structure>;
  headers: Map<string, Header>;
  categories: Map<string, Category>;
  /** Child categories of each slug ('' for the top level), in catalog order. */
  childCategories: Map<string, Category[]>;
  /** Every linkable name (canonical names and aliases) → its page. Case-sensitive, as C is. */
  links: Map<string, LinkTarget>;
  /** Header names are matched case-insensitively (sources write `Wdm.h` for `wdm.h`). */
  headerLinks: Map<string, LinkTarget>;
}

let cached: { path: string; site: Site } | undefined;

/** Loads, validates and indexes the catalog once per build (every page shares the result). */
export function loadSite(): Site {
  const path = catalogPath();
  if (cached?.path === path) return cached.site;
  if (!existsSync(path)) {
    throw new Error(`${path}:1: catalog not found; run \`npm run ingest\` or set DDI_CATALOG to a catalog file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}:1: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Catalog.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => `${path}:1: ${i.path.join('.')}: ${i.message}`);
    throw new Error(`catalog does not match schema/:\n${issues.join('\n')}`);
  }
  const site = indexCatalog(parsed.data);
  cached = { path, site };
  return site;
}

/** Builds the lookup tables in one linear pass over the catalog. */
export function indexCatalog(catalog: Catalog): Site {
  const routines = new Map(catalog.routines.map((r) => [r.name, r]));
  const structures = new Map(catalog.structures.map((s) => [s.name, s]));
  const headers = new Map(catalog.headers.map((h) => [h.name, h]));
  const categories = new Map(catalog.categories.map((c) => [c.slug, c]));
  const childCategories = new Map<string, Category[]>();
  for (const c of catalog.categories) {
    const parent = c.parent !== null && categories.has(c.parent) ? c.parent : '';
    const list = childCategories.get(parent) ?? [];
    list.push(c);
    childCategories.set(parent, list);
  }

  const links = new Map<string, LinkTarget>();
  // Canonical names first, then aliases: an alias never hides another entity's own name.
  for (const r of catalog.routines) links.set(r.name, { type: 'routine', name: r.name, url: entityUrl('routine', r.name) });
  for (const s of catalog.structures) {
    if (!links.has(s.name)) links.set(s.name, { type: 'structure', name: s.name, url: entityUrl('structure', s.name) });
  }
  for (const r of catalog.routines) {
    for (const a of r.aliases) if (!links.has(a)) links.set(a, links.get(r.name)!);
  }
  for (const s of catalog.structures) {
    for (const a of s.aliases) if (!links.has(a)) links.set(a, links.get(s.name)!);
  }
  const headerLinks = new Map<string, LinkTarget>();
  for (const h of catalog.headers) {
    headerLinks.set(h.name.toLowerCase(), { type: 'header', name: h.name, url: entityUrl('header', h.name) });
  }
  return { catalog, routines, structures, headers, categories, childCategories, links, headerLinks };
}

/** Resolves a name as written (canonical, alias or header) to its page, or undefined when it has none. */
export function resolveName(site: Site, name: string): LinkTarget | undefined {
  return site.links.get(name) ?? site.headerLinks.get(name.toLowerCase());
}

/** The chain of categories from the top level down to `slug` (inclusive); cycles are cut. */
export function categoryTrail(site: Site, slug: string): Category[] {
  const trail: Category[] = [];
  const seen = new Set<string>();
  let current = site.categories.get(slug);
  while (current && !seen.has(current.slug)) {
    seen.add(current.slug);
    trail.unshift(current);
    current = current.parent === null ? undefined : site.categories.get(current.parent);
  }
  return trail;
}
