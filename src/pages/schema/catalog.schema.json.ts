import type { APIRoute } from 'astro';
import { catalogJsonSchema } from '../../../schema/index.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(catalogJsonSchema(), null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
