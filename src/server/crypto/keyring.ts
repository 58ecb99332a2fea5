/**
 * The running server's keyring: DATA_KEYS, or for a local demo a key file kept beside the
 * data folder (made on first use, readable by the owner only). The database alone never holds a key.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEnv, type Env } from '../env';
import { newKeySpec, parseKeyring, type Keyring } from './sealed';

let cached: { spec: string; ring: Keyring } | undefined;

export function keyFilePath(env: Env): string {
  return env.DATA_KEY_FILE ?? path.join(path.dirname(path.resolve(env.PGLITE_DIR)), 'data-keys');
}

function specFromFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${newKeySpec('k1')}\n`, { flag: 'wx', mode: 0o600 });
      console.warn(`[data keys] made a new data key in ${file}; in production set DATA_KEYS instead.`);
    } catch {
      // Another process made it first: use theirs.
    }
    return readFileSync(file, 'utf8').trim();
  }
}

/** Per process: the key file is read once, not on every sealed read or write. */
const fileSpecs = new Map<string, string>();

export function dataKeyring(env: Env = loadEnv()): Keyring {
  const file = keyFilePath(env);
  const spec = env.DATA_KEYS ?? fileSpecs.get(file) ?? fileSpecs.set(file, specFromFile(file)).get(file) ?? '';
  if (cached?.spec !== spec) cached = { spec, ring: parseKeyring(spec) };
  return cached.ring;
}
