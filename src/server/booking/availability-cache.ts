/**
 * When new times open, many people ask for the same availability in the same second. Each
 * process answers them from one computation (concurrent requests share it) for up to a second,
 * and forgets it at once when a booking here changes the picture. Another instance's booking
 * shows after at most that second; the database still refuses any overbooking.
 */
const TTL_MS = 1000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

export function cachedAvailability<T>(service: string, location: string, variant: string, compute: () => Promise<T>): Promise<T> {
  const key = `${service}|${location}|${variant}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  cache.set(key, { at: Date.now(), value });
  value.catch(() => cache.delete(key));
  if (cache.size > 5000) cache.clear();
  return value;
}

export function forgetAvailability(service: string, location: string): void {
  const prefix = `${service}|${location}|`;
  for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
}
