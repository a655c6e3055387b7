import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Catalog } from '../../schema/index.ts';

/** The catalog the built site was made from (dist/catalog.json is a byte copy of it). */
export function builtCatalog(): Catalog {
  return JSON.parse(readFileSync('dist/catalog.json', 'utf8')) as Catalog;
}

/** Pins Starlight's theme before any script runs, so a screenshot shows the theme asked for. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

/** One URL per page type, chosen from the catalog so the suite follows the data. */
export function pageTypes(catalog: Catalog): { type: string; url: string }[] {
  const structure = catalog.structures.find((s) => s.routines.length > 0) ?? catalog.structures[0];
  const category = catalog.categories.find((c) => c.routines.length > 0) ?? catalog.categories[0];
  const routine = catalog.routines.find((r) => r.name === 'ExAcquireRundownProtection') ?? catalog.routines[0];
  const header = catalog.headers.find((h) => h.name === 'wdm.h') ?? catalog.headers[0];
  const types = [
    { type: 'home', url: '/' },
    { type: 'routine', url: `/routines/${routine.name}/` },
    { type: 'header', url: `/headers/${header.name}/` },
    { type: 'headers', url: '/headers/' },
    { type: 'categories', url: '/categories/' },
    { type: 'replacements', url: '/replacements/' },
    { type: 'irql', url: '/irql/' },
    { type: 'data', url: '/data/' },
  ];
  if (structure) types.push({ type: 'structure', url: `/structures/${structure.name}/` });
  if (category) types.push({ type: 'category', url: `/categories/${category.slug}/` });
  const obsolete = catalog.routines.find((r) => r.status !== 'supported');
  if (obsolete) types.push({ type: 'obsolete-routine', url: `/routines/${obsolete.name}/` });
  return types;
}
