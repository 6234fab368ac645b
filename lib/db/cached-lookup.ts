import { onCacheChanged } from "@/lib/events/cache-events";

/**
 * A per-process cache of something that rarely changes. An entry is dropped when any
 * instance announces a change to it (notifyCacheChanged with `${name}:${key}`, delivered
 * at commit), and is never used more than `ttlMs` after it was read, so even a missed
 * announcement cannot keep a stale value for longer than that.
 */
export function cachedLookup<V>(name: string, ttlMs: number, load: (key: string) => Promise<V>) {
  const entries = new Map<string, { value: Promise<V>; at: number }>();
  let subscribed = false;
  const prefix = `${name}:`;
  return {
    get(key: string): Promise<V> {
      if (!subscribed) {
        subscribed = true;
        onCacheChanged((k) => k.startsWith(prefix) && entries.delete(k.slice(prefix.length)));
      }
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = load(key);
      entries.set(key, { value, at: Date.now() });
      if (entries.size > 10_000) entries.delete(entries.keys().next().value!);
      value.catch(() => entries.delete(key)); // never cache a failure
      return value;
    },
    invalidate(key: string) {
      entries.delete(key);
    },
  };
}

type PerDb = Map<string, WeakMap<object, ReturnType<typeof cachedLookup<unknown>>>>;
/** On globalThis so several bundles of one process share the caches (and their NOTIFY listeners). */
const perDb: PerDb = ((globalThis as { __aegisCaches?: PerDb }).__aegisCaches ??= new Map());

/**
 * `cachedLookup` with one cache per database client: a lookup reads through the client it is
 * given, never through whichever client happened to ask first (a test's own database, the
 * bench's, and the server's each get theirs).
 */
export function cachedLookupPerDb<D extends object, V>(name: string, ttlMs: number, load: (db: D, key: string) => Promise<V>) {
  let byDb = perDb.get(name);
  if (!byDb) perDb.set(name, (byDb = new WeakMap()));
  const caches = byDb;
  return (db: D, key: string): Promise<V> => {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = cachedLookup(name, ttlMs, (k) => load(db, k))));
    return cache.get(key) as Promise<V>;
  };
}
