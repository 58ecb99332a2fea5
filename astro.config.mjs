// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';

export default defineConfig({
  site: process.env.PUBLIC_ORIGIN ?? 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  integrations: [preact()],
  // Pages link with a trailing slash; the API is called without one. Both work, no redirect hop.
  trailingSlash: 'ignore',
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
