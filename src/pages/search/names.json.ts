import type { APIRoute } from 'astro';
import { loadSite } from '../../utils/catalog.ts';
import { proseText } from '../../utils/prose.ts';
import type { NameIndex, NameRow } from '../../utils/name-search.ts';

/** The name index the search UI ranks (see src/utils/name-search.ts): every entity, and every alias. */
export const GET: APIRoute = () => {
  const { catalog } = loadSite();
  const rows: NameRow[] = [];
  for (const r of catalog.routines) {
    const detail = [r.kind === 'function' ? '' : r.kind, r.header ?? '', r.status === 'supported' ? '' : r.status].filter(Boolean).join(' · ');
    rows.push([r.name, 'r', '', detail]);
    for (const a of r.aliases) rows.push([a, 'r', r.name, detail]);
  }
  for (const s of catalog.structures) {
    rows.push([s.name, 's', '', s.header ?? '']);
    for (const a of s.aliases) rows.push([a, 's', s.name, s.header ?? '']);
  }
  for (const h of catalog.headers) rows.push([h.name, 'h', '', `${h.routines.length} routines`]);
  for (const c of catalog.categories) rows.push([proseText(c.title), 'c', c.slug, c.slug]);
  const index: NameIndex = { version: 1, rows };
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
