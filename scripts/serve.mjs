// Starts the built portal (dist/) with the standalone Node server.
process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '4321';
const { existsSync } = await import('node:fs');
if (!existsSync('dist/server/entry.mjs')) {
  console.error('No build found in dist/. Run `npm run build` first (or `npm start`, which builds).');
  process.exit(1);
}
await import('../dist/server/entry.mjs');
