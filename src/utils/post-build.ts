import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, inlineScriptHashes, withCspMeta } from './csp.ts';

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Pages and files fetched by every visitor, precached by the service worker at install. */
const SHELL = ['/', '/replacements/', '/irql/', '/data/', '/offline/', '/search/names.json', '/favicon.svg'];

/**
 * After Starlight (and pagefind) wrote dist/: put the CSP meta in every page, write `_headers`, and
 * write `/offline-manifest.json`: `shell` (precached by the service worker at install) and `pages`
 * (every page and search index file, fetched by the "keep the whole site offline" button). One pass over dist/.
 */
export function postBuild(): AstroIntegration {
  return {
    name: 'ddi-atlas:post-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const allHashes = new Set<string>();
        const pages: string[] = [];
        const search: string[] = [];
        const assets: string[] = [];
        let count = 0;
        for await (const file of walk(root)) {
          const url = '/' + relative(root, file).split(sep).join('/');
          if (url.endsWith('.html')) {
            const html = await readFile(file, 'utf8');
            const hashes = inlineScriptHashes(html);
            for (const h of hashes) allHashes.add(h);
            await writeFile(file, withCspMeta(html, hashes));
            count++;
            if (url === '/404.html') continue;
            pages.push(url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url);
          } else if (url.startsWith('/pagefind/')) {
            search.push(url);
          } else if (url.startsWith('/_astro/')) {
            assets.push(url);
          }
        }
        await writeFile(join(root, '_headers'), headersFile(allHashes));
        pages.sort();
        search.sort();
        assets.sort();
        // Precached at install: pagefind's script, wasm, entry and metadata (the name index is in SHELL).
        // Its index chunks and fragments grow with the site (13 MB gzip at 20,000 routines), so they are
        // cached as queries use them, or all at once by the "keep the whole site offline" button.
        const prebuiltUi = /\/pagefind-(ui|modular-ui|component-ui|highlight)/;
        const searchCore = search.filter((u) => !/\/(index|fragment)\//.test(u) && !prebuiltUi.test(u));
        const searchData = search.filter((u) => /\/(index|fragment)\//.test(u));
        const manifest = { shell: [...SHELL, ...assets, ...searchCore], pages: [...pages, ...searchData] };
        await writeFile(join(root, 'offline-manifest.json'), JSON.stringify(manifest));
        logger.info(`CSP meta in ${count} pages; ${pages.length} pages in the offline manifest`);
      },
    },
  };
}
