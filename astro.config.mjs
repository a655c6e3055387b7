// @ts-check
import { existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { postBuild } from './src/utils/post-build.ts';

// The sidebar lists sections, never entities: its HTML is repeated on every page, so it must not grow
// with the catalog (20,000 routines × a sidebar of 20,000 links is quadratic in build time and size).
const sidebar = [
  { label: 'Home', link: '/' },
  { label: 'Categories', link: '/categories/' },
  { label: 'Headers', link: '/headers/' },
  { label: 'IRQL index', link: '/irql/' },
  { label: 'Replacements', link: '/replacements/' },
  { label: 'Data and downloads', link: '/data/' },
];
if (existsSync('src/pages/playground')) sidebar.splice(5, 0, { label: 'Playground', link: '/playground/' });

export default defineConfig({
  site: 'https://ddi-atlas.example',
  // Prefetching every hovered link costs a script on every page and requests a visitor never asked for.
  prefetch: false,
  build: { format: 'directory' },
  integrations: [
    starlight({
      title: 'DDI Atlas',
      description: 'Windows kernel driver support routines: reference, IRQL, replacements, data',
      favicon: '/favicon.svg',
      sidebar,
      pagefind: true,
      customCss: ['./src/styles/site.css'],
      components: {
        Search: './src/components/Search.astro',
      },
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' } },
        { tag: 'script', attrs: { src: '/sw-register.js', defer: true } },
      ],
    }),
    postBuild(),
  ],
});
