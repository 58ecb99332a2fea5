// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';

export default defineConfig({
  site: process.env.PUBLIC_ORIGIN ?? 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  integrations: [preact()],
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One round trip: the small stylesheet travels inside each page.
    inlineStylesheets: 'always',
  },
  security: { checkOrigin: true },
  devToolbar: { enabled: false },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
