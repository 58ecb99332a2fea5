import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from '../support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/server/entry.mjs')) throw new Error('The build suites test dist/: run `npm run build` first.');
  const server = await startServer({}, undefined, [{ args: ['tests/support/seed-staff.ts'] }]);
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
