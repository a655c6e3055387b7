import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { catalogPath, loadSite } from '../utils/catalog.ts';

/** The catalog as the ingest wrote it, byte for byte (after the site validated it). */
export const GET: APIRoute = () => {
  loadSite();
  return new Response(readFileSync(catalogPath()), { headers: { 'Content-Type': 'application/json' } });
};
