// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://ddi-atlas.example',
  integrations: [
    starlight({
      title: 'DDI Atlas',
    }),
  ],
});
