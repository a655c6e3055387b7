import type { APIRoute } from 'astro';
import { loadSite } from '../../utils/catalog.ts';

export function getStaticPaths() {
  return loadSite().catalog.structures.map((record) => ({ params: { name: record.name }, props: { record } }));
}

/** The record exactly as in the catalog (same schema as /schema/catalog.schema.json's $defs). */
export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.record, null, 2), { headers: { 'Content-Type': 'application/json' } });
