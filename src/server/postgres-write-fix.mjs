// @ts-check
/**
 * postgres.js 3.4.x crashes the whole process when PostgreSQL restarts under load: a small write
 * is flushed from a setImmediate, and when the connection closed in between (a transaction's
 * ROLLBACK after its connection died, say) `socket.write` runs on `null` and throws where no
 * caller can catch it (porsager/postgres#1154, #1208; fix proposed in #1209, not released as of
 * 3.4.9). The same teardown leaves the buffered bytes and a stale timer behind, so that
 * connection slot never sends its start-up message again.
 *
 * `npm run serve` applies that fix while loading the driver: a write without a socket rejects
 * its queries with CONNECTION_CLOSED (a 503 for the person) instead, and teardown forgets the
 * buffered write. When a postgres.js release no longer has this code, nothing is changed and a
 * line in the log says so: check whether the release fixed it, then remove this file.
 */
import nodeModule from 'node:module';

const CONNECTION = /\/node_modules\/postgres\/src\/connection\.js$/;

/** Returns the fixed source of postgres.js's connection.js, or undefined when it does not match. */
export function fixConnectionSource(/** @type {string} */ source) {
  const write = 'function nextWrite(fn) {\n    const x = socket.write(chunk, fn)';
  const teardown = /^( {4})clearImmediate\(nextWriteTimer\)$/gm;
  if (!source.includes(write) || (source.match(teardown) ?? []).length !== 2) return undefined;
  return source
    .replace(
      write,
      "function nextWrite(fn) {\n    if (!socket) return (chunk = nextWriteTimer = null, error(Errors.connection('CONNECTION_CLOSED', options)), true)\n    const x = socket.write(chunk, fn)",
    )
    .replace(teardown, '$1clearImmediate(nextWriteTimer), chunk = nextWriteTimer = null');
}

/** Registers the fix for the modules this process loads from now on. */
export function applyPostgresWriteFix() {
  // Synchronous module hooks came with Node 22.15; the project's own Node (24) has them.
  if (typeof nodeModule.registerHooks !== 'function') {
    process.stderr.write('[db] Node.js without module.registerHooks: the postgres.js null-socket write fix is not applied\n');
    return;
  }
  nodeModule.registerHooks({
    load(url, context, nextLoad) {
      const loaded = nextLoad(url, context);
      if (!CONNECTION.test(url) || !loaded.source) return loaded;
      const text = typeof loaded.source === 'string' ? loaded.source : new TextDecoder().decode(loaded.source);
      const fixed = fixConnectionSource(text);
      if (fixed) return { ...loaded, source: fixed };
      process.stderr.write('[db] postgres.js changed: the null-socket write fix was not applied (see src/server/postgres-write-fix.mjs)\n');
      return loaded;
    },
  });
}
