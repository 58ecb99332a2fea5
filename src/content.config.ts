import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const source = z.object({
  title: z.string().min(1),
  summary: z.string().min(1).max(200),
  area: z.enum(['start', 'migration', 'home', 'integration', 'contact', 'help', 'about']),
  order: z.number().int(),
  version: z.number().int().positive(),
  sources: z.array(z.object({ label: z.string().min(1), url: z.url() })),
});

const translation = z.object({
  title: z.string().min(1),
  summary: z.string().min(1).max(300),
  translatedFrom: z.number().int().positive(),
  translation: z.enum(['machine', 'human']),
});

/** src/content/pages/<lang>/<slug>.md; the entry id is "<lang>/<slug>". See src/content/README.md. */
const pages = defineCollection({
  loader: glob({
    pattern: '*/*.md',
    base: './src/content/pages',
    // Keep "<lang>/<slug>" as written, "index" included.
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  }),
  schema: z.union([source.strict(), translation.strict()]),
});

export const collections = { pages };
