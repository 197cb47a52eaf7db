/**
 * A JSON file of the build (dist/…), read through the assets binding and kept for a minute per isolate: the catalog
 * and the rules are the same pages' facts, so they change only with a deploy.
 */
const TTL_MS = 60_000;

export function builtJson<T>(path: string): (assets: Fetcher, nowMs?: number) => Promise<T> {
  // Only the parsed value is shared between requests: a pending fetch started by one request cannot be awaited by
  // another (the runtime refuses such I/O).
  let cached: { at: number; value: T } | undefined;
  return async (assets, nowMs = Date.now()) => {
    if (cached && nowMs - cached.at <= TTL_MS) return cached.value;
    const r = await assets.fetch(`https://assets.invalid/${path}`);
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    const value = (await r.json()) as T;
    cached = { at: nowMs, value };
    return value;
  };
}
